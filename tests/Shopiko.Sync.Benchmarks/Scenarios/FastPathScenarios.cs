using System.Diagnostics;
using System.Globalization;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Benchmarks.Measurement;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>
/// Issue 12's scenarios, after the issue 6 exports and order import on the same data, with the service's fast
/// schedules running as shipped (<see cref="ServiceLoop"/>): the full reconciliation with nothing changed; 60 s of
/// idling; desk sales, price changes and shop orders, each timed from the moment it is written until the other side
/// holds it. The floor of a latency is the polling interval itself: a change waits up to one interval for the next
/// pass however fast the pass is.
/// </summary>
internal static class FastPathScenarios
{
    private const int Sales = 20;
    private const int PriceChanges = 10;
    private const int Orders = 20;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);
    private static long _acct = 900_000_000;

    /// <summary>Runs them and returns the table rows.</summary>
    public static async Task<List<string[]>> RunAsync(BenchmarkContext context, int? reconciliations, TextWriter output, CancellationToken ct)
    {
        var rows = new List<string[]>();
        // After the order import the stock of the ordered goods has moved: one export settles it (and re-arms the fast path).
        var (settle, settleCost) = await context.RunEngineAsync("settle", Both, e => e.ExportAsync(cancellationToken: ct), ct).ConfigureAwait(false);
        output.WriteLine($"  settle: {settleCost.WallSeconds:N2} s, {settle.Export!.ItemsSent} sent; {Phases(settle)}");
        for (var i = 0; i < (reconciliations ?? 1); i++)
        {
            output.WriteLine($"  files: {Files(context)}");
            var (reconcile, cost) = await context.RunEngineAsync("reconciliation", Both, e => e.ExportAsync(cancellationToken: ct), ct).ConfigureAwait(false);
            if (i == 0)
            {
                rows.Add(["full reconciliation, nothing changed", Seconds(cost.WallSeconds), "1", Seconds(cost.WallSeconds), Seconds(cost.WallSeconds), Seconds(cost.WallSeconds),
                    "< 1 s", $"{Size(reconcile)}: {reconcile.Export!.ItemsSent} sent, {reconcile.FastPath?.MissedItems ?? 0} missed by the fast path; {Phases(reconcile)}", cost.WallSeconds < 1 ? "met" : "MISSED"]);
            }

            var db = cost.Db is { } d ? $"; DB rows {d.RowsScanned + d.RowsByIndex:N0} ({d.RowsByIndex:N0} by index), DB CPU {cost.DbCpuSeconds:N2} s" : "";
            output.WriteLine($"  reconciliation of {Size(reconcile)}: {cost.WallSeconds:N2} s, {reconcile.Export!.ItemsSent} sent; {Phases(reconcile)}; engine CPU {cost.EngineCpuSeconds:N2} s{db}");
        }

        if (reconciliations is not null)
        {
            return rows;
        }

        await using var loop = ServiceLoop.Start(context.Db, context.Shop);
        // Warm: the service has run for a while before anyone measures it.
        await Task.Delay(TimeSpan.FromSeconds(20), ct).ConfigureAwait(false);
        rows.Add(await IdleAsync(context, loop, output, ct).ConfigureAwait(false));
        rows.AddRange(await PassRowsAsync(context, loop, ct).ConfigureAwait(false));

        var goods = await StockedGoodsAsync(context, Sales * 3 + PriceChanges, ct).ConfigureAwait(false);
        var sales = new List<double>();
        for (var i = 0; i < Sales; i++)
        {
            sales.Add(await DeskSaleAsync(context, goods.Skip(i * 3).Take(3).ToList(), ct).ConfigureAwait(false));
            await Jitter(loop.FastInterval, ct).ConfigureAwait(false);
        }

        rows.Add(Latency("desk sale of 3 goods → shop stock", $"Export:FastInterval {loop.FastInterval.TotalSeconds:0.#} s", sales, 5, loop.FastInterval));
        output.WriteLine($"  desk sales: p95 {P(sales, 95):N2} s");

        var prices = new List<double>();
        foreach (var good in goods.Skip(Sales * 3).Take(PriceChanges))
        {
            prices.Add(await PriceChangeAsync(context, good, ct).ConfigureAwait(false));
            await Jitter(loop.CatalogueCheckInterval, ct).ConfigureAwait(false);
        }

        rows.Add(Latency("price change of 1 good → shop price", $"Export:CatalogueCheckInterval {loop.CatalogueCheckInterval.TotalSeconds:0.#} s", prices, 10, loop.CatalogueCheckInterval));
        output.WriteLine($"  price changes: p95 {P(prices, 95):N2} s");

        var customer = (await context.LinksAsync("Customer", ct).ConfigureAwait(false))[0].RemoteId;
        var products = await context.LinksAsync("Product", ct).ConfigureAwait(false);
        var orders = new List<double>();
        for (var i = 0; i < Orders; i++)
        {
            orders.Add(await OrderAsync(context, customer, products[(i * 7919) % products.Count].RemoteId, ct).ConfigureAwait(false));
            await Jitter(loop.OrderPollInterval, ct).ConfigureAwait(false);
        }

        rows.Add(Latency("shop order → warehouse document + ack", $"Import:OrderPollInterval {loop.OrderPollInterval.TotalSeconds:0.#} s", orders, 5, loop.OrderPollInterval));
        output.WriteLine($"  orders: p95 {P(orders, 95):N2} s; fast passes {loop.FastPasses}, polls {loop.Polls}, failures {loop.Failures} {loop.LastError}");
        return rows;
    }

    private static void Both(ServerOptions s)
    {
        s.Export.Goods = true;
        s.Export.Partners = true;
    }

    private static async Task<string[]> IdleAsync(BenchmarkContext context, ServiceLoop loop, TextWriter output, CancellationToken ct)
    {
        var counters = new DbCounters(context.Db);
        var before = await context.Shop.CountsAsync(ct).ConfigureAwait(false);
        var (passes, checks, polls) = (loop.FastPasses, loop.CatalogueChecks, loop.Polls);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await counters.StartAsync(ct).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Task.Delay(Idle, ct).ConfigureAwait(false);
        var activity = await counters.StopAsync(ct).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / seconds;
        var after = await context.Shop.CountsAsync(ct).ConfigureAwait(false);
        var pollCount = loop.Polls - polls;
        var fastCount = loop.FastPasses - passes;
        // The two stats requests are the benchmark's own (admin surface, not counted as contract requests when the sandbox counts only those).
        var requests = after.Requests - before.Requests;
        var batches = Math.Max(0, requests - pollCount);
        var pollsAllowed = (int)Math.Ceiling(seconds / loop.OrderPollInterval.TotalSeconds);
        var rowsRead = activity is null ? "—" : $"{(activity.RowsScanned + activity.RowsByIndex) / (double)Math.Max(1, fastCount + pollCount):N0} per pass on average";
        var met = batches == 0 && pollCount <= pollsAllowed && cpuShare <= 0.01;
        output.WriteLine($"  idle: {requests} requests ({pollCount} polls), {fastCount} fast passes ({loop.CatalogueChecks - checks} with the catalogue), CPU {cpuShare:P2} of a core, DB {activity}");
        return ["idle 60 s (shipped defaults)", Seconds(seconds), fastCount.ToString(CultureInfo.InvariantCulture), "—", "—", "—",
            "0 batch requests; ≤ 1 poll per interval; CPU ≤ 1 %; ≤ 1,000 DB rows per fast pass",
            $"{batches} batch requests, {pollCount} polls (≤ {pollsAllowed}), engine CPU {cpuShare:P2} of a core, {fastCount} fast passes ({loop.CatalogueChecks - checks} with the catalogue), DB rows {rowsRead}",
            met ? "met (rows: see below)" : "MISSED"];
    }

    /// <summary>The DB rows one quiet pass reads, without and with the catalogue check (MariaDB's counters).</summary>
    private static async Task<List<string[]>> PassRowsAsync(BenchmarkContext context, ServiceLoop loop, CancellationToken ct)
    {
        var rows = new List<string[]>();
        if (context.Db.Provider != WarehouseProvider.MySql)
        {
            return rows;
        }

        foreach (var catalogue in new[] { false, true })
        {
            var counters = new DbCounters(context.Db);
            await counters.StartAsync(ct).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var report = await loop.PassAsync(catalogue, ct).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            var activity = await counters.StopAsync(ct).ConfigureAwait(false);
            // Other scheduled passes may have run between the two readings; the gate keeps them from overlapping this one.
            var read = activity is null ? 0 : activity.RowsScanned + activity.RowsByIndex;
            rows.Add([catalogue ? "one quiet fast pass with the catalogue check" : "one quiet fast pass (stock watermark)", Seconds(seconds), "1", Seconds(seconds), Seconds(seconds), Seconds(seconds),
                "≤ 1,000 DB rows", $"{read:N0} rows ({activity?.RowsByIndex:N0} by index, {activity?.RowsScanned:N0} scanned), {activity?.Statements} statements, {report.Export?.ItemsSent} sent",
                read <= 1000 ? "met" : "MISSED"]);
        }

        return rows;
    }

    private static async Task<List<int>> StockedGoodsAsync(BenchmarkContext context, int count, CancellationToken ct)
    {
        await using var connection = await context.Db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = WarehouseDb.Command(connection, null,
            $"SELECT `GoodID` FROM `store` WHERE `ObjectID` = @o AND `Qtty` >= 25 AND `GoodID` > 1 ORDER BY `GoodID` LIMIT {count * 3}", ("@o", context.Data.ObjectId));
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        // Spread over the catalogue: every third of the stocked goods.
        return ids.Where((_, i) => i % 3 == 0).Take(count).ToList();
    }

    /// <summary>A sale at the desk, written as the program writes it: its lines and their stock change in one transaction.</summary>
    private static async Task<double> DeskSaleAsync(BenchmarkContext context, List<int> goods, CancellationToken ct)
    {
        var expected = new Dictionary<int, decimal>();
        foreach (var good in goods)
        {
            expected[good] = Math.Max(0, ((await context.Shop.ProductAsync(good, ct).ConfigureAwait(false))?.Stock ?? 0) - 1);
        }

        var acct = Interlocked.Increment(ref _acct);
        var clock = Stopwatch.StartNew();
        await using (var connection = await context.Db.OpenAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            foreach (var good in goods)
            {
                await WarehouseDb.ExecuteAsync(connection, transaction,
                    "INSERT INTO `operations` (`OperType`, `Acct`, `GoodID`, `PartnerID`, `ObjectID`, `OperatorID`, `Qtty`, `Sign`, `PriceIn`, `PriceOut`, `VATIn`, `VATOut`, `Discount`, " +
                    "`CurrencyID`, `CurrencyRate`, `Date`, `Lot`, `LotID`, `Note`, `SrcDocID`, `UserID`, `UserRealTime`) " +
                    "VALUES (2, @a, @g, 1, @o, 1, 1, -1, 1, 2, 0, 0.33, 0, 1, 1, @d, ' ', 1, ' ', 0, 1, @t)",
                    ct, ("@a", acct), ("@g", good), ("@o", context.Data.ObjectId), ("@d", DateTime.Today), ("@t", DateTime.Now)).ConfigureAwait(false);
                await WarehouseDb.ExecuteAsync(connection, transaction, "UPDATE `store` SET `Qtty` = `Qtty` - 1 WHERE `GoodID` = @g AND `ObjectID` = @o",
                    ct, ("@g", good), ("@o", context.Data.ObjectId)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        foreach (var good in goods)
        {
            await UntilAsync(async () => (await context.Shop.ProductAsync(good, ct).ConfigureAwait(false))?.Stock == expected[good], clock, "a desk sale's stock", ct).ConfigureAwait(false);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> PriceChangeAsync(BenchmarkContext context, int good, CancellationToken ct)
    {
        var old = (await context.Shop.ProductAsync(good, ct).ConfigureAwait(false))!.Price;
        var clock = Stopwatch.StartNew();
        await context.Db.ExecuteAsync("UPDATE `goods` SET `PriceOut2` = `PriceOut2` + 1 WHERE `ID` = @g", ct, ("@g", good)).ConfigureAwait(false);
        await UntilAsync(async () => (await context.Shop.ProductAsync(good, ct).ConfigureAwait(false))!.Price != old, clock, "a price change", ct).ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> OrderAsync(BenchmarkContext context, string customer, string product, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var id = await context.Shop.PlaceOrderAsync(new SandboxOrderDraft
        {
            CustomerId = customer,
            Lines = [new SandboxOrderLineDraft(product, 1)],
            PaymentMethod = "card",
            Paid = true,
        }, ct).ConfigureAwait(false);
        await UntilAsync(async () =>
        {
            await using var connection = await context.Db.OpenAsync(ct).ConfigureAwait(false);
            return await WarehouseDb.ScalarAsync(connection, null,
                "SELECT COUNT(*) FROM `shopikosync_orders` WHERE `Scope` = @s AND `OrderId` = @id AND `Acknowledged` = -1", ct, ("@s", context.Shop.ApiId), ("@id", id)).ConfigureAwait(false) > 0;
        }, clock, "a shop order", ct).ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task UntilAsync(Func<Task<bool>> arrived, Stopwatch clock, string what, CancellationToken ct)
    {
        while (!await arrived().ConfigureAwait(false))
        {
            if (clock.Elapsed > GiveUp)
            {
                throw new InvalidOperationException($"{what} did not arrive within {GiveUp.TotalSeconds} s");
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A pause of a random share of an interval, so that the changes fall at every phase of the schedule.</summary>
    private static Task Jitter(TimeSpan interval, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.NextDouble() * interval.TotalMilliseconds), ct);

    private static string[] Latency(string scenario, string setting, List<double> samples, double target, TimeSpan floor) =>
    [
        scenario, setting, samples.Count.ToString(CultureInfo.InvariantCulture), Seconds(P(samples, 50)), Seconds(P(samples, 95)), Seconds(samples.Max()),
        $"p95 ≤ {target} s", $"floor: up to {floor.TotalSeconds:0.#} s of waiting for the next pass",
        P(samples, 95) <= target ? "met" : "MISSED",
    ];

    /// <summary>The nearest-rank percentile.</summary>
    internal static double P(IReadOnlyList<double> samples, int percentile)
    {
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Files(BenchmarkContext context)
    {
        if (context.Db.Provider != WarehouseProvider.Sqlite)
        {
            return "-";
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(context.Db.ConnectionString).DataSource;
        static string Mb(string f) => File.Exists(f) ? $"{new FileInfo(f).Length / 1048576.0:N1} MB" : "none";
        return $"db {Mb(file)}, wal {Mb(file + "-wal")}";
    }

    /// <summary>The run's phases (seconds), as the details table prints them.</summary>
    private static string Phases(RunReport report) =>
        string.Join(", ", report.Timings.Where(p => p.Key != "total" && p.Value >= 0.01).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.00}")));

    // The size the reconciliation compared, which the targets are set for: the catalogue of the exports (the scenarios run
    // before the nomenclature import adds the shop's products).
    private static string Size(RunReport report) =>
        report.Export is { } e
            ? string.Create(CultureInfo.InvariantCulture, $"{Total(e.Products):N0} goods, {Total(e.Customers):N0} partners")
            : "";

    private static int Total(EntityCounts c) => c.Created + c.Updated + c.Unchanged + c.Failed;

    private static string Seconds(double s) => s.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Writes the rows as a table.</summary>
    public static void Write(TextWriter output, string title, List<string[]> rows)
    {
        output.WriteLine();
        output.WriteLine($"### {title}: fast path (issue 12), service defaults");
        output.WriteLine();
        output.WriteLine("| scenario | setting / wall s | samples | p50 s | p95 s | max s | target | measured | status |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }
}
