using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>The order poll (issue 12): one small request when nothing waits, the import when something does, the shop's waits honoured.</summary>
public class OrderPollTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_quiet_poll_is_one_request_and_a_placed_order_is_imported_and_acknowledged_by_the_next(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        (await rig.Engine().ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        var engine = rig.Engine();
        var requests = rig.Shop.State.RequestCount;

        var quiet = await engine.PollOrdersAsync();

        quiet.Outcome.Should().Be(RunOutcome.Succeeded, quiet.Error);
        quiet.Import.Should().BeNull();
        rig.Shop.State.RequestCount.Should().Be(requests + 1);
        quiet.WaitBeforeNext.Should().BeNull("the sandbox's rate limit is far from used up");

        var order = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        var busy = await engine.PollOrdersAsync();

        busy.Outcome.Should().Be(RunOutcome.Succeeded, busy.Error);
        busy.Import!.OrdersImported.Should().Be(1);
        rig.Shop.State.Acks.Should().ContainSingle().Which.OrderId.Should().Be(order.Id);
        (await rig.DocumentCountAsync()).Should().Be(1);
        (await engine.PollOrdersAsync()).Import.Should().BeNull("the acknowledged order no longer waits");
    }

    [Fact]
    public async Task A_rate_limited_shop_makes_the_poll_wait_as_long_as_it_asked()
    {
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite);
        rig.Shop.Faults.Next(SandboxFault.RateLimited(TimeSpan.FromSeconds(42)));

        var report = await rig.Engine().PollOrdersAsync();

        report.Outcome.Should().Be(RunOutcome.Failed);
        report.WaitBeforeNext.Should().Be(TimeSpan.FromSeconds(42));
        report.Error.Should().Contain("limiting");
    }
}
