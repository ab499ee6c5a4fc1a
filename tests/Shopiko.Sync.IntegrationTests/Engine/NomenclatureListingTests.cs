using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// Nomenclature import asks the shop only for what changed since the last complete pass (updatedSince, from the shop's
/// clock minus an overlap), so a large catalogue is not listed on every run. Both sides share one clock that the test
/// moves past the overlap.
/// </summary>
public class NomenclatureListingTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Once_the_overlap_has_passed_an_import_lists_only_what_changed_in_the_shop(WarehouseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await SyncRig.StartAsync(provider, clock: clock);
        var state = rig.Shop.State;
        var mug = state.CreateProduct(new SandboxProductDraft { Sku = "MUG-1", Name = "Чаша", Price = 9.60m });
        var tea = state.CreateProduct(new SandboxProductDraft { Sku = "TEA-1", Name = "Чай", Price = 4.20m });
        var buyer = state.CreateCustomer(new SandboxCustomerDraft { Name = "Петя Петрова", Email = "petya@example.bg" });
        (await rig.Engine().ImportAsync()).Import!.GoodsCreated.Should().Be(2);

        // Within the overlap the records linked back a moment ago are listed again (and skipped: they are linked).
        clock.Advance(TimeSpan.FromHours(1));
        CountingShopApi? api = null;
        var report = await rig.Engine(api: a => api = new CountingShopApi(a)).ImportAsync();
        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Import!.GoodsCreated.Should().Be(0);
        api!.ProductsSince.Should().ContainSingle().Which.Should().NotBeNull();

        clock.Advance(TimeSpan.FromHours(1));
        var cup = state.CreateProduct(new SandboxProductDraft { Sku = "CUP-1", Name = "Купа", Price = 3.10m });

        report = await rig.Engine(api: a => api = new CountingShopApi(a)).ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        api!.ProductsListed.Should().Equal([cup.Id], "the unchanged products were taken in by an earlier pass");
        api.CustomersListed.Should().BeEmpty();
        report.Import!.GoodsCreated.Should().Be(1);
        state.Products.Single(p => p.Id == cup.Id).ExternalId.Should().NotBeNull();
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM goods WHERE Code = 'CUP-1'")).Should().Be(1);

        // A full run ignores the mark.
        report = await rig.Engine(api: a => api = new CountingShopApi(a)).ImportAsync(new SyncRunOptions { Full = true });
        api!.ProductsListed.Should().BeEquivalentTo([mug.Id, tea.Id, cup.Id]);
        api.CustomersListed.Should().Equal([buyer.Id]);
        report.Import!.GoodsCreated.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_product_held_back_keeps_the_mark_so_it_is_listed_again_until_it_imports(WarehouseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await SyncRig.StartAsync(provider, clock: clock);
        var state = rig.Shop.State;
        state.CreateProduct(new SandboxProductDraft { Sku = "TEA-1", Name = "Чай", Price = 4.20m });
        (await rig.Engine().ImportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        clock.Advance(TimeSpan.FromHours(1));
        await rig.Engine().ImportAsync();

        clock.Advance(TimeSpan.FromHours(1));
        var odd = state.CreateProduct(new SandboxProductDraft { Sku = "ODD-1", Name = "Странна ставка", Price = 1m, VatRate = 33 });
        var first = await rig.Engine().ImportAsync();
        first.Quarantine.Should().ContainSingle(q => q.Id == odd.Id);

        clock.Advance(TimeSpan.FromHours(5));
        CountingShopApi? api = null;
        var second = await rig.Engine(api: a => api = new CountingShopApi(a)).ImportAsync();

        api!.ProductsListed.Should().Contain(odd.Id, "the pass that held it back did not move the mark");
        second.Quarantine.Should().ContainSingle(q => q.Id == odd.Id);
    }
}
