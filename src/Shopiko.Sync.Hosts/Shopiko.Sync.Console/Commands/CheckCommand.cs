using System.CommandLine;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Sync;
using Shopiko.Sync.Sync.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary><c>check</c>: validates the configuration and reaches both sides of every server (or one).</summary>
internal static class CheckCommand
{
    public static Command Create(CliOptions options)
    {
        var command = new Command("check", "Validate the configuration and reach both sides: database schema, shop add-on, credentials.")
        {
            options.Server,
            options.Json,
        }.AcceptOverrides();
        command.SetAction((result, ct) => ExecuteAsync(result, options, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CliOptions options, CancellationToken ct)
    {
        var json = result.GetValue(options.Json);
        var terminal = Terminal.Detect();
        CliServices services;
        IReadOnlyList<string> servers;
        try
        {
            services = CliServices.Create(result.GetValue(options.Config), ConfigurationOverrides.Of(result), result.GetValue(options.Verbose), LogLevel.Error);
            var name = result.GetValue(options.Server);
            servers = name is null && services.Engines.ServerNames.Count > 0 ? services.Engines.ServerNames : [services.ResolveServer(name)];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Terminal.Error("check failed: " + RecordedRun.OneLine(ex.Message));
            return ExitCodes.Failed;
        }

        await using (services.ConfigureAwait(false))
        {
            var verdicts = new List<Verdict>();
            foreach (var server in servers)
            {
                verdicts.Add(await CheckAsync(services, server, ct).ConfigureAwait(false));
            }

            if (json)
            {
                ReportPrinter.Json(verdicts.Select(v => new
                {
                    v.Server,
                    v.Ok,
                    v.Reason,
                    Warehouse = v.Report?.Warehouse,
                    WarehouseError = v.Report?.WarehouseError,
                    Shop = v.Report?.Shop,
                    ShopError = v.Report?.ShopError,
                }));
            }
            else
            {
                foreach (var verdict in verdicts)
                {
                    terminal.Line($"{verdict.Server}: {(verdict.Ok ? "OK" : "FAILED")}");
                    if (verdict.Report is not { } report)
                    {
                        terminal.Line("  configuration: FAILED - " + verdict.Reason);
                        continue;
                    }

                    terminal.Line("  warehouse: " + (report.WarehouseError is null ? report.Warehouse ?? "reached" : "FAILED - " + report.WarehouseError));
                    terminal.Line("  shop:      " + (report.ShopError is null ? report.Shop ?? "reached" : "FAILED - " + report.ShopError));
                }
            }

            foreach (var failed in verdicts.Where(v => !v.Ok))
            {
                Terminal.Error($"check failed for {failed.Server}: {failed.Reason}");
            }

            return verdicts.All(v => v.Ok) ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }

    private static async Task<Verdict> CheckAsync(CliServices services, string server, CancellationToken ct)
    {
        try
        {
            return new Verdict(server, await services.Engines.Create(server).CheckAsync(ct).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A server that cannot even be composed (bad settings) is a verdict, not a crash of the whole check.
            return new Verdict(server, null, "configuration: " + RecordedRun.OneLine(ex.Message));
        }
    }

    /// <summary>The outcome for one server: the engine's report, or why there is none.</summary>
    private sealed record Verdict(string Server, CheckReport? Report, string? Error)
    {
        public bool Ok => Report?.Ok == true;

        public string? Reason => Error
            ?? (Report?.WarehouseError is { } w ? "warehouse: " + RecordedRun.OneLine(w)
                : Report?.ShopError is { } s ? "shop: " + RecordedRun.OneLine(s)
                : null);
    }
}
