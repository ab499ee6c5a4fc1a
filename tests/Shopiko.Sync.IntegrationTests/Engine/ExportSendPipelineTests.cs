using System.Reflection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// The export sends a batch while the links of the one before are written, and full batches while the warehouse is
/// still being read: a failure anywhere in that pipeline leaves remembered exactly what the shop answered and was
/// written, sends nothing after it, and the next run sends the rest.
/// </summary>
public class ExportSendPipelineTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_shop_failure_on_a_middle_batch_remembers_the_batches_before_it_and_sends_none_after(WarehouseProvider provider)
    {
        // Customers off: their batches go to the shop beside the products' while the warehouse is read, and this counts
        // the requests of one sender.
        await using var rig = await SyncRig.StartAsync(provider, s =>
        {
            s.Shop.BatchSize = 1;
            s.Export.Partners = false;
        });
        var seed = await WarehouseSeed.CreateAsync(rig);
        // The products go one by one: the second product batch fails (no retries). The stock of a product the shop took
        // may go beside the next product batch, so the fault is counted on the products' endpoint alone.
        rig.Shop.Faults.OnRequest(2, SandboxFault.InternalError(), "products/batch");

        var failed = await rig.Engine().ExportAsync();

        failed.Outcome.Should().Be(RunOutcome.Failed);
        rig.Shop.State.Products.Select(p => p.ExternalId).Should().Equal([Id(seed.Cable)], "nothing goes to the shop after the failed batch");
        (await LinksAsync(rig, SyncEntity.Product)).Should().Equal(seed.Cable);
        (await LinksAsync(rig, SyncEntity.Stock)).Should().BeSubsetOf([seed.Cable], "only the product the shop took may have its stock sent");

        var next = await rig.Engine().ExportAsync();

        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        next.Export!.Products.Created.Should().Be(2);
        next.Export.Products.Unchanged.Should().Be(1, "the product the shop answered was remembered");
        next.Export.Categories.Unchanged.Should().Be(2);
        (await LinksAsync(rig, SyncEntity.Product)).Should().BeEquivalentTo([seed.Cable, seed.Charger, seed.Headphones]);
        rig.Shop.State.Products.Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_crash_in_a_link_write_stops_the_run_after_the_writes_before_it_and_the_next_run_sends_the_rest(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Shop.BatchSize = 1);
        var seed = await WarehouseSeed.CreateAsync(rig);
        // The second product link write fails.
        var engine = rig.Engine(state: s => FailingSaveLinks.Wrap(s, failOnProductWrite: 2));

        var crash = () => engine.ExportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        (await LinksAsync(rig, SyncEntity.Product)).Should().Equal(seed.Cable);
        // The stock of a product the shop took may have gone (and, on MariaDB, been remembered) beside the products.
        var stock = await LinksAsync(rig, SyncEntity.Stock);
        stock.Should().BeSubsetOf([seed.Cable, seed.Charger, seed.Headphones]);
        rig.Shop.State.Products.Count.Should().BeLessThanOrEqualTo(3);

        var next = await rig.Engine().ExportAsync();

        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        (next.Export!.Products.Created + next.Export.Products.Updated + next.Export.Products.Unchanged).Should().Be(3);
        next.Export.ItemsSent.Should().Be(2 + 2 + (3 - stock.Count), "the two products not remembered, both customers and the stock levels not remembered");
        (await LinksAsync(rig, SyncEntity.Product)).Should().BeEquivalentTo([seed.Cable, seed.Charger, seed.Headphones]);
        (await LinksAsync(rig, SyncEntity.Stock)).Should().HaveCount(3);
        rig.Shop.State.Products.Should().HaveCount(3, "a product sent again is updated by its externalId, never duplicated");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_first_export_stopped_before_any_link_was_written_is_finished_by_the_next_run_without_matching(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Shop.BatchSize = 1);
        var seed = await WarehouseSeed.CreateAsync(rig);
        // The first product's link write fails after the shop took it.
        var engine = rig.Engine(state: s => FailingSaveLinks.Wrap(s, failOnProductWrite: 1));

        var crash = () => engine.ExportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        (await LinksAsync(rig, SyncEntity.Product)).Should().BeEmpty();
        rig.Shop.State.Products.Should().NotBeEmpty("the shop took the first product before its link write failed");

        // The shop now holds products and nothing links them: only the mark says they are this engine's own.
        var next = await rig.Engine().ExportAsync();

        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        (await LinksAsync(rig, SyncEntity.Product)).Should().BeEquivalentTo([seed.Cable, seed.Charger, seed.Headphones]);
        rig.Shop.State.Products.Should().HaveCount(3, "a product sent again is updated by its externalId, never duplicated");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Many_batches_in_flight_remember_every_item_once_in_order(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Shop.BatchSize = 2);
        var seed = await WarehouseSeed.CreateAsync(rig);

        var report = await rig.Engine().ExportAsync(new SyncRunOptions { Full = true });
        var again = await rig.Engine().ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Export!.ItemsSent.Should().Be(10);
        again.Export!.ItemsSent.Should().Be(0);
        (await LinksAsync(rig, SyncEntity.Product)).Should().BeEquivalentTo([seed.Cable, seed.Charger, seed.Headphones]);
        (await LinksAsync(rig, SyncEntity.Customer)).Should().BeEquivalentTo([seed.Company, seed.Person]);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<int>> LinksAsync(SyncRig rig, SyncEntity entity) =>
        (await rig.State.ReadLinksAsync(rig.Server.Shop.ApiId, entity).ToListAsync()).Select(l => l.LocalId).Order().ToList();

    /// <summary>A sync state whose n-th <see cref="ISyncStateStore.SaveLinksAsync"/> of product links fails; every other call goes through.</summary>
    public class FailingSaveLinks : DispatchProxy
    {
        private ISyncStateStore _inner = null!;
        private int _failOnCall;
        private int _calls;

        /// <summary>The <paramref name="failOnProductWrite"/>-th write of product links fails (counted alone: the stock's go beside them).</summary>
        internal static ISyncStateStore Wrap(ISyncStateStore inner, int failOnProductWrite)
        {
            var proxy = Create<ISyncStateStore, FailingSaveLinks>();
            var self = (FailingSaveLinks)(object)proxy;
            self._inner = inner;
            self._failOnCall = failOnProductWrite;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(ISyncStateStore.SaveLinksAsync) &&
                ((IEnumerable<SyncLink>)args![1]!).Any(l => l.Entity == SyncEntity.Product) &&
                Interlocked.Increment(ref _calls) == _failOnCall)
            {
                return Task.FromException(new SimulatedCrashException("writing links"));
            }

            return ProxyCall.Forward(targetMethod, args, _inner);
        }
    }
}
