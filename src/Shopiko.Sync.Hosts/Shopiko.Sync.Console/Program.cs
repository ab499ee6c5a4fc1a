// Placeholder until the console host lands (issue 5).
System.Console.WriteLine("shopiko-sync: the console host is not built yet.");
return 0;
