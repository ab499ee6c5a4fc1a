using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shopiko.Sync.Sandbox;

namespace Shopiko.Sync.Browser.Tests;

/// <summary>
/// The control page as a merchant's IT person uses it, in Chromium: an invalid server listed with its reason, a new
/// server made through the form (both Проверка buttons), started, its run in Лог, edited (the next pass uses the new
/// setting), hidden and shown, deleted. Screenshots of each step land in <c>artifacts/screenshots/</c>.
/// </summary>
public sealed partial class ControlPageWalkTests : IAsyncLifetime
{
    private ControlPageRig _rig = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _rig = await ControlPageRig.StartAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "bg-BG" });
        _page = await context.NewPageAsync();
        _page.SetDefaultTimeout(20_000);
        await _page.GotoAsync(_rig.Url);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task An_invalid_server_is_listed_with_its_reason_and_setting_and_a_failing_one_says_since_when()
    {
        var row = Row("Стар склад");
        await Assertions.Expect(row).ToContainTextAsync("невалидни настройки");
        await Assertions.Expect(row.Locator(".problem").First).ToContainTextAsync("ShopikoSync:Servers:0:Warehouse:Provider");
        await Assertions.Expect(row).ToContainTextAsync("Oracle");
        await Assertions.Expect(row).ToContainTextAsync("ShopikoSync:Servers:0:Shop:Key");
        (await row.Locator(".problem").First.EvaluateAsync<string>("e => getComputedStyle(e).color")).Should().Be("rgb(179, 38, 30)");

        await row.ClickAsync();
        (await _page.Locator("#btn-start").IsDisabledAsync()).Should().BeTrue("an invalid server cannot start");

        // The other server ran: its key is refused on every pass, and it says since when, not "работи".
        var failing = Row("Грешен ключ");
        await Assertions.Expect(failing).ToContainTextAsync(new Regex(@"грешка от \d\d:\d\d"));
        await Assertions.Expect(failing).Not.ToContainTextAsync("работи");
        await Assertions.Expect(failing.Locator(".problem")).Not.ToHaveCountAsync(0);
        await ShotAsync("01-invalid-server");
    }

    [Fact]
    public async Task A_server_is_made_checked_started_logged_edited_hidden_shown_and_deleted_from_the_page()
    {
        // Нов: the form with the Utility Center groups.
        await _page.ClickAsync("#btn-new");
        await Assertions.Expect(_page.Locator("#editor")).ToContainTextAsync("1.0. Общи");
        await Assertions.Expect(_page.Locator("#editor")).ToContainTextAsync("3.0. Правила за обмен");
        await _page.FillAsync("#f-name", "Shopiko");
        await _page.SelectOptionAsync("#f-provider", "Sqlite");
        await _page.FillAsync("#f-connection", _rig.WarehouseConnection);

        // Проверка of the warehouse: what it found, and the objects to choose from.
        await _page.ClickAsync("#check-warehouse");
        await Assertions.Expect(_page.Locator("#warehouseResult")).ToContainTextAsync("версия");
        await Assertions.Expect(_page.Locator("#warehouseResult")).ToContainTextAsync("Централен Склад");
        await _page.SelectOptionAsync("#f-object", "Централен Склад");

        // Проверка of the shop: a wrong key says exactly that; the right one shows the shop.
        await _page.FillAsync("#f-baseurl", _rig.Shop.BaseUrl.ToString());
        await _page.FillAsync("#f-apiid", _rig.Shop.ApiId);
        await _page.FillAsync("#f-key", "not-the-key");
        await _page.ClickAsync("#check-shop");
        await Assertions.Expect(_page.Locator("#shopResult")).ToHaveClassAsync(new Regex("bad"));
        await _page.FillAsync("#f-key", _rig.Shop.Key);
        await _page.ClickAsync("#check-shop");
        await Assertions.Expect(_page.Locator("#shopResult")).ToContainTextAsync("EUR");
        await Assertions.Expect(_page.Locator("#shopResult")).ToContainTextAsync("добавката е активна");

        // Export once at start, goods not yet; import not started.
        await _page.SelectOptionAsync("#f-import-start", "Disabled");
        await _page.SelectOptionAsync("#f-export-start", "OnServerStart");
        await _page.FillAsync("#f-export-interval", "0");
        // The fast export off (0): this walk counts the full passes in Лог, which fast passes that did something would join.
        await _page.FillAsync("#f-export-fast", "0");
        await _page.SelectOptionAsync("#f-goods", "false");
        await ShotAsync("02-new-server-form");
        await _page.ClickAsync("#btn-save");
        await Assertions.Expect(_page.Locator("#message")).ToContainTextAsync("Записано");
        var row = Row("Shopiko");
        await Assertions.Expect(row).ToContainTextAsync("спрян");
        await Assertions.Expect(row).ToContainTextAsync("WarehousePro Import Export Shopiko");
        await Assertions.Expect(row).ToContainTextAsync("Експорт: веднъж / бързо изкл.");

        // The key is at rest only encrypted, and never comes back to the browser.
        var stored = await File.ReadAllTextAsync(_rig.ServersFile);
        stored.Should().NotContain(_rig.Shop.Key).And.Contain("Shop:ProtectedKey");
        var settings = await _page.EvaluateAsync<string>("async () => await (await fetch('/api/servers/Shopiko/settings')).text()");
        settings.Should().NotContain(_rig.Shop.Key).And.Contain("\"keySet\":true");

        // Старт: the export runs, and Лог shows it.
        await row.ClickAsync();
        await _page.ClickAsync("#btn-start");
        await _page.ClickAsync("#btn-log");
        var log = _page.Locator("#log");
        await Assertions.Expect(log.Locator("tr").First).ToContainTextAsync("успешен", new() { Timeout = 30_000 });
        await Assertions.Expect(log.Locator("tr").First).ToContainTextAsync("експорт");
        await Assertions.Expect(log.Locator("tr").First).ToContainTextAsync(DateFormat());
        _rig.Shop.State.Products.Should().BeEmpty("goods export is off");
        await ShotAsync("03-started-and-log");

        // Редакция: goods export on; the next pass (Експорт now) sends them.
        await _page.ClickAsync("#btn-edit");
        await Assertions.Expect(_page.Locator("#f-key")).ToHaveValueAsync("");
        await Assertions.Expect(_page.Locator("#f-export-fast")).ToHaveValueAsync("0");
        (await _page.GetAttributeAsync("#f-key", "placeholder")).Should().Contain("запазен");
        await _page.SelectOptionAsync("#f-goods", "true");
        await _page.SelectOptionAsync("#f-nomenclature", "false");
        await ShotAsync("04-edit-form");
        await _page.ClickAsync("#btn-save");
        await Assertions.Expect(_page.Locator("#message")).ToContainTextAsync("Записано");
        await _page.ClickAsync("#btn-export");
        // The fast path logs its own passes when they send something, so runs are found by what they did, not by place.
        await Assertions.Expect(log.Locator("tr").Filter(new() { HasText = "стоки: 4 нови" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        _rig.Shop.State.Products.Should().HaveCount(4);

        // Импорт now: one order becomes a document, one (a product only the shop has, nomenclature sync off) is held back.
        var product = _rig.Shop.State.Products.First();
        var shopOnly = _rig.Shop.State.CreateProduct(new SandboxProductDraft { Sku = "9001", Name = "Само в магазина", Price = 9.99m });
        _rig.Shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Елена Димитрова", Email = "elena@example.com" },
            Lines = [new SandboxOrderLineDraft(product.Id, 2)],
        });
        var held = _rig.Shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Петър Петров", Email = "petar@example.com" },
            Lines = [new SandboxOrderLineDraft(shopOnly.Id, 1)],
        });
        await _page.ClickAsync("#btn-import");
        var importRow = log.Locator("tr").Filter(new() { HasText = held.Id }).First;
        await Assertions.Expect(importRow).ToContainTextAsync("частичен", new() { Timeout = 30_000 });
        await Assertions.Expect(importRow).ToContainTextAsync("поръчки: 1");
        await Assertions.Expect(importRow).ToContainTextAsync(held.Id);
        await Assertions.Expect(importRow.Locator("td").Nth(5)).Not.ToBeEmptyAsync();

        await _page.SelectOptionAsync("#logFilter", "failed");
        await Assertions.Expect(log).ToContainTextAsync("Няма записи");
        await _page.SelectOptionAsync("#logFilter", "partial");
        await Assertions.Expect(log.Locator("tr")).ToHaveCountAsync(1);
        await _page.SelectOptionAsync("#logFilter", "");
        await ShotAsync("05-log-after-edit");
        // The small picture docs/hosts.md shows (copied from here by hand when the page changes).
        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Chromium.ScreenshotFolder, "control-page.png"),
            FullPage = true,
        });

        // Скриване / Покажи.
        await _page.ClickAsync("#btn-hide");
        await Assertions.Expect(Row("Shopiko")).ToHaveCountAsync(0);
        await _page.CheckAsync("#showHidden");
        await Assertions.Expect(Row("Shopiko")).ToContainTextAsync("скрит");
        await Row("Shopiko").ClickAsync();
        await Assertions.Expect(_page.Locator("#btn-hide")).ToHaveTextAsync("Покажи");
        await _page.ClickAsync("#btn-hide");
        await _page.UncheckAsync("#showHidden");
        await Assertions.Expect(Row("Shopiko")).ToHaveCountAsync(1);
        await Assertions.Expect(Row("Shopiko")).Not.ToContainTextAsync("скрит");

        // English beside Bulgarian.
        await _page.ClickAsync("#lang-en");
        await Assertions.Expect(_page.Locator("#btn-start")).ToHaveTextAsync("Start");
        await Assertions.Expect(Row("Shopiko")).ToContainTextAsync("Export: once / fast off");
        await ShotAsync("06-english");
        await _page.ClickAsync("#lang-bg");

        // Изтриване: it stops first, leaves the list and the file; the previous file is kept.
        await Row("Shopiko").ClickAsync();
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await _page.ClickAsync("#btn-delete");
        await Assertions.Expect(Row("Shopiko")).ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#message")).ToContainTextAsync("изтрит");
        (await File.ReadAllTextAsync(_rig.ServersFile)).Should().NotContain("\"Shopiko\"").And.Contain("Стар склад");
        File.Exists(_rig.ServersFile + ".bak").Should().BeTrue();
    }

    private ILocator Row(string name) => _page.Locator($"#servers tr[data-name=\"{name}\"]");

    private static string DateFormat() => DateTime.Now.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task ShotAsync(string name) =>
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });
}
