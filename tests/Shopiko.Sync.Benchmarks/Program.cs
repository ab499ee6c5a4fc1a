// Placeholder until the benchmark lands (issue 6).
System.Console.WriteLine("benchmarks: not built yet.");
