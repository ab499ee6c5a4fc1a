using System.CommandLine;
using Shopiko.Sync.Console.Commands;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.CommandLine;

/// <summary>The <c>shopiko-sync</c> command tree.</summary>
internal static class ShopikoSyncCli
{
    public static RootCommand Create()
    {
        var options = new CliOptions();
        var root = new RootCommand(
            "shopiko-sync: keeps a Microinvest Warehouse Pro database and a Shopiko shop in sync. Start with 'shopiko-sync demo'.");
        root.Options.Add(options.Config);
        root.Options.Add(options.Verbose);

        root.Subcommands.Add(DemoCommand.Create(options));
        root.Subcommands.Add(RunCommand.Create(SyncOperation.Export, "Export goods, partners and stock from Warehouse Pro to the shop.", options));
        root.Subcommands.Add(RunCommand.Create(SyncOperation.Import, "Import the shop's orders (and its goods and customers, when configured) into Warehouse Pro.", options));
        root.Subcommands.Add(RunCommand.Create(SyncOperation.Sync, "Import, then export.", options));
        root.Subcommands.Add(CheckCommand.Create(options));
        root.Subcommands.Add(ServersCommand.Create(options));
        root.Subcommands.Add(LogCommand.Create(options));
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        return root;
    }
}
