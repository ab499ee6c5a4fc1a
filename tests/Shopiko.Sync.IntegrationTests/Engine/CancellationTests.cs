using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class CancellationTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_sale_cancelled_after_import_is_reversed_with_a_customer_return(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var engine = rig.Engine();
        await engine.ExportAsync();
        var order = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        var sale = (await engine.ImportAsync()).Import!.Documents.Single();
        (await rig.StockAsync(seed.Cable)).Should().Be(8);

        rig.Shop.State.CancelOrder(order.Id);
        var report = await engine.ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Import!.OrdersReversed.Should().Be(1);
        var returns = await rig.OperationsAsync(34);
        returns.Should().HaveCount(3);
        returns.Should().OnlyContain(l => l.Sign == 1 && l.PartnerID == seed.Person);
        returns.Sum(l => l.LineTotal(true)).Should().Be(30.39m);
        (await rig.StockAsync(seed.Cable)).Should().Be(10);
        (await rig.StockAsync(seed.Charger)).Should().Be(5);
        rig.Shop.State.Acks.Where(a => a.OrderId == order.Id).Select(a => a.Revision).Should().BeEquivalentTo(new[] { 1, 2 });
        rig.Shop.State.Acks.Last().Document.Should().NotBe(sale);

        (await engine.ImportAsync()).Import!.OrdersReversed.Should().Be(0);
        (await rig.OperationsAsync(34)).Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_sales_order_cancelled_after_import_is_annulled(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Import.DocumentType = ImportDocumentType.SalesOrder);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var engine = rig.Engine();
        await engine.ExportAsync();
        var order = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        (await engine.ImportAsync()).Import!.OrdersImported.Should().Be(1);
        (await rig.OperationsAsync(19)).Should().HaveCount(3);
        (await rig.StockAsync(seed.Cable)).Should().Be(10, "a sales order does not move stock");

        rig.Shop.State.CancelOrder(order.Id);
        var report = await engine.ImportAsync();

        report.Import!.OrdersReversed.Should().Be(1);
        (await rig.OperationsAsync(19)).Should().BeEmpty();
        (await rig.PaymentsAsync(19)).Should().BeEmpty();
        rig.Shop.State.Acks.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Cancelling_the_run_between_orders_leaves_whole_documents_only(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        await rig.Engine().ExportAsync();
        for (var i = 0; i < 3; i++)
        {
            MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        }

        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase == "import orders" && p.Done == 1)
            {
                cts.Cancel();
            }
        });

        var run = () => rig.Engine().ImportAsync(new SyncRunOptions { Progress = progress }, cts.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        (await rig.DocumentCountAsync()).Should().Be(1);
        (await rig.OperationsAsync(2)).Should().HaveCount(3);
        (await rig.Engine().ImportAsync()).Import!.OrdersImported.Should().Be(2);
        (await rig.DocumentCountAsync()).Should().Be(3);
    }

    private sealed class SynchronousProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
