using System.Diagnostics;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.IntegrationTests.Engine;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;
using static Shopiko.Sync.Diagnostics.SyncDiagnostics;

namespace Shopiko.Sync.IntegrationTests.Diagnostics;

/// <summary>What an exporter listening to the Shopiko.Sync meter and activity source sees during real runs.</summary>
public class TelemetryTests
{
    [Fact]
    public async Task An_export_and_an_import_record_runs_items_orders_shop_requests_and_spans()
    {
        var server = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        using var recorder = new TelemetryRecorder(server);
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite, s => { s.Name = server; s.Import.SyncNomenclature = false; });
        var seed = await WarehouseSeed.CreateAsync(rig);
        var engine = rig.Engine();

        var export = await engine.ExportAsync();
        export.Outcome.Should().Be(RunOutcome.Succeeded, export.Error);
        var again = await engine.ExportAsync();
        again.Outcome.Should().Be(RunOutcome.Succeeded, again.Error);

        var state = rig.Shop.State;
        var shopOnly = state.CreateProduct(new SandboxProductDraft { Sku = "SHOP-ONLY", Name = "Само в магазина", Price = 3m });
        var good = MoneyScenarioTests.PlaceMoneyOrder(rig, seed);
        var bad = state.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = state.Customers.First().Id,
            Lines = [new SandboxOrderLineDraft(shopOnly.Id, 1, null)],
        });
        var import = await engine.ImportAsync();
        import.Outcome.Should().Be(RunOutcome.Partial);

        // Runs: two exports that succeeded, one partial import; each timed in seconds.
        recorder.Sum(Instruments.Runs, (Tags.Operation, "export"), (Tags.Outcome, "succeeded")).Should().Be(2);
        recorder.Sum(Instruments.Runs, (Tags.Operation, "import"), (Tags.Outcome, "partial")).Should().Be(1);
        recorder.Measurements(Instruments.RunDuration).Should().HaveCount(3).And.OnlyContain(m => m.Unit == "s" && m.Value >= 0);

        // Items: the first export sends everything, the second nothing (all unchanged).
        var sentProducts = export.Export!.Products.Created + export.Export.Products.Updated;
        sentProducts.Should().BeGreaterThan(0);
        recorder.Sum(Instruments.ItemsSent, (Tags.Entity, "products")).Should().Be(sentProducts);
        recorder.Sum(Instruments.ItemsSent, (Tags.Entity, "customers")).Should().Be(export.Export.Customers.Created + export.Export.Customers.Updated);
        recorder.Sum(Instruments.ItemsUnchanged, (Tags.Entity, "products")).Should().Be(again.Export!.Products.Unchanged).And.BeGreaterThan(0);
        recorder.Sum(Instruments.ItemsUnchanged, (Tags.Entity, "stock")).Should().Be(again.Export.Stock.Unchanged);

        // Orders by outcome.
        recorder.Sum(Instruments.Orders, (Tags.OrderOutcome, OrderOutcomes.Imported)).Should().Be(1);
        recorder.Sum(Instruments.Orders, (Tags.OrderOutcome, OrderOutcomes.Quarantined)).Should().Be(1);

        // Shop requests by status and operation, each timed.
        recorder.Sum(Instruments.ShopRequests, (Tags.HttpMethod, "PUT"), (Tags.ShopOperation, "products/batch"), (Tags.HttpStatusCode, 200)).Should().BeGreaterThan(0);
        recorder.Sum(Instruments.ShopRequests, (Tags.HttpMethod, "POST"), (Tags.ShopOperation, "orders/{id}/ack"), (Tags.HttpStatusCode, 200)).Should().Be(1);
        recorder.Sum(Instruments.ShopRequestDuration).Should().BeGreaterThanOrEqualTo(0);
        recorder.Measurements(Instruments.ShopRequestDuration).Count.Should().Be(recorder.Measurements(Instruments.ShopRequests).Count);

        // Time since the last successful run: measured from the import that just finished.
        recorder.Measurements(Instruments.TimeSinceLastSuccess).Should().NotBeEmpty()
            .And.OnlyContain(m => m.Unit == "s" && m.Value >= 0 && m.Value < 60);

        // Spans: a run, its phases, the shop batches and one per order, carrying order id and document number.
        var spans = recorder.Spans();
        spans.Where(s => s.OperationName == Spans.Run).Should().HaveCount(3);
        spans.Should().Contain(s => s.OperationName == Spans.Phase && (string?)s.GetTagItem(Tags.Phase) == "export.products");
        spans.Should().Contain(s => s.OperationName == Spans.Phase && (string?)s.GetTagItem(Tags.Phase) == "import.orders");
        spans.Should().Contain(s => s.OperationName == Spans.ShopBatch && (string?)s.GetTagItem(Tags.ShopOperation) == "products/batch");
        var orderSpans = spans.Where(s => s.OperationName == Spans.Order).ToList();
        orderSpans.Should().HaveCount(2);
        var imported = orderSpans.Single(s => (string?)s.GetTagItem(Tags.OrderId) == good.Id);
        imported.GetTagItem(Tags.DocumentNumber).Should().Be(import.Import!.Documents.Single());
        imported.GetTagItem(Tags.OrderOutcome).Should().Be(OrderOutcomes.Imported);
        orderSpans.Single(s => (string?)s.GetTagItem(Tags.OrderId) == bad.Id).GetTagItem(Tags.OrderOutcome).Should().Be(OrderOutcomes.Quarantined);
        imported.Parent!.OperationName.Should().Be(Spans.Phase, "an order's span sits in the import.orders phase");

        // Never the key: no tag of any span carries it.
        spans.SelectMany(s => s.TagObjects).Should().NotContain(t => t.Value is string && ((string)t.Value).Contains(rig.Server.Shop.Key));
    }

    [Fact]
    public async Task A_retried_shop_request_is_counted_with_the_status_it_was_retried_for()
    {
        var server = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        using var recorder = new TelemetryRecorder(server);
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite, s => { s.Name = server; s.Shop.MaxRetries = 1; });
        await WarehouseSeed.CreateAsync(rig);
        rig.Shop.Faults.Next(SandboxFault.InternalError());

        var report = await rig.Engine().ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        recorder.Sum(Instruments.ShopRetries, (Tags.HttpMethod, "GET"), (Tags.ShopOperation, "shop"), (Tags.HttpStatusCode, 500)).Should().Be(1);
        recorder.Sum(Instruments.ShopRequests, (Tags.HttpMethod, "GET"), (Tags.ShopOperation, "shop"), (Tags.HttpStatusCode, 200)).Should().Be(1,
            "a request is counted once, after its retries, with the status it ended with");
    }

    [Fact]
    public async Task A_failed_run_is_counted_with_its_error_type_and_its_span_is_an_error()
    {
        var server = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        using var recorder = new TelemetryRecorder(server);
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite, s => { s.Name = server; s.Import.Object = "Няма такъв"; });

        var report = await rig.Engine().ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Failed);
        recorder.Sum(Instruments.Runs, (Tags.Outcome, "failed"), (Tags.ErrorType, "configuration")).Should().Be(1);
        var run = recorder.Spans().Single(s => s.OperationName == Spans.Run);
        run.Status.Should().Be(ActivityStatusCode.Error);
        run.GetTagItem(Tags.ErrorType).Should().Be("configuration");
    }
}
