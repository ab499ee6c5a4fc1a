using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Benchmarks.Measurement;
using Shopiko.Sync.Benchmarks.Report;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>What every scenario of one provider's run works on.</summary>
internal sealed class BenchmarkContext(WarehouseDb db, ShopHost shop, GeneratedWarehouse data, BenchmarkSizes sizes)
{
    public WarehouseDb Db => db;

    public ShopHost Shop => shop;

    public GeneratedWarehouse Data => data;

    public BenchmarkSizes Sizes => sizes;

    public ScenarioMeter Meter { get; } = new(shop, db);

    /// <summary>Runs the engine once, measured; a failed run stops the benchmark (its figures would mean nothing).</summary>
    public async Task<(RunReport Report, Cost Cost)> RunEngineAsync(
        string scenario, Action<ServerOptions> configure, Func<ISyncEngine, Task<RunReport>> run, CancellationToken ct)
    {
        var (report, cost) = await Meter.MeasureAsync(() => EngineHost.RunAsync(db, shop, configure, run), ct).ConfigureAwait(false);
        if (report.Outcome == RunOutcome.Failed)
        {
            throw new InvalidOperationException($"The engine failed in '{scenario}': {report.Error}");
        }

        return (report, cost);
    }

    public static ScenarioResult Result(string scenario, string size, long items, long sent, RunReport report, Cost cost, double floor) =>
        new(scenario, size, items, sent, cost, floor, report.Outcome.ToString().ToLowerInvariant(), report.Timings);

    /// <summary>Link rows the engine keeps for an entity (local ID → shop id), read directly.</summary>
    public async Task<List<(int LocalId, string RemoteId)>> LinksAsync(string entity, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = WarehouseDb.Command(connection, null,
            "SELECT `LocalId`, `RemoteId` FROM `shopikosync_links` WHERE `Scope` = @s AND `Entity` = @e AND `RemoteId` IS NOT NULL ORDER BY `LocalId`",
            ("@s", shop.ApiId), ("@e", entity));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var links = new List<(int, string)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            links.Add((Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1)));
        }

        return links;
    }
}
