using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.IntegrationTests.Warehouse;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Testing;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>Edited orders on a blank SQLite warehouse.</summary>
public sealed class EditedOrderSqliteTests : EditedOrderTests
{
    protected override Task<EditWorld> StartAsync(Action<ServerOptions>? configure = null) => EditWorld.SqliteAsync(configure);
}

/// <summary>Edited orders on the Warehouse Open sample store, loaded as it is (utf8 tables, its own documents) into MariaDB.</summary>
[RequiresMariaDb]
[RequiresSampleDump]
public sealed class EditedOrderSampleStoreTests : EditedOrderTests
{
    protected override Task<EditWorld> StartAsync(Action<ServerOptions>? configure = null) => EditWorld.SampleStoreAsync(configure);
}

/// <summary>
/// An order edited in the shop after import: the booked sale is returned (Рекламация, OperType 34, exactly its rows)
/// and the new revision booked as a new sale, in one transaction, so the warehouse holds what the shop holds — stock per
/// good to the unit, document total to the cent, payment rows — exactly once, also across a kill and two engines.
/// </summary>
public abstract class EditedOrderTests
{
    protected abstract Task<EditWorld> StartAsync(Action<ServerOptions>? configure = null);

    /// <summary>The order booked as one sale: A − 3, B − 1.</summary>
    private async Task<(EditWorld World, ShopOrder Order, string Sale)> BookedAsync(Action<ServerOptions>? configure = null)
    {
        var world = await StartAsync(configure);
        var order = world.PlaceOrder();
        var report = await world.Rig.Engine().ImportAsync();
        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        var sale = report.Import!.Documents.Should().ContainSingle().Subject;
        (await world.StockAsync(world.A)).Should().Be(world.StockBefore[world.A] - 3);
        (await world.StockAsync(world.B)).Should().Be(world.StockBefore[world.B] - 1);
        return (world, order, sale);
    }

    /// <summary>Edits the booked order, imports, and checks the correction and that both sides agree.</summary>
    private async Task<RunReport> EditAndImportAsync(Func<EditWorld, SandboxOrderEdit> edit, Action<ServerOptions>? configure = null, Func<EditWorld, int>? partner = null)
    {
        var (world, order, sale) = await BookedAsync(configure);
        await using var _ = world;
        var edited = world.Edit(order, edit(world));
        edited.Revision.Should().Be(2);
        // The cost moves on after the sale: the return brings the stock back at the cost it left with.
        await world.Rig.ExecuteAsync("UPDATE goods SET PriceIn = PriceIn + 1 WHERE ID = @id", new { id = world.A });

        var report = await world.Rig.Engine().ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Import!.OrdersCorrected.Should().Be(1);
        var correction = report.Import.Corrections.Should().ContainSingle().Subject;
        correction.Should().BeEquivalentTo(new { OrderNumber = order.Number, OrderId = order.Id, Revision = 2, Reversed = sale });
        correction.Return.Should().StartWith("CR");
        correction.Replacement.Should().StartWith("S").And.NotBe(sale);
        report.Import.Documents.Should().Equal(correction.Return, correction.Replacement);
        world.Rig.Shop.State.Acks.Last().Should().Be(new SandboxAck(order.Id, 2, correction.Replacement!));
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, partner?.Invoke(world) ?? world.Partner);

        // The return gives back exactly the booked rows.
        var booked = (await OrderRowsAsync(world, order)).Where(r => r.OperType == 2 && Number(r) == sale).ToList();
        var returned = (await OrderRowsAsync(world, order)).Where(r => r.OperType == 34).ToList();
        returned.Select(r => (r.GoodID, r.Quantity, r.PriceIn, r.Price, r.Vat, r.DiscountPercent, r.PartnerID))
            .Should().Equal(booked.Select(r => (r.GoodID, r.Quantity, r.PriceIn, r.Price, r.Vat, r.DiscountPercent, r.PartnerID)));
        returned.Should().OnlyContain(r => r.Sign == 1 && r.Note.Contains(sale));

        // Once: the next run finds nothing to do.
        var again = await world.Rig.Engine().ImportAsync();
        again.Import!.OrdersCorrected.Should().Be(0);
        again.Import.Documents.Should().BeEmpty();
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, partner?.Invoke(world) ?? world.Partner);
        return report;
    }

    [StoreFact]
    public Task Quantity_down_returns_the_sale_and_books_the_new_quantity() =>
        EditAndImportAsync(w => new SandboxOrderEdit { Lines = [w.Line(w.A, 1), w.Line(w.B, 1)] });

    [StoreFact]
    public Task A_removed_line_comes_back_to_stock() => EditAndImportAsync(w => new SandboxOrderEdit { Lines = [w.Line(w.A, 3)] });

    [StoreFact]
    public Task An_added_line_goes_out_of_stock() =>
        EditAndImportAsync(w => new SandboxOrderEdit { Lines = [w.Line(w.A, 3), w.Line(w.B, 1), w.Line(w.C, 1)] });

    [StoreFact]
    public Task A_changed_price_is_booked_at_the_new_price() =>
        EditAndImportAsync(w => new SandboxOrderEdit { Lines = [w.Line(w.A, 3, w.Price(w.A) - 0.37m), w.Line(w.B, 1)] });

    [StoreFact]
    public Task Changed_shipping_is_booked() => EditAndImportAsync(_ => new SandboxOrderEdit { Shipping = new OrderShipping("Еконт", 4.90m, 20) });

    [StoreFact]
    public Task A_changed_order_discount_and_payment_are_booked() =>
        EditAndImportAsync(_ => new SandboxOrderEdit { Discounts = [new OrderDiscount(DiscountKinds.Voucher, "SORRY3", 3.00m)], Paid = false, PaymentMethod = PaymentMethods.CashOnDelivery });

    [StoreFact]
    public async Task A_changed_customer_moves_the_order_to_the_other_partner()
    {
        var (world, order, _) = await BookedAsync();
        await using var __ = world;
        var edited = world.Edit(order, new SandboxOrderEdit { CustomerId = world.OtherCustomer });

        var report = await world.Rig.Engine().ImportAsync();

        report.Import!.OrdersCorrected.Should().Be(1, report.Error);
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, world.OtherPartner);
        (await OrderRowsAsync(world, order)).Where(r => r.OperType == 34).Should().OnlyContain(r => r.PartnerID == world.Partner, "the return goes back to whom the sale was made");
    }

    [StoreFact]
    public async Task A_status_change_is_acknowledged_without_writing()
    {
        var (world, order, sale) = await BookedAsync();
        await using var _ = world;
        var rows = (await world.Rig.OperationsAsync()).Count;
        var edited = world.Edit(order, new SandboxOrderEdit { Status = OrderStatuses.Processing });

        var report = await world.Rig.Engine().ImportAsync();

        report.Import!.OrdersCorrected.Should().Be(0);
        report.Import.OrdersAlreadyImported.Should().Be(1);
        report.Import.Documents.Should().BeEmpty();
        (await world.Rig.OperationsAsync()).Should().HaveCount(rows);
        world.Rig.Shop.State.Acks.Last().Should().Be(new SandboxAck(order.Id, 2, sale));
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, world.Partner);
    }

    [StoreFact]
    public async Task Edited_then_cancelled_returns_the_corrected_sale()
    {
        var (world, order, _) = await BookedAsync();
        await using var __ = world;
        world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 1)] });
        var corrected = (await world.Rig.Engine().ImportAsync()).Import!.Corrections.Single().Replacement;
        var cancelled = world.Rig.Shop.State.CancelOrder(order.Id);

        var report = await world.Rig.Engine().ImportAsync();

        report.Import!.OrdersReversed.Should().Be(1, report.Error);
        report.Import.Corrections.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Reversed = corrected, Replacement = (string?)null });
        report.Import.Corrections[0].Return.Should().StartWith("CR");
        await WarehouseHoldsWhatTheShopHoldsAsync(world, cancelled, world.Partner);
        (await OrderRowsAsync(world, order)).Where(r => r.OperType == 34).Select(r => r.Acct).Distinct().Should().HaveCount(2);
    }

    [StoreFact]
    public async Task A_cancelled_order_edited_stays_reversed_until_it_is_brought_back()
    {
        var (world, order, _) = await BookedAsync();
        await using var __ = world;
        world.Rig.Shop.State.CancelOrder(order.Id);
        (await world.Rig.Engine().ImportAsync()).Import!.OrdersReversed.Should().Be(1);
        var rows = (await world.Rig.OperationsAsync()).Count;

        // The merchant edits the cancelled order: it stays cancelled, nothing is booked.
        var edited = world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 2)] });
        var report = await world.Rig.Engine().ImportAsync();

        report.Import!.Documents.Should().BeEmpty();
        report.Import.OrdersAlreadyImported.Should().Be(1);
        (await world.Rig.OperationsAsync()).Should().HaveCount(rows);
        world.Rig.Shop.State.Acks.Last().Revision.Should().Be(edited.Revision);
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, world.Partner);

        // Brought back to life: booked anew, as the shop now holds it.
        var revived = world.Edit(order, new SandboxOrderEdit { Status = OrderStatuses.Processing });
        var back = await world.Rig.Engine().ImportAsync();

        back.Import!.OrdersImported.Should().Be(1, back.Error);
        await WarehouseHoldsWhatTheShopHoldsAsync(world, revived, world.Partner);
    }

    [StoreFact]
    public async Task A_kill_between_the_return_and_the_new_sale_leaves_nothing_and_the_next_run_corrects_once()
    {
        var (world, order, sale) = await BookedAsync();
        await using var _ = world;
        var edited = world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 1)] });
        var rows = (await world.Rig.OperationsAsync()).Count;
        var payments = (await world.Rig.PaymentsAsync()).Count;
        // The database refuses the new sale's rows: the return is already written in the transaction when it dies.
        await world.Rig.ExecuteAsync(world.Rig.Provider == WarehouseProvider.MySql
            ? "CREATE TRIGGER shopiko_test_kill BEFORE INSERT ON operations FOR EACH ROW BEGIN IF NEW.OperType = 2 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated kill'; END IF; END"
            : "CREATE TRIGGER shopiko_test_kill BEFORE INSERT ON operations WHEN NEW.OperType = 2 BEGIN SELECT RAISE(ABORT, 'simulated kill'); END");

        var killed = await world.Rig.Engine().ImportAsync();

        // The database refused a write of this order only: the order waits with the database's reason, the run goes on.
        killed.Outcome.Should().Be(RunOutcome.Partial);
        killed.Quarantine.Should().ContainSingle().Which.Reason.Should().Contain("simulated kill");
        (await world.Rig.OperationsAsync()).Should().HaveCount(rows, "the return was rolled back with the sale");
        (await world.Rig.PaymentsAsync()).Should().HaveCount(payments);
        (await world.StockAsync(world.A)).Should().Be(world.StockBefore[world.A] - 3);
        world.Rig.Shop.State.Acks.Should().ContainSingle().Which.Revision.Should().Be(1);

        await world.Rig.ExecuteAsync("DROP TRIGGER shopiko_test_kill");
        var next = await world.Rig.Engine().ImportAsync();

        next.Import!.OrdersCorrected.Should().Be(1, next.Error);
        next.Import.Corrections.Single().Reversed.Should().Be(sale);
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, world.Partner);
        (await OrderRowsAsync(world, order)).Where(r => r.OperType == 34).Select(r => r.Acct).Distinct().Should().ContainSingle();
    }

    [StoreFact]
    public async Task A_crash_after_the_correction_committed_is_only_acknowledged_next_time()
    {
        var (world, order, _) = await BookedAsync();
        await using var __ = world;
        var edited = world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 2)] });

        var crash = () => world.Rig.Engine(api: a => new CrashingShopApi(a) { CrashOnAcks = 1 }).ImportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        var next = await world.Rig.Engine().ImportAsync();

        next.Import!.OrdersCorrected.Should().Be(0);
        next.Import.Documents.Should().BeEmpty();
        world.Rig.Shop.State.Acks.Last().Revision.Should().Be(2);
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, world.Partner);
    }

    [StoreFact]
    public async Task Two_engines_correcting_at_once_make_one_return_and_one_new_sale()
    {
        var (world, order, _) = await BookedAsync();
        await using var __ = world;
        var edited = world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 1), world.Line(world.C, 2)] });

        var reports = await Task.WhenAll(world.Rig.Engine().ImportAsync(), world.Rig.Engine().ImportAsync());

        reports.Should().OnlyContain(r => r.Outcome == RunOutcome.Succeeded, string.Join("; ", reports.Select(r => r.Error)));
        reports.Sum(r => r.Import!.OrdersCorrected).Should().Be(1);
        await WarehouseHoldsWhatTheShopHoldsAsync(world, edited, world.Partner);
        (await OrderRowsAsync(world, order)).Where(r => r.OperType == 34).Select(r => r.Acct).Distinct().Should().ContainSingle();
    }

    [StoreFact]
    public async Task A_correction_decided_on_a_sale_another_engine_replaced_writes_nothing()
    {
        var (world, order, sale) = await BookedAsync();
        await using var _ = world;
        var scope = world.Rig.Server.Shop.ApiId;
        var first = (await world.Rig.State.ReadImportedOrderAsync(scope, order.Id)).Single();
        world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 1)] });
        (await world.Rig.Engine().ImportAsync()).Import!.OrdersCorrected.Should().Be(1);
        var rows = (await world.Rig.OperationsAsync()).Count;

        // An engine that read the record before that correction committed decides to correct the first sale again.
        var stale = () => world.Rig.Store.CorrectDocumentAsync(new Shopiko.Sync.Warehouse.Model.DocumentCorrectionRequest
        {
            Order = new Shopiko.Sync.Warehouse.OrderImportRecord(scope, order.Id, 3, OrderStatuses.Cancelled),
            Booked = new Shopiko.Sync.Warehouse.Model.BookedDocument(first.OperType, first.Acct, first.ObjectId, sale),
            ReturnDate = new DateOnly(2026, 12, 1),
        });

        (await stale.Should().ThrowAsync<Shopiko.Sync.Warehouse.BookedDocumentChangedException>()).Which.Booked.Should().Be(sale);
        (await world.Rig.OperationsAsync()).Should().HaveCount(rows, "the first sale is not returned twice");
        (await world.Rig.State.ReadImportedOrderAsync(scope, order.Id)).Should().HaveCount(2);
    }

    [StoreFact]
    public async Task A_dry_run_prints_the_correction_and_writes_nothing()
    {
        var (world, order, sale) = await BookedAsync();
        await using var _ = world;
        world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.A, 1)] });
        var rows = (await world.Rig.OperationsAsync()).Count;

        var report = await world.Rig.Engine().ImportAsync(new SyncRunOptions { DryRun = true });

        report.Plan.Should().ContainSingle(p => p.Contains($"customer return of {sale}") && p.Contains("sale for"));
        report.Import!.Corrections.Should().ContainSingle().Which.Should().Be(new OrderCorrection(order.Number, order.Id, 2, sale, null, null));
        (await world.Rig.OperationsAsync()).Should().HaveCount(rows);
        world.Rig.Shop.State.Acks.Should().ContainSingle();
    }

    [StoreFact]
    public async Task An_edited_sales_order_is_annulled_and_made_again()
    {
        var world = await StartAsync(s => s.Import.DocumentType = ImportDocumentType.SalesOrder);
        await using var _ = world;
        var order = world.PlaceOrder();
        var first = (await world.Rig.Engine().ImportAsync()).Import!.Documents.Single();
        var edited = world.Edit(order, new SandboxOrderEdit { Lines = [world.Line(world.B, 2)] });

        var report = await world.Rig.Engine().ImportAsync();

        report.Import!.OrdersCorrected.Should().Be(1, report.Error);
        var correction = report.Import.Corrections.Single();
        correction.Should().BeEquivalentTo(new { Reversed = first, Return = (string?)null });
        var lines = (await OrderRowsAsync(world, order)).Where(r => r.OperType == 19).ToList();
        lines.Select(r => r.Acct).Distinct().Should().ContainSingle().Which.Should().NotBe(long.Parse(first[2..], CultureInfo.InvariantCulture));
        lines.Where(r => r.GoodID == world.B).Sum(r => r.Quantity).Should().Be(2);
        lines.Sum(r => r.LineTotal(true)).Should().Be(edited.Totals.GrandTotal);
        (await OrderRowsAsync(world, order)).Should().NotContain(r => r.OperType == 34 || r.OperType == 2);
        foreach (var good in world.Goods)
        {
            (await world.StockAsync(good)).Should().Be(world.StockBefore[good], "a sales order moves no stock");
        }
    }

    /// <summary>The rows of the order's documents (sales, returns, sales orders): their notes name the shop order.</summary>
    private static async Task<List<OperationRow>> OrderRowsAsync(EditWorld world, ShopOrder order) =>
        (await world.Rig.OperationsAsync()).Where(r => r.Note.Contains($"Shopiko {order.Number}", StringComparison.Ordinal)).ToList();

    private static string Number(OperationRow row) =>
        (row.OperType == 34 ? "CR" : row.OperType == 19 ? "OR" : "S") + row.Acct.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>
    /// Stock per good to the unit, the standing document's total to the cent with the shop's grand total, the net of
    /// every document of the order (sales less returns) equal to what the shop holds, and the payment rows.
    /// </summary>
    private static async Task WarehouseHoldsWhatTheShopHoldsAsync(EditWorld world, ShopOrder order, int partner)
    {
        order = world.Current(order);
        var cancelled = order.Status == OrderStatuses.Cancelled;
        foreach (var good in world.Goods)
        {
            var held = cancelled ? 0 : order.Lines.Where(l => l.ProductId == world.Product(good)).Sum(l => l.Quantity);
            (await world.StockAsync(good)).Should().Be(world.StockBefore[good] - held, $"good {good}");
        }

        var includesVat = (await world.Rig.Store.GetInfoAsync()).Settings.PricesIncludeVat;
        var rows = (await OrderRowsAsync(world, order)).Where(r => r.OperType is 2 or 34).ToList();
        var net = rows.Sum(r => (r.OperType == 2 ? 1 : -1) * r.LineTotal(includesVat));
        net.Should().Be(cancelled ? 0m : order.Totals.GrandTotal, "sales less returns");
        foreach (var good in world.Goods)
        {
            var moved = rows.Where(r => r.GoodID == good).Sum(r => -r.Sign * r.Quantity);
            var expected = cancelled ? 0 : order.Lines.Where(l => l.ProductId == world.Product(good)).Sum(l => l.Quantity);
            moved.Should().Be(expected, $"good {good} net of sales and returns");
        }

        var ack = world.Rig.Shop.State.Acks.Last(a => a.OrderId == order.Id);
        ack.Revision.Should().Be(order.Revision);
        var documents = rows.Select(r => (r.OperType, r.Acct)).ToHashSet();
        var payments = (await world.Rig.PaymentsAsync()).Where(p => documents.Contains((p.OperType, p.Acct))).ToList();
        payments.Where(p => p.Mode == -1).Sum(p => p.Sign * p.Amount).Should().Be(cancelled ? 0m : order.Totals.GrandTotal, "due rows");
        payments.Where(p => p.Mode == 1).Sum(p => p.Sign * p.Amount).Should().Be(cancelled || order.Payment?.IsPaid != true ? 0m : order.Totals.GrandTotal, "paid rows");
        if (!cancelled)
        {
            var standing = rows.Where(r => Number(r) == ack.Document).ToList();
            standing.Should().NotBeEmpty($"the acknowledged document {ack.Document} is a sale of the order");
            standing.Sum(r => r.LineTotal(includesVat)).Should().Be(order.Totals.GrandTotal);
            standing.Should().OnlyContain(r => r.PartnerID == partner && r.Sign == -1);
        }
    }
}
