using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class QuarantineTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task One_bad_order_waits_with_its_reason_while_the_good_ones_go(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Import.SyncNomenclature = false);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var engine = rig.Engine();
        await engine.ExportAsync();
        var state = rig.Shop.State;
        var shopOnly = state.CreateProduct(new SandboxProductDraft { Sku = "SHOP-ONLY", Name = "Само в магазина", Price = 3m });
        var good1 = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        var bad = state.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = state.Customers.First().Id,
            Lines = [new SandboxOrderLineDraft(MoneyScenarioTests.Product(rig, seed.Cable), 1, null), new SandboxOrderLineDraft(shopOnly.Id, 1, null)],
        });
        var good2 = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);

        var report = await engine.ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Partial);
        report.Import!.OrdersImported.Should().Be(2);
        report.Import.OrdersQuarantined.Should().Be(1);
        report.Quarantine.Should().ContainSingle().Which.Should().Match<QuarantinedItem>(q =>
            q.Entity == "order" && q.Id == bad.Id && q.Reason.Contains("SHOP-ONLY") && q.Reason.Contains("nomenclature sync is off"));
        state.Acks.Select(a => a.OrderId).Should().BeEquivalentTo(new[] { good1.Id, good2.Id });
        (await rig.DocumentCountAsync()).Should().Be(2);
        (await rig.State.ReadQuarantineAsync(rig.Server.Shop.ApiId)).Should().ContainSingle(q => q.Id == bad.Id);

        var retried = await engine.ImportAsync();
        retried.Quarantine.Should().ContainSingle(q => q.Id == bad.Id, "it stays in the report until fixed");
        (await rig.State.ReadQuarantineAsync(rig.Server.Shop.ApiId)).Single().Attempts.Should().BeGreaterThan(1);

        // The merchant fixes it: nomenclature sync on, the shop product becomes a good, the order goes.
        rig.Server.Import.SyncNomenclature = true;
        var fixedRun = await rig.Engine().ImportAsync();
        fixedRun.Outcome.Should().Be(RunOutcome.Succeeded, fixedRun.Error);
        fixedRun.Import!.OrdersImported.Should().Be(1);
        fixedRun.Quarantine.Should().BeEmpty();
        (await rig.State.ReadQuarantineAsync(rig.Server.Shop.ApiId)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_dry_run_import_plans_everything_and_writes_nothing(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        await rig.Engine().ExportAsync();
        var state = rig.Shop.State;
        MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        state.CreateProduct(new SandboxProductDraft { Sku = "NEW-1", Name = "Нов", Price = 2m });
        state.PlaceOrder(new SandboxOrderDraft { Customer = new SandboxCustomerDraft { Name = "Гост", Email = "g@example.bg" }, Lines = [new SandboxOrderLineDraft(state.Products.Single(p => p.Sku == "NEW-1").Id, 1, null)] });
        var goodsBefore = await rig.ScalarAsync<long>("SELECT COUNT(*) FROM goods");
        var partnersBefore = await rig.ScalarAsync<long>("SELECT COUNT(*) FROM partners");

        var report = await rig.Engine().ImportAsync(new SyncRunOptions { DryRun = true });

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Import!.OrdersImported.Should().Be(2);
        report.Plan.Should().Contain(p => p.Contains("sale")).And.Contain(p => p.Contains("NEW-1"));
        (await rig.OperationsAsync()).Should().BeEmpty();
        (await rig.PaymentsAsync()).Should().BeEmpty();
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM goods")).Should().Be(goodsBefore);
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM partners")).Should().Be(partnersBefore);
        state.Acks.Should().BeEmpty();
        state.Products.Single(p => p.Sku == "NEW-1").ExternalId.Should().BeNull();
        (await rig.StockAsync(seed.Cable)).Should().Be(10);
    }
}

public class CancelledWhileQuarantinedTests
{
    [Fact]
    public async Task An_order_cancelled_while_quarantined_is_acknowledged_without_a_document()
    {
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite, s => s.Import.SyncNomenclature = false);
        await WarehouseSeed.CreateAsync(rig);
        await rig.Engine().ExportAsync();
        var state = rig.Shop.State;
        var shopOnly = state.CreateProduct(new SandboxProductDraft { Sku = "SHOP-ONLY", Name = "Само в магазина", Price = 3m });
        var bad = state.PlaceOrder(new SandboxOrderDraft { CustomerId = state.Customers.First().Id, Lines = [new SandboxOrderLineDraft(shopOnly.Id, 1)] });
        (await rig.Engine().ImportAsync()).Import!.OrdersQuarantined.Should().Be(1);

        state.CancelOrder(bad.Id);
        var report = await rig.Engine().ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Quarantine.Should().BeEmpty();
        (await rig.OperationsAsync()).Should().BeEmpty();
        state.Acks.Should().ContainSingle().Which.Revision.Should().Be(2);
        (await rig.State.ReadQuarantineAsync(rig.Server.Shop.ApiId)).Should().BeEmpty();
    }
}
