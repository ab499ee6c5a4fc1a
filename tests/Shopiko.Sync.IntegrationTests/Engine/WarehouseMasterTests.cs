using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class WarehouseMasterTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Export_fills_an_empty_shop_then_sends_only_what_changed(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var engine = rig.Engine();

        var first = await engine.ExportAsync();

        first.Outcome.Should().Be(RunOutcome.Succeeded, first.Error);
        first.Export!.Categories.Created.Should().Be(2);
        first.Export.Products.Created.Should().Be(3);
        first.Export.Customers.Created.Should().Be(2);
        first.Export.Stock.Failed.Should().Be(0);
        first.Export.ItemsSent.Should().Be(2 + 3 + 2 + 3);
        var state = rig.Shop.State;
        state.Categories.Should().HaveCount(2);
        var usb = state.Categories.Single(c => c.Name == "USB");
        usb.ParentId.Should().Be(state.Categories.Single(c => c.Name == "Кабели").Id);
        var cable = state.Products.Single(p => p.ExternalId == Id(seed.Cable));
        cable.Sku.Should().Be("1001");
        cable.Barcode.Should().Be("3800123456789");
        cable.Price.Should().Be(12.50m);
        cable.VatRate.Should().Be(20);
        cable.CategoryId.Should().Be(usb.Id);
        state.StockOf(Id(seed.Cable)).Should().Be(10);
        state.StockOf(Id(seed.Charger)).Should().Be(5);
        state.StockOf(Id(seed.Headphones)).Should().Be(3);
        var company = state.Customers.Single(c => c.ExternalId == Id(seed.Company));
        company.Type.Should().Be("company");
        company.Eik.Should().Be("204567890");
        company.VatNumber.Should().Be("BG204567890");
        company.ContactPerson.Should().Be("Иван Петров");
        state.Customers.Single(c => c.ExternalId == Id(seed.Person)).Type.Should().Be("person");

        // The merchant changes two prices and one stock level in Warehouse Pro.
        await rig.SetPriceAsync(seed.Cable, 13.90m);
        await rig.SetPriceAsync(seed.Headphones, 44.00m);
        await rig.SetStockAsync(seed.Charger, 2);
        var before = state.RequestCount;

        var second = await engine.ExportAsync();

        second.Outcome.Should().Be(RunOutcome.Succeeded, second.Error);
        second.Export!.ItemsSent.Should().Be(3);
        second.Export.Products.Updated.Should().Be(2);
        second.Export.Products.Unchanged.Should().Be(1);
        second.Export.Stock.Updated.Should().Be(1);
        second.Export.Categories.Unchanged.Should().Be(2);
        second.Export.Customers.Unchanged.Should().Be(2);
        (state.RequestCount - before).Should().Be(3, "GET shop, one product batch, one stock batch");
        state.Products.Single(p => p.ExternalId == Id(seed.Cable)).Price.Should().Be(13.90m);
        state.Products.Single(p => p.ExternalId == Id(seed.Headphones)).Price.Should().Be(44.00m);
        state.StockOf(Id(seed.Charger)).Should().Be(2);

        before = state.RequestCount;
        var third = await engine.ExportAsync();
        third.Export!.ItemsSent.Should().Be(0);
        (state.RequestCount - before).Should().Be(1, "only GET shop: nothing changed");

        var full = await engine.ExportAsync(new SyncRunOptions { Full = true });
        full.Export!.ItemsSent.Should().Be(2 + 3 + 2 + 3);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Stock_is_summed_over_the_stock_objects_and_never_negative(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Export.Partners = false);
        var seed = await WarehouseSeed.CreateAsync(rig);
        await rig.SetStockAsync(seed.Headphones, -4);

        var report = await rig.Engine().ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        rig.Shop.State.StockOf(Id(seed.Headphones)).Should().Be(0);
        rig.Shop.State.Customers.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_lev_warehouse_without_vat_in_prices_exports_euro_gross_prices(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, database: new() { BaseCurrency = "BGN", PricesIncludeVat = false });
        var seed = await WarehouseSeed.CreateAsync(rig);
        await rig.SetPriceAsync(seed.Cable, 20.37m);

        var report = await rig.Engine().ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        rig.Shop.State.Products.Single(p => p.ExternalId == Id(seed.Cable)).Price.Should().Be(12.50m); // 20.37 × 1.2 / 1.95583
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_dry_run_export_writes_nothing_on_either_side(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        await WarehouseSeed.CreateAsync(rig);

        var report = await rig.Engine().ExportAsync(new SyncRunOptions { DryRun = true });

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.DryRun.Should().BeTrue();
        report.Plan.Should().NotBeEmpty();
        report.Export!.Products.Created.Should().Be(3);
        rig.Shop.State.Products.Should().BeEmpty();
        rig.Shop.State.Categories.Should().BeEmpty();
        rig.Shop.State.Customers.Should().BeEmpty();
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM shopikosync_links")).Should().Be(0);
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public class ExportBatchTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Items_go_in_batches_of_the_configured_size(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Shop.BatchSize = 2);
        var seed = await WarehouseSeed.CreateAsync(rig);

        var report = await rig.Engine().ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Export!.ItemsSent.Should().Be(10);
        rig.Shop.State.RequestCount.Should().Be(1 + 1 + 2 + 1 + 2, "GET shop, 2 categories, 3 products, 2 customers, 3 stock levels in batches of 2");
        (await rig.State.ReadLinksAsync(rig.Server.Shop.ApiId, Shopiko.Sync.Warehouse.Model.SyncEntity.Product).ToListAsync())
            .Select(l => l.LocalId).Should().BeEquivalentTo(new[] { seed.Cable, seed.Charger, seed.Headphones });
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Check_reports_both_sides(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);

        var check = await rig.Engine().CheckAsync();

        check.Ok.Should().BeTrue($"{check.WarehouseError} {check.ShopError}");
        check.Warehouse.Should().Contain(provider.ToString()).And.Contain("EUR");
        check.Shop.Should().Contain("EUR").And.Contain("active");
    }
}

public class ObjectSettingTests
{
    [Fact]
    public async Task An_unknown_object_fails_the_run_naming_the_setting_and_the_objects_that_exist()
    {
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite, s => s.Import.Object = "Склад Варна");

        var report = await rig.Engine().ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Failed);
        report.Error.Should().Contain("ShopikoSync:Servers:0:Import:Object").And.Contain("Склад Варна").And.Contain(SyncRig.ObjectName);
    }
}
