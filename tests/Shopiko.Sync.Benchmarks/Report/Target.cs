namespace Shopiko.Sync.Benchmarks.Report;

/// <summary>A target of issue 6 and whether the run met it.</summary>
/// <param name="Description">The target.</param>
/// <param name="Met">Whether it was met.</param>
/// <param name="Measured">What was measured, in words (by how much it was missed).</param>
internal sealed record Target(string Description, bool Met, string Measured)
{
    /// <summary>The targets on the results of one provider's run.</summary>
    public static IReadOnlyList<Target> Evaluate(IReadOnlyList<ScenarioResult> results)
    {
        var targets = new List<Target>();
        var full = results.FirstOrDefault(r => r.Scenario == Scenarios.ScenarioNames.FullExport);
        if (full is not null)
        {
            targets.Add(new("full export within 3× its floor", full.RatioToFloor <= 3, $"{ResultTable.F(full.RatioToFloor, 1)}× ({ResultTable.F(full.Cost.WallSeconds, 1)} s vs floor {ResultTable.F(full.FloorSeconds, 2)} s)"));
        }

        var noChange = results.FirstOrDefault(r => r.Scenario == Scenarios.ScenarioNames.NoChangeExport);
        if (noChange is not null)
        {
            targets.Add(new("no-change re-export under 1 s with zero items sent", noChange.Cost.WallSeconds < 1 && noChange.ItemsSent == 0,
                $"{ResultTable.F(noChange.Cost.WallSeconds, 2)} s, {noChange.ItemsSent} items sent"));
        }

        var orders = results.FirstOrDefault(r => r.Scenario == Scenarios.ScenarioNames.OrderImport);
        if (orders is not null)
        {
            targets.Add(new("import at least 500 orders/s", orders.ItemsPerSecond >= 500, $"{ResultTable.F(orders.ItemsPerSecond, 0)} orders/s"));
            targets.Add(new("import within 2× its floor", orders.RatioToFloor <= 2, $"{ResultTable.F(orders.RatioToFloor, 1)}× ({ResultTable.F(orders.Cost.WallSeconds, 1)} s vs floor {ResultTable.F(orders.FloorSeconds, 2)} s)"));
        }

        var worst = results.MaxBy(r => r.Cost.PeakRssMb);
        if (worst is not null)
        {
            targets.Add(new("peak memory under 400 MB in every scenario", results.All(r => r.Cost.PeakRssMb < 400),
                $"highest {ResultTable.F(worst.Cost.PeakRssMb, 0)} MB ({worst.Scenario})"));
        }

        return targets;
    }
}
