using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

public class ShopMasterTests
{
    /// <summary>The seed's screenshot: import at server start, export off, nomenclature sync on, object "Централен Склад".</summary>
    private static void ScreenshotSettings(ServerOptions s)
    {
        s.Import.Start = StartMode.OnServerStart;
        s.Import.Object = SyncRig.ObjectName;
        s.Import.SyncNomenclature = true;
        s.Export.Start = StartMode.Disabled;
        s.Export.Goods = false;
        s.Export.Partners = false;
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Shop_made_products_and_customers_arrive_as_goods_and_partners_then_their_order_imports(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, ScreenshotSettings);
        var state = rig.Shop.State;
        var mugs = state.CreateCategory("Чаши");
        var mug = state.CreateProduct(new SandboxProductDraft { Sku = "MUG-1", Name = "Чаша 300 мл", Price = 9.60m, Barcode = "3800000000017", CategoryId = mugs.Id });
        var tea = state.CreateProduct(new SandboxProductDraft { Sku = "TEA-1", Name = "Чай", Price = 4.20m, VatRate = 20 });
        var buyer = state.CreateCustomer(new SandboxCustomerDraft { Type = "company", Name = "Кафе ЕООД", Eik = "131313131", VatNumber = "BG131313131", Email = "cafe@example.bg", ContactPerson = "Петя" });
        var engine = rig.Engine();

        var first = await engine.ImportAsync();

        first.Outcome.Should().Be(RunOutcome.Succeeded, first.Error);
        first.Import!.GoodsCreated.Should().Be(2);
        first.Import.PartnersCreated.Should().Be(1);
        first.Import.GroupsCreated.Should().Be(1);
        var goods = await rig.QueryAsync<GoodRow>(
            "SELECT ID, Code, BarCode1, Name, PriceOut2, GroupID FROM goods WHERE ID > 1 ORDER BY ID");
        goods.Select(g => (g.Code.Trim(), g.Name, Math.Round((decimal)g.PriceOut2, 2))).Should().BeEquivalentTo(new[]
        {
            ("MUG-1", "Чаша 300 мл", 9.60m), ("TEA-1", "Чай", 4.20m),
        });
        goods[0].BarCode1.Should().Be("3800000000017");
        (await rig.ScalarAsync<string>("SELECT Name FROM goodsgroups WHERE ID = @id", new { id = Math.Abs(goods[0].GroupID) })).Should().Be("Чаши");
        var partner = (await rig.QueryAsync<PartnerRow>(
            "SELECT ID, Company, Bulstat, TaxNo, eMail, MOL FROM partners WHERE ID > 1")).Single();
        (partner.Company, partner.Bulstat, partner.TaxNo, partner.eMail, partner.MOL).Should().Be(("Кафе ЕООД", "131313131", "BG131313131", "cafe@example.bg", "Петя"));

        // Linked back: the shop now knows which warehouse record each one is.
        state.Products.Single(p => p.Id == mug.Id).ExternalId.Should().Be(goods[0].ID.ToString());
        state.Products.Single(p => p.Id == tea.Id).ExternalId.Should().Be(goods[1].ID.ToString());
        state.Customers.Single(c => c.Id == buyer.Id).ExternalId.Should().Be(partner.ID.ToString());
        state.Categories.Single(c => c.Id == mugs.Id).ExternalId.Should().NotBeNull();

        var order = state.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = buyer.Id,
            Lines = [new SandboxOrderLineDraft(mug.Id, 3, null), new SandboxOrderLineDraft(tea.Id, 1, new LineDiscount(LineDiscount.Amount, 0.20m))],
            PaymentMethod = PaymentMethods.BankTransfer,
            Paid = false,
        });

        var second = await engine.ImportAsync();

        second.Outcome.Should().Be(RunOutcome.Succeeded, second.Error);
        second.Import!.GoodsCreated.Should().Be(0);
        second.Import.PartnersCreated.Should().Be(0);
        second.Import.OrdersImported.Should().Be(1);
        var lines = await rig.OperationsAsync(2);
        lines.Select(l => (l.GoodID, l.Quantity, l.Price, l.PartnerID)).Should().Equal(
            (goods[0].ID, 3m, 9.60m, partner.ID), (goods[1].ID, 1m, 4.00m, partner.ID));
        lines[1].DiscountPercent.Should().Be(4.76m);
        lines.Sum(l => l.LineTotal(true)).Should().Be(order.Totals.GrandTotal).And.Be(32.80m);
        (await rig.PaymentsAsync(2)).Select(p => (p.Mode, p.Type, p.Amount)).Should().Equal((-1L, 2L, 32.80m));
        (await rig.StockAsync((int)goods[0].ID)).Should().Be(-3, "the shop sold what the warehouse had not booked yet");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_shop_product_held_back_comes_in_once_its_cause_is_fixed_and_leaves_the_quarantine(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, ScreenshotSettings);
        var state = rig.Shop.State;
        var odd = state.CreateProduct(new SandboxProductDraft { Sku = "ODD-7", Name = "Книга", Price = 7m, VatRate = 7 });
        state.CreateProduct(new SandboxProductDraft { Sku = "TEA-1", Name = "Чай", Price = 4.20m, VatRate = 20 });

        var first = await rig.Engine().ImportAsync();

        first.Import!.GoodsCreated.Should().Be(1, "the tea comes in; the book's 7 % has no VAT group yet");
        (await rig.State.ReadQuarantineAsync(rig.Server.Shop.ApiId)).Should().ContainSingle(q => q.Id == odd.Id);

        await rig.ExecuteAsync("INSERT INTO vatgroups (Code, Name, VATValue) VALUES ('7', 'ДДС 7 %', 7)");
        var second = await rig.Engine().ImportAsync();

        second.Outcome.Should().Be(RunOutcome.Succeeded, second.Error);
        second.Import!.GoodsCreated.Should().Be(1);
        (await rig.State.ReadQuarantineAsync(rig.Server.Shop.ApiId)).Should().BeEmpty("the book came in, so its quarantine row is released");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_guest_order_creates_its_partner_once(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, ScreenshotSettings);
        var state = rig.Shop.State;
        var tea = state.CreateProduct(new SandboxProductDraft { Sku = "TEA-1", Name = "Чай", Price = 4.20m });
        await rig.Engine().ImportAsync();
        var guest = new SandboxCustomerDraft { Name = "Гост Гостев", Email = "guest@example.bg" };
        state.PlaceOrder(new SandboxOrderDraft { Customer = guest, Lines = [new SandboxOrderLineDraft(tea.Id, 1, null)] });
        state.PlaceOrder(new SandboxOrderDraft { Customer = guest, Lines = [new SandboxOrderLineDraft(tea.Id, 2, null)] });

        var report = await rig.Engine().ImportAsync();

        report.Import!.OrdersImported.Should().Be(2);
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM partners WHERE eMail = 'guest@example.bg'")).Should().Be(1);
    }
}
