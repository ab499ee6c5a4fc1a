using System.Globalization;
using Shopiko.Sync.Benchmarks.Floors;
using Shopiko.Sync.Benchmarks.Report;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>
/// The three exports, in order on the same data: everything to an empty shop; again with nothing changed (the delta
/// must send nothing); again after a share of the goods changed price and stock.
/// </summary>
internal static class ExportScenarios
{
    public static async Task<ScenarioResult> FullAsync(BenchmarkContext context, CancellationToken ct)
    {
        var (report, cost) = await ExportAsync(context, ScenarioNames.FullExport, ct).ConfigureAwait(false);
        var floor = await ExportFloor.MeasureAsync(context.Db, context.Data.ObjectId, sent: null, ct).ConfigureAwait(false);
        return BenchmarkContext.Result(ScenarioNames.FullExport, Size(context), Items(context), report.Export!.ItemsSent, report, cost, floor);
    }

    public static async Task<ScenarioResult> NoChangeAsync(BenchmarkContext context, CancellationToken ct)
    {
        var (report, cost) = await ExportAsync(context, ScenarioNames.NoChangeExport, ct).ConfigureAwait(false);
        var floor = await ExportFloor.MeasureAsync(context.Db, context.Data.ObjectId, _ => false, ct).ConfigureAwait(false);
        return BenchmarkContext.Result(ScenarioNames.NoChangeExport, Size(context), Items(context), report.Export!.ItemsSent, report, cost, floor);
    }

    public static async Task<ScenarioResult> ChangedAsync(BenchmarkContext context, CancellationToken ct)
    {
        // Every step-th good gets a new price and a new stock level: two items each to send.
        var step = Math.Max(1, (int)Math.Round(100 / context.Sizes.ChangedPercent));
        var changed = context.Data.GoodIds.Where((_, i) => i % step == 0).ToHashSet();
        var ids = string.Join(", ", changed.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        await context.Db.ExecuteAsync($"UPDATE `goods` SET `PriceOut2` = `PriceOut2` + 1 WHERE `ID` IN ({ids})", ct).ConfigureAwait(false);
        await context.Db.ExecuteAsync($"UPDATE `store` SET `Qtty` = `Qtty` + 5 WHERE `ObjectID` = @o AND `GoodID` IN ({ids})", ct, ("@o", context.Data.ObjectId)).ConfigureAwait(false);

        var (report, cost) = await ExportAsync(context, ScenarioNames.ChangedExport, ct).ConfigureAwait(false);
        var floor = await ExportFloor.MeasureAsync(context.Db, context.Data.ObjectId, changed.Contains, ct).ConfigureAwait(false);
        var size = $"{Size(context)}, {changed.Count} goods changed";
        return BenchmarkContext.Result(ScenarioNames.ChangedExport, size, Items(context), report.Export!.ItemsSent, report, cost, floor);
    }

    private static Task<(RunReport Report, Measurement.Cost Cost)> ExportAsync(BenchmarkContext context, string scenario, CancellationToken ct) =>
        context.RunEngineAsync(scenario, s =>
        {
            s.Export.Goods = true;
            s.Export.Partners = true;
        }, engine => engine.ExportAsync(cancellationToken: ct), ct);

    /// <summary>Items the export examines: categories, products, customers and stock levels.</summary>
    private static long Items(BenchmarkContext context) =>
        context.Data.GroupIds.Count + 2L * context.Data.GoodIds.Count + context.Data.PartnerIds.Count;

    private static string Size(BenchmarkContext context) => string.Create(CultureInfo.InvariantCulture,
        $"{context.Data.GoodIds.Count:N0} goods, {context.Data.GroupIds.Count} groups, {context.Data.PartnerIds.Count:N0} partners");
}
