using System.Diagnostics;
using Shopiko.Sync.Benchmarks.Infrastructure;

namespace Shopiko.Sync.Benchmarks.Measurement;

/// <summary>What one measured run of the engine cost.</summary>
internal sealed record Cost(
    double WallSeconds, int HttpRequests, double PeakRssMb, bool PeakIsPerScenario, double? ShopPeakRssMb,
    double EngineCpuSeconds, double? ShopCpuSeconds, double? DbCpuSeconds, DbActivity? Db, long EngineJitMethods = 0, double EngineAllocatedMb = 0);

/// <summary>
/// Measures one engine run: wall time; contract requests the shop received; peak RSS of this process (reset just
/// before, after a full GC) and of the shop's process; CPU seconds of this process, the shop and the database server;
/// the methods this process's JIT compiled (the first run in a process compiles most of the engine and its libraries,
/// and again at a higher tier the hot ones; the floors run later, on code already compiled; a count, because the JIT's
/// own clock runs on while a loaded machine preempts it) and the bytes it allocated; and the statements, commits
/// and rows the database server handled.
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

        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await run().ConfigureAwait(false);
        var wall = clock.Elapsed.TotalSeconds;
        var jit = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
        var peak = ProcessMeter.Self.PeakRssMb();
        var shopPeak = shop.Meter?.PeakRssMb();
        var engineCpu = ProcessMeter.Self.CpuSeconds();
        var shopCpu = shop.Meter?.CpuSeconds();
        double? dbCpu = dbMeters.Count == 0 ? null : dbMeters.Sum(m => m.CpuSeconds());
        var activity = await counters.StopAsync(ct).ConfigureAwait(false);
        var after = await shop.CountsAsync(ct).ConfigureAwait(false);
        return (result, new Cost(wall, after.Requests - before.Requests, peak, ProcessMeter.Self.ResetsPeak, shopPeak,
            engineCpu, shopCpu, dbCpu, activity, jit, allocatedMb));
    }

    /// <summary>
    /// The MariaDB server the benchmark's database is on: the one listening on the connection string's port (other
    /// servers on a shared machine are not this run's cost); every server when none is found by its port. None for SQLite.
    /// </summary>
    private List<ProcessMeter> DatabaseServerMeters()
    {
        if (db.Provider != Configuration.WarehouseProvider.MySql)
        {
            return [];
        }

        var port = new MySqlConnector.MySqlConnectionStringBuilder(db.ConnectionString).Port;
        var all = new List<ProcessMeter>();
        var own = new List<ProcessMeter>();
        foreach (var name in new[] { "mariadbd", "mysqld" })
        {
            foreach (var p in Process.GetProcessesByName(name))
            {
                var meter = new ProcessMeter(p.Id);
                all.Add(meter);
                if (ListensOn(p.Id, port))
                {
                    own.Add(meter);
                }

                p.Dispose();
            }
        }

        return own.Count > 0 ? own : all;
    }

    private static bool ListensOn(int processId, uint port)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{processId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/cmdline").Split('\0');
            return arguments.Contains("--port=" + port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
