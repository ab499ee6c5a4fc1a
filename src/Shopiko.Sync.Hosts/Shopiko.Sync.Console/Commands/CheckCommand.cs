using System.CommandLine;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary>
/// <c>check</c>: validates the settings of every server (or one), reaches both sides and checks what a run needs, so
/// what passes here is what <c>import</c> and <c>export</c> accept.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliOptions options)
    {
        var command = new Command("check", "Validate the settings and check what a run needs: database, shop add-on, credentials, object, stock objects, price column, shipping good, currency, first run.")
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
            var validations = services.Options.ValidateServers();
            foreach (var server in servers)
            {
                var validation = validations.FirstOrDefault(v => string.Equals(v.Name, server, StringComparison.OrdinalIgnoreCase));
                verdicts.Add(await CheckAsync(services, server, validation, ct).ConfigureAwait(false));
            }

            if (json)
            {
                ReportPrinter.Json(verdicts.Select(v => new
                {
                    v.Server,
                    v.Ok,
                    v.Reason,
                    Settings = new
                    {
                        Valid = v.Validation?.IsValid ?? true,
                        Problems = (v.Validation?.Problems ?? []).Select(p => new { p.Setting, Severity = p.Severity == SettingSeverity.Error ? "error" : "warning", p.Message }),
                    },
                    Warehouse = v.Report?.Warehouse,
                    WarehouseError = v.Report?.WarehouseError,
                    Shop = v.Report?.Shop,
                    ShopError = v.Report?.ShopError,
                    Checks = v.Report?.Checks ?? [],
                }));
            }
            else
            {
                foreach (var verdict in verdicts)
                {
                    Print(terminal, verdict);
                }
            }

            foreach (var failed in verdicts.Where(v => !v.Ok))
            {
                Terminal.Error($"check failed for {failed.Server}: {failed.Reason}");
            }

            return verdicts.All(v => v.Ok) ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }

    private static void Print(Terminal terminal, Verdict verdict)
    {
        terminal.Line($"{verdict.Server}: {(verdict.Ok ? "OK" : "FAILED")}");
        if (verdict.Validation is { } validation)
        {
            terminal.Line("  settings:  " + (validation.IsValid ? "OK" : "FAILED - this server does not run until they are corrected"));
            foreach (var problem in validation.Problems)
            {
                terminal.Line($"    {(problem.Severity == SettingSeverity.Error ? "error" : "warning")}: {problem.Message}");
            }
        }

        if (verdict.Report is not { } report)
        {
            if (verdict.Error is not null && verdict.Validation?.IsValid != false)
            {
                terminal.Line("  configuration: FAILED - " + verdict.Error);
            }

            return;
        }

        terminal.Line("  warehouse: " + (report.WarehouseError is null ? report.Warehouse ?? "reached" : "FAILED - " + report.WarehouseError));
        terminal.Line("  shop:      " + (report.ShopError is null ? report.Shop ?? "reached" : "FAILED - " + report.ShopError));
        foreach (var item in report.Checks)
        {
            var status = item.Status switch { CheckStatus.Ok => "OK", CheckStatus.Warning => "WARNING", _ => "FAILED" };
            terminal.Line($"  {item.Name}: {status} - {item.Detail}");
        }
    }

    private static async Task<Verdict> CheckAsync(CliServices services, string server, ServerValidation? validation, CancellationToken ct)
    {
        if (validation is { IsValid: false })
        {
            // The settings already say why it cannot run; reaching either side would only add noise.
            return new Verdict(server, validation, null, validation.Summary);
        }

        try
        {
            return new Verdict(server, validation, await services.Engines.Create(server).CheckAsync(ct).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A server that cannot even be composed is a verdict, not a crash of the whole check.
            return new Verdict(server, validation, null, "configuration: " + RecordedRun.OneLine(ex.Message));
        }
    }

    /// <summary>The outcome for one server: its settings' verdict, the engine's report, or why there is none.</summary>
    private sealed record Verdict(string Server, ServerValidation? Validation, CheckReport? Report, string? Error)
    {
        public bool Ok => Error is null && Report?.Ok == true;

        public string? Reason => Error
            ?? (Report?.WarehouseError is { } w ? "warehouse: " + RecordedRun.OneLine(w)
                : Report?.ShopError is { } s ? "shop: " + RecordedRun.OneLine(s)
                : Report?.Checks.FirstOrDefault(c => c.Status == CheckStatus.Failed) is { } c ? $"{c.Name}: {RecordedRun.OneLine(c.Detail)}"
                : null);
    }
}
