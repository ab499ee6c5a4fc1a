using System.Globalization;
using System.Text.Json;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Output;

/// <summary>Prints run reports for people (tables or plain lines) and for scripts (JSON).</summary>
internal static class ReportPrinter
{
    /// <summary>The report as indented JSON on stdout: the contract of <c>--json</c>.</summary>
    public static void Json<T>(T value) => System.Console.Out.WriteLine(JsonSerializer.Serialize(value, RunReportJson.Indented));

    public static void Print(Terminal terminal, RunRecord record)
    {
        var report = record.Report;
        var duration = record.FinishedAt is { } end ? $" in {(end - record.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
        terminal.Line($"{record.Operation} {record.Server}: {StatusText(record.Status)}{duration}{(report?.DryRun == true ? " (dry run: nothing was written)" : "")}");
        if (report is null)
        {
            return;
        }

        if (report.Export is { } export)
        {
            terminal.Table(
                ["export", "created", "updated", "unchanged", "failed"],
                [
                    Counts("categories", export.Categories),
                    Counts("products", export.Products),
                    Counts("customers", export.Customers),
                    Counts("stock", export.Stock),
                ]);
            if (export.Matching is { } matching)
            {
                terminal.Line($"  matching: {matching.Matched} linked, {matching.New} new, {matching.Ambiguous.Count} ambiguous (left unlinked)");
            }
        }

        if (report.Import is { } import)
        {
            terminal.Table(
                ["import", "count"],
                [
                    ["orders imported", N(import.OrdersImported)],
                    ["orders already imported", N(import.OrdersAlreadyImported)],
                    ["orders quarantined", N(import.OrdersQuarantined)],
                    ["orders reversed", N(import.OrdersReversed)],
                    ["goods created", N(import.GoodsCreated)],
                    ["partners created", N(import.PartnersCreated)],
                    ["groups created", N(import.GroupsCreated)],
                ]);
            if (import.Documents.Count > 0)
            {
                terminal.Line("  documents written: " + string.Join(", ", import.Documents));
            }
        }

        if (report.Quarantine.Count > 0)
        {
            terminal.Table(["held back", "id", "reason"], report.Quarantine.Select(q => (IReadOnlyList<string>)[q.Entity, q.Id, q.Reason]));
        }

        if (report.Warnings.Count > 0)
        {
            terminal.Table(["fitted", "id", "what changed"], report.Warnings.Select(w => (IReadOnlyList<string>)[w.Entity, w.Id, w.Message]));
        }

        foreach (var step in report.Plan)
        {
            terminal.Line("  plan: " + step);
        }
    }

    /// <summary>A one-line summary of a report, for log listings: what it created, changed and held back.</summary>
    public static string Summary(RunReport? report) => report?.Summarize() ?? "";

    public static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Partial => "finished with items held back",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    private static IReadOnlyList<string> Counts(string name, EntityCounts c) => [name, N(c.Created), N(c.Updated), N(c.Unchanged), N(c.Failed)];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
