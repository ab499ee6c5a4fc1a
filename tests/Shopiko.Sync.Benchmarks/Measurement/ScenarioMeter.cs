using System.Diagnostics;
using Shopiko.Sync.Benchmarks.Infrastructure;

namespace Shopiko.Sync.Benchmarks.Measurement;

/// <summary>What one measured run of the engine cost.</summary>
internal sealed record Cost(
    double WallSeconds, int HttpRequests, double PeakRssMb, bool PeakIsPerScenario, double? ShopPeakRssMb,
    double EngineCpuSeconds, double? ShopCpuSeconds, double? DbCpuSeconds, DbActivity? Db);

/// <summary>
/// Measures one engine run: wall time; contract requests the shop received; peak RSS of this process (reset just
/// before, after a full GC) and of the shop's process; CPU seconds of this process, the shop and the database server;
/// and the statements, commits and rows the database server handled.
/// </summary>
internal sealed class ScenarioMeter(ShopHost shop, WarehouseDb db)
{
    public async Task<(T Result, Cost Cost)> MeasureAsync<T>(Func<Task<T>> run, CancellationToken ct)
    {
        var counters = new DbCounters(db);
        var dbMeters = DatabaseServerMeters();
        var before = await shop.CountsAsync(ct).ConfigureAwait(false);
        await counters.StartAsync(ct).ConfigureAwait(false);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        ProcessMeter.Self.Start();
        shop.Meter?.Start();
        foreach (var m in dbMeters)
        {
            m.Start();
        }

        var clock = Stopwatch.StartNew();
        var result = await run().ConfigureAwait(false);
        var wall = clock.Elapsed.TotalSeconds;
        var peak = ProcessMeter.Self.PeakRssMb();
        var shopPeak = shop.Meter?.PeakRssMb();
        var engineCpu = ProcessMeter.Self.CpuSeconds();
        var shopCpu = shop.Meter?.CpuSeconds();
        double? dbCpu = dbMeters.Count == 0 ? null : dbMeters.Sum(m => m.CpuSeconds());
        var activity = await counters.StopAsync(ct).ConfigureAwait(false);
        var after = await shop.CountsAsync(ct).ConfigureAwait(false);
        return (result, new Cost(wall, after.Requests - before.Requests, peak, ProcessMeter.Self.ResetsPeak, shopPeak,
            engineCpu, shopCpu, dbCpu, activity));
    }

    /// <summary>The MariaDB server(s) on this machine (the benchmark's own is the only one normally); none for SQLite.</summary>
    private List<ProcessMeter> DatabaseServerMeters()
    {
        if (db.Provider != Configuration.WarehouseProvider.MySql)
        {
            return [];
        }

        var meters = new List<ProcessMeter>();
        foreach (var name in new[] { "mariadbd", "mysqld" })
        {
            foreach (var p in Process.GetProcessesByName(name))
            {
                meters.Add(new ProcessMeter(p.Id));
                p.Dispose();
            }
        }

        return meters;
    }
}
