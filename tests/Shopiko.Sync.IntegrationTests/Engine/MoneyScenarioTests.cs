using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;
using static Shopiko.Sync.IntegrationTests.Engine.WarehouseMasterTests;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class MoneyScenarioTests
{
    /// <summary>10 % product discount, a voucher, a promo code, shipping and a card payment, after an export.</summary>
    internal static ShopOrder PlaceMoneyOrder(SyncRig rig, WarehouseSeed seed, string payment = "card", bool paid = true)
    {
        var state = rig.Shop.State;
        return state.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = state.Customers.Single(c => c.ExternalId == Id(seed.Person)).Id,
            Lines =
            [
                new SandboxOrderLineDraft(Product(rig, seed.Cable), 2, new LineDiscount(LineDiscount.Percent, 10)),
                new SandboxOrderLineDraft(Product(rig, seed.Charger), 1, null),
            ],
            Discounts = [new OrderDiscount(DiscountKinds.Voucher, "XMAS5", 5.00m), new OrderDiscount(DiscountKinds.PromoCode, "PROMO2", 2.00m)],
            Shipping = new OrderShipping("Speedy", 6.90m, 20),
            PaymentMethod = payment,
            Paid = paid,
        });
    }

    internal static string Product(SyncRig rig, int goodId) => rig.Shop.State.Products.Single(p => p.ExternalId == Id(goodId)).Id;

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task The_document_lines_vat_payments_and_stock_reconcile_to_the_cent(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var engine = rig.Engine();
        (await engine.ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        var order = PlaceMoneyOrder(rig, seed);
        order.Totals.GrandTotal.Should().Be(30.39m, "22.50 + 7.99 − 7.00 + 6.90");

        var report = await engine.ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Import!.OrdersImported.Should().Be(1);
        report.Import.Documents.Should().ContainSingle().Which.Should().StartWith("S");
        var lines = await rig.OperationsAsync(2);
        lines.Should().HaveCount(3);
        lines.Select(l => l.Acct).Distinct().Should().ContainSingle();
        lines.Should().OnlyContain(l => l.PartnerID == seed.Person && l.Sign == -1 && l.ObjectID == lines[0].ObjectID);

        var (cable, charger, shipping) = (lines[0], lines[1], lines[2]);
        // VATOut unrounded, as the program writes it: PriceOut × 20 / 120 (shown here to 6 decimals).
        (cable.GoodID, cable.Quantity, cable.Price, cable.Vat, cable.DiscountPercent).Should().Be((seed.Cable, 2m, 8.665m, 1.444167m, 10m));
        (charger.GoodID, charger.Quantity, charger.Price, charger.Vat, charger.DiscountPercent).Should().Be((seed.Charger, 1m, 6.16m, 1.026667m, 0m));
        (shipping.Quantity, shipping.Price, shipping.Vat).Should().Be((1m, 6.90m, 1.15m));
        (await rig.ScalarAsync<string>("SELECT Code FROM goods WHERE ID = @id", new { id = shipping.GoodID })).Trim().Should().Be("SHOPIKO-SHIPPING");
        cable.Note.Should().Contain(order.Number).And.Contain("XMAS5").And.Contain("PROMO2");
        lines.Sum(l => l.LineTotal(pricesIncludeVat: true)).Should().Be(order.Totals.GrandTotal);

        var payments = await rig.PaymentsAsync(2);
        payments.Select(p => (p.Mode, p.Type, p.Amount, p.Sign)).Should().BeEquivalentTo(new[] { (-1L, 3L, 30.39m, 1L), (1L, 3L, 30.39m, 1L) });

        (await rig.StockAsync(seed.Cable)).Should().Be(8);
        (await rig.StockAsync(seed.Charger)).Should().Be(4);
        (await rig.StockAsync(seed.Headphones)).Should().Be(3);
        rig.Shop.State.Acks.Should().ContainSingle().Which.Document.Should().Be(report.Import.Documents[0]);

        // The shop learns the new stock on the next export.
        (await engine.ExportAsync()).Export!.Stock.Updated.Should().Be(2);
        rig.Shop.State.StockOf(Id(seed.Cable)).Should().Be(8);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_lev_warehouse_books_the_euro_order_at_the_fixed_rate(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, database: new() { BaseCurrency = "BGN" });
        var seed = await WarehouseSeed.CreateAsync(rig);
        await rig.SetPriceAsync(seed.Cable, 24.45m); // 12.50 EUR
        await rig.SetPriceAsync(seed.Charger, 15.63m); // 7.99 EUR
        var engine = rig.Engine();
        (await engine.ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        rig.Shop.State.Products.Single(p => p.ExternalId == Id(seed.Cable)).Price.Should().Be(12.50m);
        var order = PlaceMoneyOrder(rig, seed, PaymentMethods.CashOnDelivery, paid: false);

        var report = await engine.ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        var lines = await rig.OperationsAsync(2);
        lines.Sum(l => l.LineTotal(pricesIncludeVat: true)).Should().Be(59.44m, "30.39 EUR × 1.95583 = 59.4377 BGN");
        var payments = await rig.PaymentsAsync(2);
        payments.Select(p => (p.Mode, p.Type, p.Amount)).Should().BeEquivalentTo(new[] { (-1L, 1L, 59.44m) }, "cash on delivery, unpaid: due only");
        order.Totals.GrandTotal.Should().Be(30.39m);
    }
}
