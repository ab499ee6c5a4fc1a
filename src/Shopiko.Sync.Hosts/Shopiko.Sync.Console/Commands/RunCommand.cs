using System.CommandLine;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary><c>export</c>, <c>import</c> and <c>sync</c>: one recorded run of one server.</summary>
internal static class RunCommand
{
    public static Command Create(SyncOperation operation, string description, CliOptions options)
    {
        var full = new Option<bool>("--full") { Description = FullDescription(operation) };
        var command = new Command(operation.Name(), description)
        {
            options.Server,
            options.DryRun,
            full,
            options.Json,
        }.AcceptOverrides();
        command.SetAction((result, ct) => ExecuteAsync(operation, result, options, full, ct));
        return command;
    }

    /// <summary>What <c>--full</c> does for <paramref name="operation"/>: each command offers only what it does.</summary>
    internal static string FullDescription(SyncOperation operation) => operation switch
    {
        SyncOperation.Import => "List every shop product and customer again, not only those changed since the last complete pass.",
        SyncOperation.Export => "Ignore the remembered hashes and send everything.",
        _ => "Import: list every shop product and customer again; export: ignore the remembered hashes and send everything.",
    };

    private static async Task<int> ExecuteAsync(SyncOperation operation, ParseResult result, CliOptions options, Option<bool> full, CancellationToken ct)
    {
        var json = result.GetValue(options.Json);
        var dryRun = result.GetValue(options.DryRun);
        var terminal = Terminal.Detect();
        CliServices services;
        string server;
        try
        {
            services = CliServices.Create(result.GetValue(options.Config), ConfigurationOverrides.Of(result), result.GetValue(options.Verbose));
            server = services.ResolveServer(result.GetValue(options.Server));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Configuration problems still give scripts a report to parse.
            var reason = RecordedRun.OneLine(ex.Message);
            if (json)
            {
                var now = TimeProvider.System.GetUtcNow();
                ReportPrinter.Json(new RunReport
                {
                    Server = result.GetValue(options.Server) ?? "",
                    Operation = operation.Name(),
                    DryRun = dryRun,
                    StartedAt = now,
                    FinishedAt = now,
                    Outcome = RunOutcome.Failed,
                    Error = reason,
                });
            }

            Terminal.Error($"{operation.Name()} failed: {reason}");
            return ExitCodes.Failed;
        }

        await using (services.ConfigureAwait(false))
        {
            var record = await ProgressDisplay.RunAsync(terminal, enabled: !json, progress =>
                RecordedRun.RunAsync(
                    services.RunLog,
                    () => services.Engines.Create(server),
                    server,
                    operation,
                    trigger: "cli",
                    new SyncRunOptions { DryRun = dryRun, Full = result.GetValue(full), Progress = progress },
                    services.Time,
                    ct)).ConfigureAwait(false);

            if (json)
            {
                ReportPrinter.Json(record.Report);
            }
            else
            {
                ReportPrinter.Print(terminal, record);
            }

            return ExitCodeOf(record, operation);
        }
    }

    /// <summary>0 all went through, 3 finished with items held back, 1 failed (with its reason on stderr).</summary>
    public static int ExitCodeOf(RunRecord record, SyncOperation operation)
    {
        switch (record.Status)
        {
            case RunStatus.Succeeded:
                return ExitCodes.Ok;
            case RunStatus.Partial:
                return ExitCodes.Partial;
            default:
                Terminal.Error($"{operation.Name()} failed: {record.Error ?? "no reason given"}");
                return ExitCodes.Failed;
        }
    }
}
