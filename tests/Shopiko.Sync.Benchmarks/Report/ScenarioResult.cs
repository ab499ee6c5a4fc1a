using Shopiko.Sync.Benchmarks.Measurement;

namespace Shopiko.Sync.Benchmarks.Report;

/// <summary>One row of the table, with the details printed below it.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Size">What it covered, in words.</param>
/// <param name="Items">The items it covered (items examined for exports, orders or records for imports).</param>
/// <param name="ItemsSent">Items the engine sent to the shop (exports) or wrote (imports).</param>
/// <param name="Cost">What the engine run cost.</param>
/// <param name="FloorSeconds">The floor measured in the same run.</param>
/// <param name="Outcome">The run report's outcome.</param>
/// <param name="Phases">The run report's seconds per phase.</param>
internal sealed record ScenarioResult(
    string Scenario, string Size, long Items, long ItemsSent, Cost Cost, double FloorSeconds, string Outcome, IReadOnlyDictionary<string, double> Phases)
{
    public double ItemsPerSecond => Cost.WallSeconds > 0 ? Items / Cost.WallSeconds : 0;

    public double RatioToFloor => FloorSeconds > 0 ? Cost.WallSeconds / FloorSeconds : double.NaN;
}
