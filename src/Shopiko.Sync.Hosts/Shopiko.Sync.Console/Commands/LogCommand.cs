using System.CommandLine;
using System.Globalization;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Commands;

/// <summary><c>log</c>: recent runs from the persistent run log (the one the service writes too).</summary>
internal static class LogCommand
{
    public static Command Create(CliOptions options)
    {
        var count = new Option<int>("--count", "-n") { Description = "How many runs per server.", DefaultValueFactory = _ => 10 };
        var command = new Command("log", "Show the recent runs of each server (or one) and their reports.")
        {
            options.Server,
            count,
            options.Json,
        }.AcceptOverrides();
        command.SetAction((result, ct) => ExecuteAsync(result, options, count, ct));
        return command;
    }

    /// <summary>
    /// The servers the run log folder holds that the settings do not name: <c>log</c> lists the folder it is pointed at
    /// (<c>--ShopikoSync:RunLog:Folder=…</c>), whichever settings wrote it.
    /// </summary>
    private static IEnumerable<string> LoggedOnly(FileRunLog log, IReadOnlyList<string> configured)
    {
        if (!Directory.Exists(log.Folder))
        {
            return [];
        }

        var known = configured.Select(log.ServerFolder).ToHashSet(StringComparer.Ordinal);
        return Directory.GetDirectories(log.Folder)
            .Where(d => !known.Contains(d) && Directory.EnumerateFiles(d, "*.jsonl").Any())
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CliOptions options, Option<int> count, CancellationToken ct)
    {
        FileRunLog log;
        List<string> servers;
        try
        {
            var configuration = HostConfiguration.Build(result.GetValue(options.Config), ConfigurationOverrides.Of(result));
            log = SettingsView.RunLog(configuration);
            var configured = SettingsView.Servers(configuration).Servers.Select(s => s.Name).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            var name = result.GetValue(options.Server);
            servers = name is null
                ? [.. configured, .. LoggedOnly(log, configured)]
                : [configured.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? name];
            if (result.GetValue(count) <= 0)
            {
                throw new Configuration.ShopikoConfigurationException("--count must be at least 1.", "--count");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Terminal.Error("log failed: " + RecordedRun.OneLine(ex.Message));
            return ExitCodes.Failed;
        }

        var runs = new List<RunRecord>();
        foreach (var server in servers)
        {
            runs.AddRange(await log.ReadRecentAsync(server, result.GetValue(count), ct).ConfigureAwait(false));
        }

        runs.Sort((a, b) => b.StartedAt.CompareTo(a.StartedAt));

        if (result.GetValue(options.Json))
        {
            ReportPrinter.Json(runs);
            return ExitCodes.Ok;
        }

        var terminal = Terminal.Detect();
        terminal.Line($"Run log: {log.Folder}");
        if (runs.Count == 0)
        {
            terminal.Line("No runs recorded yet.");
            return ExitCodes.Ok;
        }

        terminal.Table(
            ["started (UTC)", "server", "run", "by", "status", "seconds", "what happened"],
            runs.Select(r => (IReadOnlyList<string>)
            [
                r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.Server,
                r.Operation + (r.Report?.DryRun == true ? " (dry)" : ""),
                r.Trigger,
                ReportPrinter.StatusText(r.Status),
                r.FinishedAt is { } end ? (end - r.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "",
                r.Error ?? ReportPrinter.Summary(r.Report),
            ]));

        foreach (var run in runs.Where(r => r.Report?.Quarantine.Count > 0))
        {
            terminal.Line($"{run.Server} {run.Operation} at {run.StartedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} held back:");
            foreach (var item in run.Report!.Quarantine)
            {
                terminal.Line($"  {item.Entity} {item.Id}: {item.Reason}");
            }
        }

        return ExitCodes.Ok;
    }
}
