using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;
using static Shopiko.Sync.IntegrationTests.Engine.WarehouseMasterTests;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class FirstRunTests
{
    private static void ShopAlreadyHasData(SyncRig rig)
    {
        var state = rig.Shop.State;
        state.CreateProduct(new SandboxProductDraft { Sku = "1002", Name = "Зарядно (магазин)", Price = 8.00m });
        state.CreateProduct(new SandboxProductDraft { Sku = "ZZ-1", Name = "Кабел (магазин)", Price = 12.00m, Barcode = "3800123456789" });
        state.CreateProduct(new SandboxProductDraft { Sku = "X-9", Name = "Само в магазина", Price = 1.00m });
        state.CreateProduct(new SandboxProductDraft { Sku = "1003", Name = "Слушалки А", Price = 40m });
        state.CreateProduct(new SandboxProductDraft { Sku = "1003", Name = "Слушалки Б", Price = 41m });
        state.CreateCustomer(new SandboxCustomerDraft { Type = "company", Name = "Техно", Eik = "204567890" });
        state.CreateCustomer(new SandboxCustomerDraft { Name = "Някой", Email = "someone@example.bg" });
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Both_systems_with_data_and_nothing_linked_is_refused(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        await WarehouseSeed.CreateAsync(rig);
        ShopAlreadyHasData(rig);
        var productsBefore = rig.Shop.State.Products.Count;

        var export = await rig.Engine().ExportAsync();
        var import = await rig.Engine().ImportAsync();

        export.Outcome.Should().Be(RunOutcome.Failed);
        export.Error.Should().Contain("Both the warehouse and the shop").And.Contain("Matching:Enabled");
        import.Outcome.Should().Be(RunOutcome.Failed);
        rig.Shop.State.Products.Should().HaveCount(productsBefore);
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM goods WHERE ID > 1")).Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_finished_export_to_an_empty_shop_does_not_vouch_for_records_that_appear_later(WarehouseProvider provider)
    {
        // Both sides empty: the first export has nothing to send, finishes, and clears its "shop was empty" mark.
        await using var rig = await SyncRig.StartAsync(provider);
        (await rig.Engine().ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);

        await WarehouseSeed.CreateAsync(rig);
        ShopAlreadyHasData(rig);
        var export = await rig.Engine().ExportAsync();

        export.Outcome.Should().Be(RunOutcome.Failed, "the shop's records were made there, not sent by an unfinished export of ours");
        export.Error.Should().Contain("Both the warehouse and the shop");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Matching_links_existing_records_and_reports_what_is_ambiguous(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Matching.Enabled = true);
        var seed = await WarehouseSeed.CreateAsync(rig);
        ShopAlreadyHasData(rig);
        var state = rig.Shop.State;

        var report = await rig.Engine().ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        var matching = report.Export!.Matching!;
        matching.Matched.Should().Be(3, "the charger by code, the cable by barcode, Техно by EIK");
        matching.Ambiguous.Should().HaveCount(2).And.OnlyContain(a => a.Contains("1003"));
        state.Products.Single(p => p.Id == Linked(seed.Charger)).Name.Should().Be("Зарядно 20W", "the matched product now carries the warehouse's data");
        state.Products.Single(p => p.Id == Linked(seed.Cable)).Barcode.Should().Be("3800123456789");
        state.Products.Single(p => p.Sku == "X-9").ExternalId.Should().BeNull();
        state.Customers.Single(c => c.Eik == "204567890").ExternalId.Should().Be(Id(seed.Company));
        state.Products.Where(p => p.Sku == "1003").Should().HaveCount(3, "the two ambiguous ones stay unlinked, the warehouse's goes as new");
        state.Products.Where(p => p.Sku == "1003" && p.ExternalId != null).Should().ContainSingle().Which.ExternalId.Should().Be(Id(seed.Headphones));

        string Linked(int goodId) => state.Products.Single(p => p.ExternalId == Id(goodId)).Id;
    }
}
