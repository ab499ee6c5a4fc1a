using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class ExactlyOnceTests
{
    private static async Task<(SyncRig Rig, WarehouseSeed Seed)> ExportedAsync(WarehouseProvider provider)
    {
        var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        (await rig.Engine().ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        return (rig, seed);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task The_same_import_twice_makes_one_document(WarehouseProvider provider)
    {
        var (rig, seed) = await ExportedAsync(provider);
        await using var _ = rig;
        MoneyScenarioTests.PlaceMoneyOrder(rig, seed);

        (await rig.Engine().ImportAsync()).Import!.OrdersImported.Should().Be(1);
        var again = await rig.Engine().ImportAsync();

        again.Import!.OrdersImported.Should().Be(0);
        (await rig.DocumentCountAsync()).Should().Be(1);
        (await rig.StockAsync(seed.Cable)).Should().Be(8);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_crash_after_the_commit_and_before_the_ack_is_only_acknowledged_next_time(WarehouseProvider provider)
    {
        var (rig, seed) = await ExportedAsync(provider);
        await using var _ = rig;
        var order = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        var crashing = (CrashingShopApi?)null;

        var crash = () => rig.Engine(api: a => crashing = new CrashingShopApi(a) { CrashOnAcks = 1 }).ImportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        (await rig.DocumentCountAsync()).Should().Be(1);
        rig.Shop.State.Acks.Should().BeEmpty();

        var next = await rig.Engine().ImportAsync();

        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        next.Import!.OrdersImported.Should().Be(0);
        (await rig.DocumentCountAsync()).Should().Be(1);
        rig.Shop.State.Acks.Should().ContainSingle().Which.OrderId.Should().Be(order.Id);
        (await rig.StockAsync(seed.Cable)).Should().Be(8);
        (await rig.Engine().ImportAsync()).Import!.OrdersAlreadyImported.Should().Be(0, "the acknowledged order is no longer pending");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_crash_inside_the_transaction_leaves_nothing_and_the_next_run_imports_once(WarehouseProvider provider)
    {
        var (rig, seed) = await ExportedAsync(provider);
        await using var _ = rig;
        MoneyScenarioTests.PlaceMoneyOrder(rig, seed);

        // The database fails the payment rows: lines and stock are already written inside the transaction by then.
        await rig.ExecuteAsync(provider == WarehouseProvider.MySql
            ? "CREATE TRIGGER crash_payments BEFORE INSERT ON payments FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash'"
            : "CREATE TRIGGER crash_payments BEFORE INSERT ON payments BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");

        var crashed = async () => await rig.Engine().ImportAsync();
        var outcome = await CrashOutcomeAsync(crashed);

        outcome.Should().NotBe(RunOutcome.Succeeded);
        (await rig.OperationsAsync()).Should().BeEmpty();
        (await rig.PaymentsAsync()).Should().BeEmpty();
        (await rig.StockAsync(seed.Cable)).Should().Be(10);
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM shopikosync_orders")).Should().Be(0);
        rig.Shop.State.Acks.Should().BeEmpty();

        await rig.ExecuteAsync("DROP TRIGGER crash_payments");
        var next = await rig.Engine().ImportAsync();

        next.Import!.OrdersImported.Should().Be(1);
        (await rig.DocumentCountAsync()).Should().Be(1);
        (await rig.StockAsync(seed.Cable)).Should().Be(8);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Two_engines_importing_at_once_make_one_document_per_order(WarehouseProvider provider)
    {
        var (rig, seed) = await ExportedAsync(provider);
        await using var _ = rig;
        var orders = Enumerable.Range(0, 4).Select(_ => MoneyScenarioTests.PlaceMoneyOrder(rig, seed)).ToList();

        var reports = await Task.WhenAll(rig.Engine().ImportAsync(), rig.Engine().ImportAsync());

        reports.Should().OnlyContain(r => r.Outcome != RunOutcome.Failed, string.Join(" | ", reports.Select(r => r.Error)));
        reports.Sum(r => r.Import!.OrdersImported).Should().Be(orders.Count);
        (await rig.DocumentCountAsync()).Should().Be(orders.Count);
        (await rig.StockAsync(seed.Cable)).Should().Be(10 - 2 * orders.Count);
        rig.Shop.State.Acks.Select(a => a.OrderId).Distinct().Should().HaveCount(orders.Count);
        rig.Shop.State.Acks.GroupBy(a => a.OrderId).Should().OnlyContain(g => g.Select(a => a.Document).Distinct().Count() == 1);
    }

    /// <summary>A failure inside the store either fails the run's report or escapes as an exception; both are a crash.</summary>
    private static async Task<RunOutcome?> CrashOutcomeAsync(Func<Task<RunReport>> run)
    {
        try
        {
            return (await run()).Outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
