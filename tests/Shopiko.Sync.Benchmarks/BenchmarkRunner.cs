using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Benchmarks.Report;
using Shopiko.Sync.Benchmarks.Scenarios;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Benchmarks;

/// <summary>
/// Runs the benchmark of issue 6 for each provider: a generated Warehouse Pro database (the self-started MariaDB of
/// the tests, or a SQLite file), a sandbox shop on loopback, the five scenarios in order on the same data, each beside
/// its floor, and one table per provider.
/// </summary>
public static class BenchmarkRunner
{
    /// <summary>Runs the benchmark and writes the tables to <paramref name="output"/>.</summary>
    /// <returns>Every scenario's figures, per provider.</returns>
    public static async Task<IReadOnlyDictionary<WarehouseProvider, IReadOnlyList<BenchmarkFigures>>> RunAsync(
        BenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Sizes.Validate();
        output.WriteLine($"Shopiko.Sync benchmark — {options.SizeName} ({options.Sizes}), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):N0} GiB, " +
            $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(IsOptimized() ? "Release" : "Debug")} build; " +
            $"sandbox shop {(options.Sandbox == SandboxPlacement.ChildProcess ? "in a child process (not in the engine's RSS)" : "in the engine's process (in its RSS)")}");
        var all = new Dictionary<WarehouseProvider, IReadOnlyList<BenchmarkFigures>>();
        foreach (var provider in options.Providers)
        {
            var results = await RunProviderAsync(provider, options, output, cancellationToken).ConfigureAwait(false);
            ResultTable.Write(output, Title(provider), results, Target.Evaluate(results));
            all[provider] = results.Select(r => new BenchmarkFigures(r.Scenario, r.Cost.WallSeconds, r.ItemsPerSecond, r.Cost.HttpRequests, r.Cost.PeakRssMb, r.FloorSeconds, r.ItemsSent)).ToList();
        }

        return all;
    }

    private static async Task<List<ScenarioResult>> RunProviderAsync(WarehouseProvider provider, BenchmarkOptions options, TextWriter output, CancellationToken ct)
    {
        var (connectionString, file) = await CreateDatabaseAsync(provider, options, ct).ConfigureAwait(false);
        try
        {
            await WarehouseSchema.CreateBlankAsync(provider, connectionString, new BlankDatabaseOptions(), ct).ConfigureAwait(false);
            var db = new WarehouseDb(provider, connectionString);
            var clock = Stopwatch.StartNew();
            var data = await WarehouseGenerator.GenerateAsync(db, options.Sizes, ct).ConfigureAwait(false);
            await using var shop = await ShopHost.StartAsync(options.Sandbox, ct).ConfigureAwait(false);
            output.WriteLine();
            output.WriteLine($"{Title(provider)}: database generated in {clock.Elapsed.TotalSeconds:N1} s; running scenarios …");
            var context = new BenchmarkContext(db, shop, data, options.Sizes);
            var results = new List<ScenarioResult>();
            await RunAsync(context, results, output, ct,
                ExportScenarios.FullAsync, ExportScenarios.NoChangeAsync, ExportScenarios.ChangedAsync, ImportScenarios.OrdersAsync).ConfigureAwait(false);
            // Issue 12's scenarios run before the nomenclature import, which adds the shop's products to the catalogue:
            // its targets are set for the exports' catalogue (100,000 goods at the full size).
            List<string[]>? fast = null;
            if (options.FastPath)
            {
                fast = await FastPathScenarios.RunAsync(context, options.Reconciliations, output, ct).ConfigureAwait(false);
            }

            await RunAsync(context, results, output, ct, ImportScenarios.NomenclatureAsync).ConfigureAwait(false);
            if (fast is not null)
            {
                FastPathScenarios.Write(output, Title(provider), fast);
            }

            return results;
        }
        finally
        {
            if (file is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                {
                    File.Delete(f);
                }
            }
        }
    }

    private static async Task RunAsync(BenchmarkContext context, List<ScenarioResult> results, TextWriter output, CancellationToken ct,
        params Func<BenchmarkContext, CancellationToken, Task<ScenarioResult>>[] scenarios)
    {
        foreach (var scenario in scenarios)
        {
            var result = await scenario(context, ct).ConfigureAwait(false);
            output.WriteLine($"  {result.Scenario}: {result.Cost.WallSeconds:N2} s (floor {result.FloorSeconds:N2} s)");
            results.Add(result);
        }
    }

    private static async Task<(string ConnectionString, string? File)> CreateDatabaseAsync(WarehouseProvider provider, BenchmarkOptions options, CancellationToken ct)
    {
        switch (provider)
        {
            case WarehouseProvider.MySql:
                if (!MariaDbServer.IsAvailable)
                {
                    throw new InvalidOperationException(MariaDbServer.UnavailableReason);
                }

                var server = await MariaDbServer.GetSharedAsync(ct).ConfigureAwait(false);
                return (await server.CreateDatabaseAsync("bench", ct).ConfigureAwait(false), null);
            case WarehouseProvider.Sqlite:
                var folder = options.WorkDirectory ?? Path.GetTempPath();
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, $"shopiko-bench-{Guid.NewGuid():N}.db");
                return (new SqliteConnectionStringBuilder { DataSource = file }.ToString(), file);
            default:
                throw new NotSupportedException($"The benchmark runs on MySql (MariaDB) and Sqlite, not {provider}.");
        }
    }

    private static string Title(WarehouseProvider provider) => provider == WarehouseProvider.MySql ? "MariaDB (MySql provider)" : "SQLite";

    private static bool IsOptimized() =>
        typeof(BenchmarkRunner).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
}

/// <summary>One scenario's figures, as printed in its table row.</summary>
/// <param name="Scenario">The scenario (<see cref="ScenarioNames"/>).</param>
/// <param name="WallSeconds">Wall time of the engine run.</param>
/// <param name="ItemsPerSecond">Items covered per second.</param>
/// <param name="HttpRequests">Contract requests the shop received.</param>
/// <param name="PeakRssMb">Peak RSS of the engine's process during the run.</param>
/// <param name="FloorSeconds">The floor.</param>
/// <param name="ItemsSent">Items sent (exports) or written (imports).</param>
public sealed record BenchmarkFigures(string Scenario, double WallSeconds, double ItemsPerSecond, int HttpRequests, double PeakRssMb, double FloorSeconds, long ItemsSent);
