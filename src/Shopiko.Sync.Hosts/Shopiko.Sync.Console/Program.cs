using Shopiko.Sync.Console.CommandLine;

// Unmatched tokens are configuration overrides (--ShopikoSync:Servers:0:Name=Shop2), handed to the configuration.
return await ShopikoSyncCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
