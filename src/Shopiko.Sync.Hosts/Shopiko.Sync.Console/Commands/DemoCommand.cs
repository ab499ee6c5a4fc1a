using System.CommandLine;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Demo;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary>
/// <c>demo</c>: the whole cycle with no setup — a SQLite Warehouse Pro database with sample goods, partners and stock,
/// a sandbox shop on loopback, export, shop orders with discounts, vouchers and a promo code, import, and what both
/// sides hold afterwards.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliOptions options)
    {
        var folder = new Option<string>("--folder")
        {
            Description = "Where the demo database, settings and run log are written (recreated on every run).",
            DefaultValueFactory = _ => Path.Combine(".shopiko-sync", "demo"),
        };
        var command = new Command("demo", "Run a full export → shop orders → import cycle on a new SQLite database and a local sandbox shop.")
        {
            folder,
        };
        command.SetAction(async (result, ct) =>
        {
            var terminal = Terminal.Detect();
            try
            {
                return await DemoRun.RunAsync(terminal, Path.GetFullPath(result.GetValue(folder)!), result.GetValue(options.Verbose), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                Terminal.Error("demo failed: " + RecordedRun.OneLine(ex.Message));
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
