using System.Globalization;

namespace Shopiko.Sync.Benchmarks.Report;

/// <summary>Prints a provider's results: the table of issue 6, the details that explain it, and the targets.</summary>
internal static class ResultTable
{
    public static readonly string[] Header = ["scenario", "size", "wall s", "items/s", "HTTP requests", "peak RSS MB", "floor s", "ratio to floor"];

    public static void Write(TextWriter output, string title, IReadOnlyList<ScenarioResult> results, IReadOnlyList<Target> targets)
    {
        output.WriteLine();
        output.WriteLine($"### {title}");
        output.WriteLine();
        Row(output, Header);
        Row(output, Header.Select(_ => "---").ToArray());
        foreach (var r in results)
        {
            Row(output,
            [
                r.Scenario, r.Size, F(r.Cost.WallSeconds, 2), F(r.ItemsPerSecond, 0), r.Cost.HttpRequests.ToString(CultureInfo.InvariantCulture),
                F(r.Cost.PeakRssMb, 0), F(r.FloorSeconds, 2), double.IsNaN(r.RatioToFloor) ? "—" : F(r.RatioToFloor, 1) + "×",
            ]);
        }

        output.WriteLine();
        output.WriteLine("Details (engine = this process, with the methods its JIT compiled and what it allocated; shop = the sandbox's process; DB = the benchmark's MariaDB server and its global status: statements " +
            "(selects/writes), commits, rows read by table scans / through indexes):");
        output.WriteLine();
        Row(output, ["scenario", "outcome", "items sent/written", "engine CPU s", "JIT methods", "engine alloc MB", "shop CPU s", "DB CPU s", "DB statements (sel/wr)", "DB commits", "DB rows scanned / by index", "shop peak RSS MB", "engine phases s"]);
        Row(output, Enumerable.Repeat("---", 13).ToArray());
        foreach (var r in results)
        {
            var c = r.Cost;
            Row(output,
            [
                r.Scenario, r.Outcome, r.ItemsSent.ToString(CultureInfo.InvariantCulture), F(c.EngineCpuSeconds, 2), N(c.EngineJitMethods), F(c.EngineAllocatedMb, 0), O(c.ShopCpuSeconds, 2), O(c.DbCpuSeconds, 2),
                c.Db is { } d ? $"{N(d.Statements)} ({N(d.Selects)}/{N(d.Writes)})" : "—", c.Db is { } d2 ? N(d2.Commits) : "—",
                c.Db is { } d3 ? $"{N(d3.RowsScanned)} / {N(d3.RowsByIndex)}" : "—", O(c.ShopPeakRssMb, 0),
                string.Join(", ", r.Phases.Where(p => p.Key != "total" && p.Value >= 0.01).Select(p => $"{p.Key} {F(p.Value, 2)}")),
            ]);
        }

        if (results.Any(r => !r.Cost.PeakIsPerScenario))
        {
            output.WriteLine();
            output.WriteLine("Note: the peak RSS could not be reset per scenario on this OS; each figure is the process's peak so far.");
        }

        output.WriteLine();
        output.WriteLine("Targets:");
        foreach (var t in targets)
        {
            output.WriteLine($"- {(t.Met ? "met" : "MISSED")}: {t.Description} — {t.Measured}");
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static void Row(TextWriter output, string[] cells) => output.WriteLine("| " + string.Join(" | ", cells) + " |");

    internal static string F(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string O(double? value, int decimals) => value is { } v ? F(v, decimals) : "—";
}
