using Dapper;
using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.IntegrationTests.Warehouse;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Testing;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// Real shop text against the Warehouse Open sample store on MariaDB, its utf8 (3-byte) tables as they are: emoji in
/// every text field, 300-character names, a 60-character lot and identities that do not fit. Text comes in fitted with
/// a warning; a record whose identity does not fit waits alone with the orders that need it.
/// </summary>
[RequiresMariaDb]
[RequiresSampleDump]
public sealed class SampleStoreTextFittingTests
{
    private const string ObjectName = "Shop Sofia 3";

    private static readonly SandboxCustomerDraft Guest = new() { Name = "Гост", Email = "guest-buyer@example.bg" };

    private static readonly string LongName = "Комплект подаръчни кутии 🎁 " + string.Concat(Enumerable.Repeat("за всеки повод, ", 19)) + "край";

    [StoreFact]
    public async Task Emoji_and_long_text_come_in_fitted_and_only_the_records_whose_identity_does_not_fit_wait()
    {
        await using var rig = await SyncRig.StartOnSampleStoreAsync(ObjectName);
        // FIFO costing: a sale takes its stock from lot rows and copies the lot's name into operations.Lot.
        await rig.ExecuteAsync("UPDATE configuration SET `Value` = '2' WHERE `Key` = 'configkey23' AND UserID = -1");
        var engine = rig.Engine();
        var exported = await engine.ExportAsync();
        exported.Outcome.Should().Be(RunOutcome.Succeeded, exported.Error);

        var state = rig.Shop.State;
        var existing = state.Products.First(p => p.ExternalId is not null);
        var existingGood = int.Parse(existing.ExternalId!, System.Globalization.CultureInfo.InvariantCulture);
        // A lot of 60 characters on the existing good's stock row: store.Lot holds 250, operations.Lot only 50.
        var lot = "ПАРТИДА-2026-" + new string('7', 47);
        await rig.ExecuteAsync("UPDATE store SET Lot = @lot, Qtty = 50 WHERE GoodID = @g AND ObjectID = (SELECT ID FROM objects WHERE Name = @o)",
            new { lot, g = existingGood, o = ObjectName });

        var category = state.CreateCategory("Подаръци 🎁");
        var gift = state.CreateProduct(new SandboxProductDraft
        {
            Sku = "GIFT-1", Name = "Кутия 🎁 подарък", Description = "Опаковка 🎀 ръчна", Unit = "бр📦", Price = 9.90m, CategoryId = category.Id,
        });
        LongName.Length.Should().BeGreaterThan(300);
        var longOne = state.CreateProduct(new SandboxProductDraft { Sku = "LONG-1", Name = LongName, Price = 4.50m });
        var longCode = state.CreateProduct(new SandboxProductDraft { Sku = "КОД-" + new string('X', 296), Name = "Дълъг код", Price = 1m });
        var emojiCode = state.CreateProduct(new SandboxProductDraft { Sku = "GIFT-🎁", Name = "Код с емоджи", Price = 1m });
        var iva = state.CreateCustomer(new SandboxCustomerDraft
        {
            Name = "Ива 😀 Петрова", ContactPerson = "Ива 😀", City = "София 🏙", Address = "ул. Цветна 🌸 5", Phone = "0888 123 456", Email = "iva@example.bg",
        });
        var longEik = state.CreateCustomer(new SandboxCustomerDraft { Type = CustomerTypes.Company, Name = "Фирма с дълъг ЕИК", Eik = new string('1', 300) });

        var giftOrder = state.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = iva.Id,
            Lines = [new SandboxOrderLineDraft(gift.Id, 1), new SandboxOrderLineDraft(longOne.Id, 2)],
            Discounts = [new OrderDiscount(DiscountKinds.Voucher, "ЛЯТО🎁", 1.00m)],
        });
        var waitsForCode = state.PlaceOrder(new SandboxOrderDraft { CustomerId = iva.Id, Lines = [new SandboxOrderLineDraft(longCode.Id, 1)] });
        var guest = state.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Гост 🙂 " + new string('г', 300), Address = "бул. 🚀 " + new string('а', 300), Email = "guest@example.bg" },
            Lines = [new SandboxOrderLineDraft(existing.Id, 1)],
        });
        var waitsForEik = state.PlaceOrder(new SandboxOrderDraft { CustomerId = longEik.Id, Lines = [new SandboxOrderLineDraft(existing.Id, 1)] });
        var waitsForEmojiCode = state.PlaceOrder(new SandboxOrderDraft { Customer = Guest, Lines = [new SandboxOrderLineDraft(emojiCode.Id, 1)] });
        var plain = state.PlaceOrder(new SandboxOrderDraft { Customer = Guest, Lines = [new SandboxOrderLineDraft(existing.Id, 2)] });

        var report = await engine.ImportAsync();

        report.Error.Should().BeNull();
        report.Outcome.Should().Be(RunOutcome.Partial, "records wait in quarantine; the run itself finished");
        report.Import!.OrdersImported.Should().Be(3);
        report.Import.OrdersQuarantined.Should().Be(3);
        state.Acks.Select(a => a.OrderId).Should().BeEquivalentTo([giftOrder.Id, guest.Id, plain.Id]);

        report.Quarantine.Should().Contain(q => q.Entity == "product" && q.Id == longCode.Id && q.Reason.Contains("good code") && q.Reason.Contains("300") && q.Reason.Contains("255"))
            .And.Contain(q => q.Entity == "product" && q.Id == emojiCode.Id && q.Reason.Contains("U+1F381") && q.Reason.Contains("utf8"))
            .And.Contain(q => q.Entity == "customer" && q.Id == longEik.Id && q.Reason.Contains("EIK") && q.Reason.Contains("255"))
            .And.Contain(q => q.Entity == "order" && q.Id == waitsForCode.Id && q.Reason.Contains("good code"))
            .And.Contain(q => q.Entity == "order" && q.Id == waitsForEik.Id && q.Reason.Contains("EIK"))
            .And.Contain(q => q.Entity == "order" && q.Id == waitsForEmojiCode.Id && q.Reason.Contains("U+1F381"));

        var goods = await rig.QueryAsync<(string Code, string Name, string Name2, string Measure1, string Description)>(
            "SELECT Code, Name, Name2, Measure1, Description FROM goods WHERE Code IN ('GIFT-1', 'LONG-1') ORDER BY Code");
        goods[0].Should().Be(("GIFT-1", "Кутия \uFFFD подарък", "Кутия \uFFFD подарък", "бр\uFFFD", "Опаковка \uFFFD ръчна"));
        goods[1].Name.Length.Should().BeInRange(250, 255, "cut on a word's end where a blank falls at the limit");
        goods[1].Name.Should().StartWith("Комплект подаръчни кутии \uFFFD").And.EndWith("…");
        (await rig.ScalarAsync<string>("SELECT Name FROM goodsgroups WHERE Name LIKE 'Подаръци%'")).Should().Be("Подаръци \uFFFD");

        var partner = await rig.QueryAsync<(string Company, string MOL, string City, string Address, string eMail)>(
            "SELECT Company, MOL, City, Address, eMail FROM partners WHERE eMail = 'iva@example.bg'");
        partner.Should().Equal(("Ива \uFFFD Петрова", "Ива \uFFFD", "София \uFFFD", "ул. Цветна \uFFFD 5", "iva@example.bg"));
        var guestPartner = await rig.QueryAsync<(string Company, string Address)>("SELECT Company, Address FROM partners WHERE eMail = 'guest@example.bg'");
        guestPartner.Should().ContainSingle().Which.Company.Should().HaveLength(255).And.StartWith("Гост \uFFFD");

        var notes = await rig.QueryAsync<string>("SELECT DISTINCT Note FROM operations WHERE Note LIKE '%ЛЯТО%'");
        notes.Should().ContainSingle().Which.Should().EndWith("voucher ЛЯТО\uFFFD");
        var lots = await rig.QueryAsync<string>("SELECT Lot FROM operations WHERE GoodID = @existingGood AND OperType = 2 AND Note LIKE 'Shopiko%'", new { existingGood });
        lots.Should().HaveCount(2).And.OnlyContain(l => l.Length == 50 && l.EndsWith('…'));

        report.Warnings.Should().Contain(w => w.Entity == "product" && w.Id == gift.Id && w.Field == "name")
            .And.Contain(w => w.Entity == "product" && w.Id == longOne.Id && w.Field == "name" && w.LengthBefore == LongName.Length - 1 && w.LengthAfter == goods[1].Name.Length)
            .And.Contain(w => w.Entity == "category" && w.Id == category.Id)
            .And.Contain(w => w.Entity == "customer" && w.Id == iva.Id && w.Field == "address")
            .And.Contain(w => w.Entity == "order" && w.Id == giftOrder.Id && w.Field == "note")
            .And.Contain(w => w.Entity == "order" && w.Id == plain.Id && w.Field == "lot" && w.LengthBefore == 60 && w.LengthAfter == 50);
        report.Warnings.Should().NotContain(w => w.Entity == "product" && w.Id == longCode.Id, "a refused record is not written, so nothing was fitted");

        // The next run imports nothing twice and keeps the held records waiting with their reasons.
        var again = await rig.Engine().ImportAsync();
        again.Outcome.Should().Be(RunOutcome.Partial, again.Error);
        again.Import!.OrdersImported.Should().Be(0);
        again.Quarantine.Where(q => q.Entity == "order").Select(q => q.Id).Should().BeEquivalentTo([waitsForCode.Id, waitsForEik.Id, waitsForEmojiCode.Id]);
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM goods WHERE Code = 'GIFT-1'")).Should().Be(1);

        // The export does not send the fitted text back over the shop's own.
        var export = await rig.Engine().ExportAsync();
        export.Outcome.Should().Be(RunOutcome.Succeeded, export.Error);
        state.Products.Single(p => p.Id == gift.Id).Name.Should().Be("Кутия 🎁 подарък");
        state.Products.Single(p => p.Id == longOne.Id).Name.Should().Be(LongName);
        state.Customers.Single(c => c.Id == iva.Id).Name.Should().Be("Ива 😀 Петрова");
        state.Customers.Single(c => c.Email == "guest@example.bg").Name.Should().StartWith("Гост 🙂");
    }
}

/// <summary>The same promises on the blank databases every engine test uses (SQLite limits no text).</summary>
public sealed class TextFittingTests
{
    private static readonly SandboxCustomerDraft Guest = new() { Name = "Гост", Email = "guest-buyer@example.bg" };

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Emoji_and_300_character_names_from_the_shop_never_stop_the_import(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        await WarehouseSeed.CreateAsync(rig);
        await rig.Engine().ExportAsync();
        var state = rig.Shop.State;
        var name = "Кутия 🎁 подарък " + new string('я', 300);
        var gift = state.CreateProduct(new SandboxProductDraft { Sku = "GIFT-1", Name = name, Description = "Опаковка 🎀", Price = 9.90m });
        var iva = state.CreateCustomer(new SandboxCustomerDraft { Name = "Ива 😀 Петрова", City = "София 🏙", Address = "ул. 🌸 " + new string('а', 300), Email = "iva@example.bg" });
        var order = state.PlaceOrder(new SandboxOrderDraft { CustomerId = iva.Id, Lines = [new SandboxOrderLineDraft(gift.Id, 1)] });

        var report = await rig.Engine().ImportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        report.Import!.OrdersImported.Should().Be(1);
        state.Acks.Should().ContainSingle(a => a.OrderId == order.Id);
        var stored = await rig.ScalarAsync<string>("SELECT Name FROM goods WHERE Code = 'GIFT-1'");
        if (provider == WarehouseProvider.Sqlite)
        {
            stored.Should().Be(name, "SQLite limits no text");
            report.Warnings.Should().BeEmpty();
        }
        else
        {
            // The blank MySQL tables are utf8mb4: the emoji stays, the length is fitted.
            stored.EnumerateRunes().Should().HaveCount(255, "MySQL counts characters, an emoji one");
            stored.Should().StartWith("Кутия 🎁 подарък").And.EndWith("…");
            report.Warnings.Should().Contain(w => w.Entity == "product" && w.Id == gift.Id && w.Field == "name")
                .And.Contain(w => w.Entity == "customer" && w.Id == iva.Id && w.Field == "address");
        }
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_record_the_database_refuses_waits_with_the_databases_reason_and_the_run_goes_on(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        await rig.Engine().ExportAsync();
        // Triggers stand for whatever the merchant's database refuses per row (a constraint, a value it will not hold).
        if (provider == WarehouseProvider.MySql)
        {
            await rig.ExecuteAsync("CREATE TRIGGER refuse_good BEFORE INSERT ON goods FOR EACH ROW BEGIN IF NEW.Code = 'REFUSED-1' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'goods: refused by the merchant''s rule'; END IF; END");
            await rig.ExecuteAsync("CREATE TRIGGER refuse_line BEFORE INSERT ON operations FOR EACH ROW BEGIN IF NEW.Note LIKE '%BLOCKED%' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'operations: refused by the merchant''s rule'; END IF; END");
        }
        else
        {
            await rig.ExecuteAsync("CREATE TRIGGER refuse_good BEFORE INSERT ON goods WHEN NEW.Code = 'REFUSED-1' BEGIN SELECT RAISE(ABORT, 'goods: refused by the merchant''s rule'); END");
            await rig.ExecuteAsync("CREATE TRIGGER refuse_line BEFORE INSERT ON operations WHEN NEW.Note LIKE '%BLOCKED%' BEGIN SELECT RAISE(ABORT, 'operations: refused by the merchant''s rule'); END");
        }

        var state = rig.Shop.State;
        var refused = state.CreateProduct(new SandboxProductDraft { Sku = "REFUSED-1", Name = "Отказана", Price = 2m });
        var fine = state.CreateProduct(new SandboxProductDraft { Sku = "FINE-1", Name = "Приета", Price = 3m });
        var cable = MoneyScenarioTests.Product(rig, seed.Cable);
        var needsRefused = state.PlaceOrder(new SandboxOrderDraft { Customer = Guest, Lines = [new SandboxOrderLineDraft(refused.Id, 1), new SandboxOrderLineDraft(cable, 1)] });
        var blockedDocument = state.PlaceOrder(new SandboxOrderDraft
        {
            Customer = Guest,
            Lines = [new SandboxOrderLineDraft(cable, 1)], Discounts = [new OrderDiscount(DiscountKinds.PromoCode, "BLOCKED", 1m)],
        });
        var goes = state.PlaceOrder(new SandboxOrderDraft { Customer = Guest, Lines = [new SandboxOrderLineDraft(fine.Id, 1), new SandboxOrderLineDraft(cable, 1)] });

        var report = await rig.Engine().ImportAsync();

        report.Error.Should().BeNull();
        report.Outcome.Should().Be(RunOutcome.Partial);
        report.Import!.OrdersImported.Should().Be(1);
        state.Acks.Select(a => a.OrderId).Should().Equal(goes.Id);
        report.Quarantine.Should().Contain(q => q.Entity == "product" && q.Id == refused.Id && q.Reason.Contains("goods: refused by the merchant's rule"))
            .And.Contain(q => q.Entity == "order" && q.Id == needsRefused.Id && q.Reason.Contains("goods: refused"))
            .And.Contain(q => q.Entity == "order" && q.Id == blockedDocument.Id && q.Reason.Contains("operations: refused by the merchant's rule"));
        (await rig.ScalarAsync<long>("SELECT COUNT(*) FROM goods WHERE Code = 'FINE-1'")).Should().Be(1);
        (await rig.StockAsync(seed.Cable)).Should().Be(9, "only the order that went through took stock");
    }
}
