using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// The behaviour every engine's store must show, run once per engine by the subclasses. Each test works in a new
/// blank database created by <see cref="WarehouseSchema.CreateBlankAsync"/> (object 2 is the central warehouse).
/// </summary>
public abstract class WarehouseStoreContract
{
    private const string Scope = "3267435611954348033";

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 10, 30, 15, TimeSpan.Zero));

    protected abstract WarehouseProvider Provider { get; }

    /// <summary>A new, empty database (no tables) and a connection string to it.</summary>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    /// <summary>A connection string of this provider to a server that does not answer.</summary>
    protected abstract string UnreachableConnectionString { get; }

    protected async Task<TestDatabase> NewDatabaseAsync(BlankDatabaseOptions? options = null)
    {
        var cs = await CreateEmptyDatabaseAsync();
        await WarehouseSchema.CreateBlankAsync(Provider, cs, options);
        return new TestDatabase(Provider, cs, Time);
    }

    private static readonly DateOnly Day = new(2026, 3, 14);

    /// <summary>The sync state the store keeps beside the warehouse (on the same database gateway).</summary>
    private static SyncStateStore State(IWarehouseStore store) => ((WarehouseStore)store).State;

    private static WarehouseDocument Sale(int objectId, int partnerId, params (int GoodId, decimal Qty, decimal Price)[] lines) => new()
    {
        Kind = DocumentKind.Sale,
        ObjectId = objectId,
        PartnerId = partnerId,
        Date = Day,
        Lines = lines.Select(l => new DocumentLine { GoodId = l.GoodId, Quantity = l.Qty, PriceOut = l.Price, VatOut = Math.Round(l.Price / 6, 2) }).ToList(),
        Payments = new DocumentPayments(lines.Sum(l => l.Qty * l.Price), Day, [new DocumentPayment(3, lines.Sum(l => l.Qty * l.Price))]),
    };

    private static async Task<Good> NewGoodAsync(IWarehouseStore store, string code = "SKU-1", decimal cost = 6m, decimal price = 12m) =>
        await store.CreateGoodAsync(new NewGood { Code = code, Name = "Кафе " + code, PriceIn = cost, Prices = GoodPrices.Zero with { PriceOut2 = price } });

    private static async Task<decimal> StockAsync(IWarehouseStore store, int objectId, int goodId) =>
        await store.ReadStockAsync([objectId]).Where(s => s.GoodId == goodId).Select(s => s.Quantity).SumAsync();

    // ------------------------------------------------------------------ reads

    [StoreFact]
    public async Task Goods_for_the_shop_carry_what_a_product_is_made_of()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        await NewGoodAsync(store, "SKU-1", 6m, 12.5m);
        await NewGoodAsync(store, "SKU-2", 1m, 3m);

        var full = await store.ReadGoodsAsync().ToListAsync();
        var lean = await store.ReadGoodsForShopAsync(PriceColumn.PriceOut2).ToListAsync();

        lean.Select(g => (g.Id, g.Code, g.BarCode1, g.Name, g.Measure1, g.Description, g.Prices.PriceOut2, g.GroupId, g.VatRate, g.IsDeleted))
            .Should().Equal(full.Select(g => (g.Id, g.Code, g.BarCode1, g.Name, g.Measure1, g.Description, g.Prices.PriceOut2, g.GroupId, g.VatRate, g.IsDeleted)));
        lean.Select(g => g.Prices.PriceOut2).Should().Equal(12.5m, 3m);
        (await store.ReadGoodsForShopAsync(PriceColumn.PriceOut1).ToListAsync()).Should().OnlyContain(g => g.Prices.PriceOut2 == 0m);
    }

    [StoreFact]
    public async Task Info_reports_version_base_currency_and_settings()
    {
        var db = await NewDatabaseAsync(new BlankDatabaseOptions { BaseCurrency = "BGN", PricesIncludeVat = false, Costing = CostingMethod.Fifo });

        var info = await db.NewStore().GetInfoAsync();

        info.Provider.Should().Be(Provider);
        info.SchemaVersion.Should().Be("3.07");
        info.BaseCurrency.Should().Be("BGN");
        info.Settings.Should().Be(new WarehouseSettings(PricesIncludeVat: false, CostingMethod.Fifo, AllowNegativeStock: true, DocumentNumbersPerObject: false));
        info.Settings.UsesLots.Should().BeTrue();
    }

    [StoreFact]
    public async Task Reads_objects_vat_groups_payment_types_and_no_service_rows()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();

        (await store.ReadObjectsAsync()).Select(o => (o.Id, o.Name)).Should().Equal((1, "Служебен обект"), (2, "Централен Склад"));
        (await store.ReadVatGroupsAsync()).Should().ContainSingle().Which.Rate.Should().Be(20m);
        (await store.ReadPaymentTypesAsync()).Select(p => p.Id).Should().Equal(1, 2, 3, 4);
        (await store.ReadGoodsAsync().ToListAsync()).Should().BeEmpty("the service good (ID 1) is never exported");
        (await store.ReadPartnersAsync().ToListAsync()).Should().BeEmpty();
        (await store.ReadGoodsGroupsAsync().ToListAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task Tolerates_extra_tables_and_columns()
    {
        var db = await NewDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE {fitnesscards} ([ID] INT, [Holder] VARCHAR(50))");
        await db.ExecuteAsync("ALTER TABLE {goods} ADD [AddInFlag] INT");
        var store = db.NewStore();

        var good = await NewGoodAsync(store);

        (await store.ReadGoodsAsync().ToListAsync()).Should().ContainSingle().Which.Id.Should().Be(good.Id);
    }

    // ------------------------------------------------------------------ creates

    [StoreFact]
    public async Task Creates_groups_with_the_next_three_letter_code()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();

        var first = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Храни"));
        var second = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Напитки"));
        var child = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Хляб", first.Id));
        await db.ExecuteAsync("INSERT INTO {goodsgroups} ([Code], [Name]) VALUES ('AAZ', 'Made in the program')");
        var afterZ = await store.CreateGoodsGroupAsync(new NewGoodsGroup("След AAZ"));

        (first.Code, second.Code, child.Code, afterZ.Code).Should().Be(("AAA", "AAB", "AAAAAA", "ABA"));
        child.ParentCode.Should().Be("AAA");
        (await store.ReadGoodsGroupsAsync().Select(g => g.Code).ToListAsync()).Should().Equal("AAA", "AAAAAA", "AAB", "AAZ", "ABA");
    }

    [StoreFact]
    public async Task Creates_a_good_with_a_store_row_in_every_object()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var group = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Кафе"));

        var good = await store.CreateGoodAsync(new NewGood
        {
            Code = "CF-01", Name = "Кафе на зърна 1 кг", Measure1 = "бр.", PriceIn = 18.5m,
            Prices = GoodPrices.Zero with { PriceOut1 = 25m, PriceOut2 = 29.99m, PriceOut10 = 20m }, GroupId = group.Id, VatGroupId = 1,
        });

        good.Should().BeEquivalentTo(new
        {
            Code = "CF-01", BarCode1 = "", Name = "Кафе на зърна 1 кг", Measure1 = "бр.", PriceIn = 18.5m, GroupId = group.Id,
            VatGroupId = 1, VatRate = 20m, IsDeleted = false, Description = "",
        });
        good.Prices.Should().Be(GoodPrices.Zero with { PriceOut1 = 25m, PriceOut2 = 29.99m, PriceOut10 = 20m });
        (await db.ScalarAsync<string>("SELECT [BarCode1] FROM {goods} WHERE [ID] = @Id", new { good.Id })).Should().Be(" ", "empty strings are stored as one space");
        (await db.QueryAsync<int>("SELECT [ObjectID] FROM {store} WHERE [GoodID] = @Id AND [Qtty] = 0 AND [LotID] = 1 ORDER BY [ObjectID]", new { good.Id }))
            .Should().Equal(1, 2);
        (await store.FindGoodAsync(good.Id)).Should().Be(good);
        (await store.FindGoodsByCodeAsync(" cf-01 ")).Should().ContainSingle().Which.Id.Should().Be(good.Id);
        (await store.ReadStockAsync([2]).ToListAsync()).Should().Equal(new StockLevel(2, good.Id, 0m));
    }

    [StoreFact]
    public async Task Creates_a_partner()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();

        var partner = await store.CreatePartnerAsync(new NewPartner
        {
            Company = "Кафе Дизайн ООД", Mol = "Иван Петров", City = "Пловдив", Address = "ул. Главна 1", Email = "office@cafe.bg",
            Bulstat = "203040506", TaxNo = "BG203040506", Type = 2,
        }, new ScopedLink(Scope, SyncEntity.Customer, "cus_1", "h1"));

        partner.Should().BeEquivalentTo(new { Company = "Кафе Дизайн ООД", Mol = "Иван Петров", Phone = "", Bulstat = "203040506", IsCompany = true, PriceGroup = 1 });
        (await store.ReadPartnersAsync().ToListAsync()).Should().Equal(partner);
        (await State(store).ReadLinksAsync(Scope, SyncEntity.Customer).ToListAsync()).Should().Equal(new SyncLink(SyncEntity.Customer, partner.Id, "cus_1", "h1"));
    }

    // ------------------------------------------------------------------ documents

    [StoreFact]
    public async Task A_sale_writes_lines_stock_and_payments_as_the_program_does()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store, cost: 6m);
        var partner = await store.CreatePartnerAsync(new NewPartner { Company = "Клиент" });
        await SampleWarehouse.SetStockAsync(db.Options, 2, 10);

        var written = await store.WriteDocumentAsync(new WarehouseDocument
        {
            Kind = DocumentKind.Sale, ObjectId = 2, PartnerId = partner.Id, OperatorId = 1, Date = Day,
            Lines = [new DocumentLine { GoodId = good.Id, Quantity = 3, PriceOut = 12m, VatOut = 2m, DiscountPercent = 0 }],
            Payments = new DocumentPayments(36m, Day, [new DocumentPayment(3, 30m), new DocumentPayment(4, 6m)]),
        });

        written.Should().Be(new WrittenDocument(DocumentKind.Sale, 2, 1, "S0000000001", 2, 1));
        (await StockAsync(store, 2, good.Id)).Should().Be(7m);
        var line = (await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 AND [Acct] = 1")).Should().ContainSingle().Subject;
        line.Should().BeEquivalentTo(new
        {
            GoodID = good.Id, PartnerID = partner.Id, ObjectID = 2, OperatorID = 1, UserID = 1, Qtty = 3.0, Sign = -1, PriceIn = 6.0,
            PriceOut = 12.0, VATOut = 2.0, CurrencyID = 1, CurrencyRate = 1.0, Date = new DateTime(2026, 3, 14), Lot = " ", LotID = 1, Note = " ",
            UserRealTime = new DateTime(2026, 3, 14, 10, 30, 15),
        });
        var payments = await db.QueryAsync<PaymentRow>("SELECT * FROM {payments} WHERE [Acct] = 1 ORDER BY [ID]");
        payments.Select(p => (p.Mode, p.Qtty, p.Type, p.Sign, p.OperType, p.ObjectID, p.PartnerID, p.TransactionNumber, p.EndDate)).Should().Equal(
            (-1, 36.0, 1, 1, 2, 2, partner.Id, " ", new DateTime(2026, 3, 14)),
            (1, 30.0, 3, 1, 2, 2, partner.Id, " ", new DateTime(2026, 3, 14)),
            (1, 6.0, 4, 1, 2, 2, partner.Id, " ", new DateTime(2026, 3, 14)));
        payments.Sum(p => -p.Qtty * p.Mode * p.Sign).Should().Be(0, "the partner owes nothing once paid in full");
        (await db.QueryAsync<string>("SELECT [NextAcct] FROM {nextacct}")).Should().Equal("S1");
    }

    [StoreFact]
    public async Task A_written_document_reads_back_its_lines_and_total()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var coffee = await NewGoodAsync(store, "SKU-1");
        var tea = await NewGoodAsync(store, "SKU-2", price: 4.2m);

        var written = await store.WriteDocumentAsync(Sale(2, 1, (coffee.Id, 2, 12m), (tea.Id, 1, 4.2m)));
        var lines = await store.ReadDocumentLinesAsync(written.OperType, written.Acct, written.ObjectId);

        lines.Select(l => (l.GoodId, l.Quantity, l.PriceOut)).Should().Equal((coffee.Id, 2m, 12m), (tea.Id, 1m, 4.2m));
        lines.Sum(l => l.Total(pricesIncludeVat: true)).Should().Be(28.2m);
        (await store.ReadDocumentLinesAsync(written.OperType, written.Acct + 1, written.ObjectId)).Should().BeEmpty();
    }

    [StoreFact]
    public async Task Sale_numbers_follow_the_existing_sales_and_skip_reserved_numbers()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await db.ExecuteAsync("INSERT INTO {operations} ([OperType], [Acct], [GoodID], [ObjectID], [Qtty], [Sign]) VALUES (16, 41, 1, 2, 0, -1)");
        await db.ExecuteAsync("INSERT INTO {operations} ([OperType], [Acct], [GoodID], [ObjectID], [Qtty], [Sign]) VALUES (1, 900, 1, 2, 0, 1)");
        await db.ExecuteAsync("INSERT INTO {nextacct} ([NextAcct]) VALUES ('S42')");

        var written = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)));

        written.Acct.Should().Be(43, "MAX over sales (2, 16) is 41, and S42 is already reserved by a cashier");
        written.Number.Should().Be("S0000000043");
    }

    [StoreFact]
    public async Task A_sale_after_taken_numbers_still_reads_and_moves_its_stock()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 5);
        // Where the engine batches statements, the stock read travels with each INSERT INTO nextacct: it must survive
        // the attempts that find the number taken.
        await db.ExecuteAsync("INSERT INTO {nextacct} ([NextAcct]) VALUES ('S1')");
        await db.ExecuteAsync("INSERT INTO {nextacct} ([NextAcct]) VALUES ('S2')");

        var written = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 2, 12m), (good.Id, 1, 12m)));

        written.Acct.Should().Be(3);
        (await StockAsync(store, 2, good.Id)).Should().Be(2m);
        (await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 AND [Acct] = 3 ORDER BY [ID]"))
            .Select(o => o.Qtty).Should().Equal(2.0, 1.0);
    }

    [StoreFact]
    public async Task A_document_with_more_lines_than_one_statement_carries_writes_every_line_in_order()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        var other = await NewGoodAsync(store, "SKU-2");
        await SampleWarehouse.SetStockAsync(db.Options, 2, 10_000);
        var lines = Enumerable.Range(1, 130).Select(i => new DocumentLine
        {
            GoodId = i % 2 == 0 ? good.Id : other.Id, Quantity = i, PriceOut = 12m, VatOut = 2m, Note = $"line {i}",
        }).ToList();

        var written = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)) with { Lines = lines });

        written.LineCount.Should().Be(130);
        var rows = await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 AND [Acct] = 1 ORDER BY [ID]");
        rows.Select(r => (r.GoodID, r.Qtty, r.Note)).Should().Equal(lines.Select(l => (l.GoodId, (double)l.Quantity, l.Note)));
        rows.Should().OnlyContain(r => r.PriceOut == 12.0 && r.VATOut == 2.0 && r.PartnerID == 1 && r.ObjectID == 2 && r.Sign == -1);
        (await StockAsync(store, 2, good.Id)).Should().Be(10_000m - Enumerable.Range(1, 130).Where(i => i % 2 == 0).Sum());
        (await StockAsync(store, 2, other.Id)).Should().Be(10_000m - Enumerable.Range(1, 130).Where(i => i % 2 == 1).Sum());
    }

    [StoreFact]
    public async Task A_document_with_more_goods_than_an_id_list_takes_as_parameters_writes_every_line()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var goods = new List<Good>();
        for (var i = 0; i <= WarehouseDialect.MaxIdParameters; i++)
        {
            goods.Add(await NewGoodAsync(store, "SKU-" + i));
        }

        await SampleWarehouse.SetStockAsync(db.Options, 2, 5);

        var written = await store.WriteDocumentAsync(Sale(2, 1, [.. goods.Select(g => (g.Id, 1m, 12m))]));

        written.LineCount.Should().Be(goods.Count);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM {store} WHERE [ObjectID] = 2 AND [Qtty] = 4")).Should().Be(goods.Count);
    }

    [StoreFact]
    public async Task A_sales_order_changes_no_stock_and_can_be_annulled()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 5);

        var order = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 2, 12m)) with { Kind = DocumentKind.SalesOrder }, new OrderImportRecord(Scope, "ord_1", 1, "new"));

        order.Should().BeEquivalentTo(new { OperType = 19, Acct = 1L, Number = "OR0000000001" });
        (await StockAsync(store, 2, good.Id)).Should().Be(5m);
        (await db.ScalarAsync<long>("SELECT [Sign] FROM {operations} WHERE [OperType] = 19")).Should().Be(0);

        // A cancelled order's sales order is annulled by the correction (no return: it moved no stock).
        var correction = await store.CorrectDocumentAsync(new DocumentCorrectionRequest
        {
            Order = new OrderImportRecord(Scope, "ord_1", 2, "cancelled"),
            Booked = new BookedDocument(order.OperType, order.Acct, order.ObjectId, order.Number),
            ReturnDate = Day,
        });
        correction.Return.Should().BeNull();
        correction.Replacement.Should().BeNull();
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM {operations} WHERE [OperType] = 19")).Should().Be(0);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM {payments} WHERE [OperType] = 19")).Should().Be(0);
        (await StockAsync(store, 2, good.Id)).Should().Be(5m);
        (await State(store).ReadImportedOrderAsync(Scope, "ord_1")).First().Should().BeEquivalentTo(new { Revision = 2, OperType = 19, Acct = 1L, Status = "cancelled" });
    }

    [StoreFact]
    public async Task A_customer_return_brings_stock_back()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 5);
        var sale = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 3, 12m)));

        var back = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 2, 12m)) with { Kind = DocumentKind.CustomerReturn, SourceAcct = sale.Acct });

        back.Should().BeEquivalentTo(new { OperType = 34, Acct = 1L, Number = "CR0000000001" });
        (await StockAsync(store, 2, good.Id)).Should().Be(4m);
        (await db.ScalarAsync<long>("SELECT [Sign] FROM {operations} WHERE [OperType] = 34")).Should().Be(1);
        (await db.ScalarAsync<long>("SELECT [Sign] FROM {payments} WHERE [OperType] = 34 AND [Mode] = -1")).Should().Be(-1, "the money goes back to the customer");
    }

    [StoreFact]
    public async Task Fifo_takes_the_quantity_from_the_lots_in_order()
    {
        var db = await NewDatabaseAsync(new BlankDatabaseOptions { Costing = CostingMethod.Fifo });
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await db.ExecuteAsync("DELETE FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });
        await AddLotAsync(db, good.Id, "L-NEW", lotId: 3, order: 20, qty: 5, price: 7);
        await AddLotAsync(db, good.Id, "L-OLD", lotId: 2, order: 10, qty: 5, price: 5);

        var written = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 7, 12m)));

        written.LineCount.Should().Be(2, "one operation row per lot taken");
        (await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 ORDER BY [ID]"))
            .Select(o => (o.Lot, o.LotID, o.Qtty, o.PriceIn)).Should().Equal(("L-OLD", 2, 5.0, 5.0), ("L-NEW", 3, 2.0, 7.0));
        (await db.QueryAsync<double>("SELECT [Qtty] FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2 ORDER BY [LotOrder]", new { good.Id }))
            .Should().Equal(0.0, 3.0);
    }

    [StoreFact]
    public async Task Lifo_takes_the_newest_lot_first()
    {
        var db = await NewDatabaseAsync(new BlankDatabaseOptions { Costing = CostingMethod.Lifo });
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await db.ExecuteAsync("DELETE FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });
        await AddLotAsync(db, good.Id, "L-OLD", lotId: 2, order: 10, qty: 5, price: 5);
        await AddLotAsync(db, good.Id, "L-NEW", lotId: 3, order: 20, qty: 5, price: 7);

        await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 6, 12m)));

        (await db.QueryAsync<double>("SELECT [Qtty] FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2 ORDER BY [LotOrder]", new { good.Id }))
            .Should().Equal(4.0, 0.0);
    }

    [StoreFact]
    public async Task Lots_refuse_a_sale_beyond_their_stock_when_negative_stock_is_forbidden()
    {
        var db = await NewDatabaseAsync(new BlankDatabaseOptions { Costing = CostingMethod.Fifo });
        await db.ExecuteAsync("UPDATE {configuration} SET [Value] = '0' WHERE [Key] = 'configkey12'");
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        var other = await NewGoodAsync(store, "SKU-2");
        await db.ExecuteAsync("DELETE FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });
        await AddLotAsync(db, good.Id, "L-1", lotId: 2, order: 10, qty: 2, price: 5);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 50);
        await db.ExecuteAsync("UPDATE {store} SET [Qtty] = 2 WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });
        var before = await db.FingerprintAsync();

        var act = () => store.WriteDocumentAsync(Sale(2, 1, (other.Id, 1, 12m), (good.Id, 3, 12m)));

        (await act.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("Not enough stock").And.Contain("negative stock");
        (await db.FingerprintAsync()).Should().Be(before, "nothing is half-written: not the first line, not the number");
    }

    [StoreFact]
    public async Task A_good_on_two_lines_takes_its_lots_as_two_documents_would()
    {
        var db = await NewDatabaseAsync(new BlankDatabaseOptions { Costing = CostingMethod.Fifo });
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await db.ExecuteAsync("DELETE FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });
        await AddLotAsync(db, good.Id, "L-OLD", lotId: 2, order: 10, qty: 5, price: 5);
        await AddLotAsync(db, good.Id, "L-NEW", lotId: 3, order: 20, qty: 5, price: 7);

        // The second line sees what the first took: 4 from L-OLD, then 1 from L-OLD and 3 from L-NEW, then 4 beyond the
        // lots (negative stock is allowed) from the last lot.
        var written = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 4, 12m), (good.Id, 4, 12m), (good.Id, 6, 12m)));

        written.LineCount.Should().Be(5);
        (await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 ORDER BY [ID]"))
            .Select(o => (o.Lot, o.Qtty, o.PriceIn)).Should().Equal(("L-OLD", 4.0, 5.0), ("L-OLD", 1.0, 5.0), ("L-NEW", 3.0, 7.0), ("L-NEW", 2.0, 7.0), ("L-NEW", 4.0, 7.0));
        (await db.QueryAsync<double>("SELECT [Qtty] FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2 ORDER BY [LotOrder]", new { good.Id }))
            .Should().Equal(0.0, -4.0);
    }

    [StoreFact]
    public async Task A_good_without_a_stock_row_on_two_lines_gets_one_row()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        var other = await NewGoodAsync(store, "SKU-2");
        await db.ExecuteAsync("DELETE FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });

        await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 2, 12m), (other.Id, 1, 12m), (good.Id, 3, 12m)));
        await store.WriteDocumentAsync(new WarehouseDocument
        {
            Kind = DocumentKind.CustomerReturn, ObjectId = 2, PartnerId = 1, Date = Day,
            Lines = [new DocumentLine { GoodId = good.Id, Quantity = 1, PriceOut = 12m, VatOut = 2m }, new DocumentLine { GoodId = good.Id, Quantity = 0.5m, PriceOut = 12m, VatOut = 2m }],
        });

        (await db.QueryAsync<double>("SELECT [Qtty] FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id })).Should().Equal(-3.5);
        (await StockAsync(store, 2, other.Id)).Should().Be(-1);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM {operations}")).Should().Be(5);
    }

    private static Task AddLotAsync(TestDatabase db, int goodId, string lot, int lotId, int order, double qty, double price) =>
        db.ExecuteAsync(
            "INSERT INTO {store} ([ObjectID], [GoodID], [Qtty], [Price], [Lot], [LotID], [LotOrder]) VALUES (2, @goodId, @qty, @price, @lot, @lotId, @order)",
            new { goodId, qty, price, lot, lotId, order });

    [StoreFact]
    public async Task Concurrent_writers_get_distinct_numbers_and_exact_stock()
    {
        var db = await NewDatabaseAsync();
        var setup = db.NewStore();
        var good = await NewGoodAsync(setup);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 100);
        const int perWriter = 8;

        async Task<List<long>> WriterAsync()
        {
            var store = db.NewStore(); // a separate store: another cashier, another engine
            var numbers = new List<long>();
            for (var i = 0; i < perWriter; i++)
            {
                numbers.Add((await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)))).Acct);
            }

            return numbers;
        }

        var results = await Task.WhenAll(Task.Run(WriterAsync), Task.Run(WriterAsync));

        var all = results.SelectMany(r => r).ToList();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(2 * perWriter);
        all.Order().Should().Equal(Enumerable.Range(1, 2 * perWriter).Select(i => (long)i));
        (await StockAsync(setup, 2, good.Id)).Should().Be(100m - 2 * perWriter);
        (await db.ScalarAsync<long>("SELECT COUNT(DISTINCT [Acct]) FROM {operations} WHERE [OperType] = 2")).Should().Be(2 * perWriter);
    }

    // ------------------------------------------------------------------ sync state

    [StoreFact]
    public async Task An_order_revision_is_recorded_exactly_once()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        var record = new OrderImportRecord(Scope, "ord_9", 1, "new");

        var first = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)), record);
        var before = await db.FingerprintAsync();
        var again = () => db.NewStore().WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)), record);

        (await again.Should().ThrowAsync<OrderAlreadyImportedException>()).Which.Should().BeEquivalentTo(new { OrderId = "ord_9", Revision = 1 });
        (await db.FingerprintAsync()).Should().Be(before);
        var recorded = (await State(store).ReadImportedOrderAsync(Scope, "ord_9")).Should().ContainSingle().Subject;
        recorded.Should().BeEquivalentTo(new
        {
            OrderId = "ord_9", Revision = 1, Status = "new", DocumentNumber = first.Number, OperType = 2, Acct = first.Acct, ObjectId = 2,
            Acknowledged = false, RecordedAt = Time.GetUtcNow(),
        });
        (await State(store).ReadUnacknowledgedOrdersAsync(Scope)).Should().ContainSingle();
        await State(store).MarkOrdersAcknowledgedAsync(Scope, [new OrderRevision("ord_9", 1)]);
        (await State(store).ReadUnacknowledgedOrdersAsync(Scope)).Should().BeEmpty();
        (await State(store).ReadImportedOrderAsync(Scope, "ord_9")).Single().Acknowledged.Should().BeTrue();
    }

    [StoreFact]
    public async Task Acknowledged_revisions_are_marked_and_read_in_batches()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        foreach (var id in new[] { "ord_a", "ord_b", "ord_c" })
        {
            await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)), new OrderImportRecord(Scope, id, 1, "new"));
        }

        await State(store).MarkOrdersAcknowledgedAsync(Scope, [new OrderRevision("ord_a", 1), new OrderRevision("ord_c", 1), new OrderRevision("ord_c", 2)]);

        (await State(store).ReadUnacknowledgedOrdersAsync(Scope)).Select(o => o.OrderId).Should().Equal("ord_b");
        (await State(store).ReadImportedOrdersAsync(Scope, ["ord_c", "ord_a", "ord_x"])).Select(o => (o.OrderId, o.Revision, o.Acknowledged))
            .Should().BeEquivalentTo([("ord_a", 1, true), ("ord_c", 1, true)]);
        (await State(store).ReadImportedOrdersAsync("another shop", ["ord_a"])).Should().BeEmpty();
    }

    [StoreFact]
    public async Task Acknowledging_more_revisions_than_one_statement_names_marks_each_once()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        foreach (var id in new[] { "ord_a", "ord_b" })
        {
            await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)), new OrderImportRecord(Scope, id, 1, "new"));
        }

        var revisions = Enumerable.Range(0, 230).Select(i => new OrderRevision("ord_x" + i, 1))
            .Append(new OrderRevision("ord_b", 1)).Append(new OrderRevision("ord_b", 1)).ToList();
        await State(store).MarkOrdersAcknowledgedAsync(Scope, revisions);

        (await State(store).ReadUnacknowledgedOrdersAsync(Scope)).Select(o => o.OrderId).Should().Equal("ord_a");
    }

    [StoreFact]
    public async Task Two_engines_racing_for_one_order_revision_write_one_document()
    {
        var db = await NewDatabaseAsync();
        var good = await NewGoodAsync(db.NewStore());
        await db.NewState().EnsureTablesAsync();
        var record = new OrderImportRecord(Scope, "ord_race", 3, "new");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await db.NewStore().WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)), record);
                return "written";
            }
            catch (OrderAlreadyImportedException)
            {
                return "refused";
            }
        })));

        attempts.Order().Should().Equal("refused", "written");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM {operations} WHERE [OperType] = 2")).Should().Be(1);
    }

    [StoreFact]
    public async Task Links_are_upserted_and_hashes_cleared()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        await State(store).EnsureTablesAsync();
        await State(store).EnsureTablesAsync(); // idempotent

        (await State(store).HasLinksAsync(Scope, SyncEntity.Product)).Should().BeFalse();
        await State(store).SaveLinksAsync(Scope, [new SyncLink(SyncEntity.Product, 5, "p5", "a"), new SyncLink(SyncEntity.Product, 6, null, null)]);
        await State(store).SaveLinksAsync(Scope, [new SyncLink(SyncEntity.Product, 6, "p6", "b"), new SyncLink(SyncEntity.Category, 5, "c5", "c")]);
        await State(store).SaveLinksAsync("other-shop", [new SyncLink(SyncEntity.Product, 5, "x", "x"), new SyncLink(SyncEntity.Customer, 5, "x", "x")]);

        (await State(store).HasLinksAsync(Scope, SyncEntity.Product)).Should().BeTrue();
        (await State(store).HasLinksAsync(Scope, SyncEntity.Customer)).Should().BeFalse();
        (await State(store).HasLinksAsync("other-shop", SyncEntity.Customer)).Should().BeTrue();

        (await State(store).ReadLinksAsync(Scope, SyncEntity.Product).ToListAsync()).Should().Equal(
            new SyncLink(SyncEntity.Product, 5, "p5", "a"), new SyncLink(SyncEntity.Product, 6, "p6", "b"));
        (await State(store).ReadLinksAsync(Scope, SyncEntity.Category).ToListAsync()).Single().ContentHash.Should().Be("c");
    }

    [StoreFact]
    public async Task Links_are_saved_in_batches_larger_than_one_statement()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        await State(store).SaveLinksAsync(Scope, Enumerable.Range(1, 700).Select(i => new SyncLink(SyncEntity.Product, i, $"p{i}", "old")).ToList());

        // 1,201 rows over three statements: updates and inserts mixed, a repeated local ID (the last wins), nulls, two entities.
        var batch = Enumerable.Range(300, 1100).Select(i => new SyncLink(SyncEntity.Product, i, $"p{i}", i % 2 == 0 ? null : $"h{i}"))
            .Append(new SyncLink(SyncEntity.Product, 300, "p300-again", "last"))
            .Concat(Enumerable.Range(1, 100).Select(i => new SyncLink(SyncEntity.Stock, i, $"s{i}", "q")))
            .ToList();
        await State(store).SaveLinksAsync(Scope, batch);

        var products = await State(store).ReadLinksAsync(Scope, SyncEntity.Product).ToListAsync();
        products.Should().HaveCount(1399);
        products.Take(299).Should().OnlyContain(l => l.ContentHash == "old");
        products.Single(l => l.LocalId == 300).Should().Be(new SyncLink(SyncEntity.Product, 300, "p300-again", "last"));
        products.Single(l => l.LocalId == 301).Should().Be(new SyncLink(SyncEntity.Product, 301, "p301", "h301"));
        products.Single(l => l.LocalId == 700).Should().Be(new SyncLink(SyncEntity.Product, 700, "p700", null));
        products.Single(l => l.LocalId == 1399).Should().Be(new SyncLink(SyncEntity.Product, 1399, "p1399", "h1399"));
        (await State(store).ReadLinksAsync(Scope, SyncEntity.Stock).ToListAsync()).Should().HaveCount(100).And.OnlyContain(l => l.ContentHash == "q");
    }

    [StoreFact]
    public async Task Quarantine_counts_attempts_and_releases()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();

        await State(store).QuarantineAsync(Scope, SyncEntity.Order, "ord_1", "Unknown product p9");
        Time.Advance(TimeSpan.FromMinutes(5));
        await State(store).QuarantineAsync(Scope, SyncEntity.Order, "ord_1", "Unknown product p9 (still)");
        await State(store).QuarantineAsync(Scope, SyncEntity.Product, "p2", "Name too long");

        var entries = await State(store).ReadQuarantineAsync(Scope);
        entries.Should().HaveCount(2);
        entries[0].Should().BeEquivalentTo(new
        {
            Entity = SyncEntity.Order, Id = "ord_1", Reason = "Unknown product p9 (still)", Attempts = 2,
            FirstSeen = new DateTimeOffset(2026, 3, 14, 10, 30, 15, TimeSpan.Zero), LastSeen = new DateTimeOffset(2026, 3, 14, 10, 35, 15, TimeSpan.Zero),
        });
        await State(store).ReleaseQuarantineAsync(Scope, SyncEntity.Order, "ord_1");
        (await State(store).ReadQuarantineAsync(Scope)).Should().ContainSingle().Which.Id.Should().Be("p2");
    }

    [StoreFact]
    public async Task Two_engines_quarantining_the_same_new_item_at_once_both_count()
    {
        var db = await NewDatabaseAsync();
        await db.NewState().EnsureTablesAsync();
        var ids = Enumerable.Range(1, 10).Select(i => $"ord_{i}").ToList();

        // Both engines see each item for the first time: one inserts, the other's insert meets the key and updates.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var store = db.NewStore();
            foreach (var id in ids)
            {
                await State(store).QuarantineAsync(Scope, SyncEntity.Order, id, "Unknown product p9");
            }
        })));

        var entries = await db.NewState().ReadQuarantineAsync(Scope);
        entries.Select(e => e.Id).Should().BeEquivalentTo(ids);
        entries.Should().OnlyContain(e => e.Attempts == 2);
    }

    [StoreFact]
    public async Task Marks_are_remembered_per_scope_and_name()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();

        (await State(store).ReadMarkAsync(Scope, "import.products")).Should().BeNull();
        await State(store).SaveMarkAsync(Scope, "import.products", "2026-03-14T10:20:15.0000000+00:00");
        await State(store).SaveMarkAsync(Scope, "import.customers", "c1");
        await State(store).SaveMarkAsync(Scope, "import.products", "2026-03-14T11:20:15.0000000+00:00");

        (await State(store).ReadMarkAsync(Scope, "import.products")).Should().Be("2026-03-14T11:20:15.0000000+00:00");
        (await State(store).ReadMarkAsync(Scope, "import.customers")).Should().Be("c1");
        (await State(store).ReadMarkAsync("another shop", "import.products")).Should().BeNull();
        await State(store).SaveMarkAsync(Scope, "import.customers", null);
        (await State(store).ReadMarkAsync(Scope, "import.customers")).Should().BeNull();
    }

    // ------------------------------------------------------------------ bad input

    [StoreFact]
    public async Task An_unreachable_server_is_a_connection_error()
    {
        var store = new WarehouseStoreFactory(Time).Create(new WarehouseConnectionOptions { Provider = Provider, ConnectionString = UnreachableConnectionString });

        var act = () => store.GetInfoAsync();

        (await act.Should().ThrowAsync<WarehouseConnectionException>()).Which.Message.Should().Contain("Cannot connect");
    }

    [StoreFact]
    public async Task A_database_without_the_warehouse_tables_is_refused()
    {
        var cs = await CreateEmptyDatabaseAsync();
        var db = new TestDatabase(Provider, cs, Time);
        await db.ExecuteAsync("CREATE TABLE {goods} ([ID] INT)");

        var act = () => db.NewStore().GetInfoAsync();

        (await act.Should().ThrowAsync<WarehouseSchemaException>()).Which.Message.Should().Contain("not a Warehouse Pro database").And.Contain("operations");
    }

    [StoreFact]
    public async Task An_unsupported_version_is_refused()
    {
        var db = await NewDatabaseAsync();
        await db.ExecuteAsync("UPDATE {system} SET [Version] = '2.50'");

        var act = () => db.NewStore().ReadGoodsAsync().ToListAsync().AsTask();

        (await act.Should().ThrowAsync<WarehouseSchemaException>()).Which.Message.Should().Contain("2.50").And.Contain("3.07");
        await db.ExecuteAsync("UPDATE {system} SET [Version] = '3.10'");
        (await db.NewStore().GetInfoAsync()).SchemaVersion.Should().Be("3.10");
    }

    [StoreFact]
    public async Task An_unknown_good_writes_nothing()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 10);
        var before = await db.FingerprintAsync();

        var act = () => store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m), (99999, 1, 5m)), new OrderImportRecord(Scope, "ord_x", 1, "new"));

        (await act.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("99999").And.Contain("does not exist");
        (await db.FingerprintAsync()).Should().Be(before);
        (await State(store).ReadImportedOrderAsync(Scope, "ord_x")).Should().BeEmpty();
    }

    [StoreFact]
    public async Task A_missing_or_deleted_object_or_a_missing_partner_writes_nothing()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        await SampleWarehouse.SetStockAsync(db.Options, 2, 10);
        var before = await db.FingerprintAsync();

        var noObject = () => store.WriteDocumentAsync(Sale(77, 1, (good.Id, 1, 12m)), new OrderImportRecord(Scope, "ord_x", 1, "new"));
        var noPartner = () => store.WriteDocumentAsync(Sale(2, 9999, (good.Id, 1, 12m)), new OrderImportRecord(Scope, "ord_x", 1, "new"));

        (await noObject.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("object (warehouse location) 77 does not exist");
        (await noPartner.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("partner 9999 does not exist");
        (await db.FingerprintAsync()).Should().Be(before);

        await db.ExecuteAsync("UPDATE {objects} SET [Deleted] = -1 WHERE [ID] = 2");
        var deleted = () => store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)));
        (await deleted.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("object (warehouse location) 2 is deleted");
        (await State(store).ReadImportedOrderAsync(Scope, "ord_x")).Should().BeEmpty();
    }

    [StoreFact]
    public async Task Descriptive_text_is_fitted_to_its_column_and_an_identity_that_does_not_fit_writes_nothing()
    {
        var db = await NewDatabaseAsync();
        var store = db.NewStore();
        var good = await NewGoodAsync(store);
        var limited = Provider != WarehouseProvider.Sqlite; // SQLite limits no text

        var named = await store.CreateGoodAsync(new NewGood { Code = "LONG-1", Name = new string('я', 300) + " 🎁", Description = "Опаковка 🎀" });
        var written = await store.WriteDocumentAsync(Sale(2, 1, (good.Id, 1, 12m)) with
        {
            Lines = [new DocumentLine { GoodId = good.Id, Quantity = 1, PriceOut = 1, VatOut = 0, Note = new string('x', 300) }],
        });

        named.Name.Should().HaveLength(limited ? 255 : 303);
        named.Description.Should().Be("Опаковка 🎀", "these tables hold 4-byte characters");
        (await db.ScalarAsync<string>("SELECT [Note] FROM {operations} WHERE [Acct] = @Acct", new { written.Acct })).Should().HaveLength(limited ? 255 : 300);
        written.TextChanges.Should().HaveCount(limited ? 1 : 0);

        var before = await db.FingerprintAsync();
        var longCode = () => store.CreateGoodAsync(new NewGood { Code = new string('X', 300), Name = "Дълъг код" });
        var longEik = () => store.CreatePartnerAsync(new NewPartner { Company = "Фирма", Bulstat = new string('1', 300) });
        if (limited)
        {
            (await longCode.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("good code").And.Contain("300").And.Contain("255");
            (await longEik.Should().ThrowAsync<WarehouseDataException>()).Which.Message.Should().Contain("EIK").And.Contain("300");
            (await db.FingerprintAsync()).Should().Be(before);
        }
        else
        {
            (await longCode()).Code.Should().HaveLength(300);
            (await longEik()).Bulstat.Should().HaveLength(300);
        }
    }
}
