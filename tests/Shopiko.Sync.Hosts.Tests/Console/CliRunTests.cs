using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Hosts.Tests.Console;

/// <summary>
/// <c>export</c>, <c>import</c> and <c>check</c> as processes against a SQLite Warehouse Pro database and a sandbox shop
/// started by the test: the JSON report on stdout, the exit codes 0 / 3 / 1.
/// </summary>
public sealed class CliRunTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("shopiko-cli");
    private SandboxShop _shop = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = "Data Source=" + _folder.File("warehouse.db");
        await WarehouseSchema.CreateBlankAsync(WarehouseProvider.Sqlite, _connectionString);
        var services = new ServiceCollection().AddLogging();
        services.AddShopikoSync();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IWarehouseStoreFactory>().Create(new WarehouseConnectionOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = _connectionString });
        var vat = (await store.ReadVatGroupsAsync()).First(v => v.Rate == 20m);
        await store.CreateGoodAsync(new NewGood { Code = "1001", Name = "Кафе Арабика 1 кг", Prices = GoodPrices.Zero with { PriceOut2 = 24.90m }, VatGroupId = vat.Id });
        await store.CreateGoodAsync(new NewGood { Code = "1002", Name = "Зелен чай 100 г", Prices = GoodPrices.Zero with { PriceOut2 = 4.20m }, VatGroupId = vat.Id });
        await store.CreatePartnerAsync(new NewPartner { Code = "P1", Company = "Кафене Оазис ЕООД", Bulstat = "205123456", Email = "office@oazis.example" });
        _shop = await SandboxShop.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _shop.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<string> ConfigAsync(string? key = null, bool syncNomenclature = true)
    {
        var path = _folder.File($"settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, new JsonObject
        {
            ["ShopikoSync"] = new JsonObject
            {
                ["RunLog"] = new JsonObject { ["Folder"] = _folder.File("runs") },
                ["Servers"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "Shopiko",
                    ["Warehouse"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = _connectionString },
                    ["Shop"] = new JsonObject { ["BaseUrl"] = _shop.BaseUrl.ToString(), ["ApiId"] = _shop.ApiId, ["Key"] = key ?? _shop.Key },
                    ["Import"] = new JsonObject { ["Object"] = "Централен Склад", ["SyncNomenclature"] = syncNomenclature },
                    ["Export"] = new JsonObject { ["Goods"] = true, ["Partners"] = true },
                }),
            },
        }.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Export_json_reports_what_went_to_the_shop_and_exits_0()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "export", "--json", "--config", await ConfigAsync());

        result.ExitCode.Should().Be(0, result.ToString());
        var report = JsonNode.Parse(result.Stdout)!;
        ((string)report["server"]!).Should().Be("Shopiko");
        ((string)report["operation"]!).Should().Be("export");
        ((string)report["outcome"]!).Should().Be("succeeded");
        ((bool)report["dryRun"]!).Should().BeFalse();
        ((int)report["export"]!["products"]!["created"]!).Should().Be(2);
        ((int)report["export"]!["customers"]!["created"]!).Should().Be(1);
        report["export"]!["stock"]!["failed"].Should().NotBeNull();
        report["startedAt"].Should().NotBeNull();
        report["finishedAt"].Should().NotBeNull();
        _shop.State.Products.Should().HaveCount(2);

        var again = await CliProcess.RunAsync(_folder.Path, "export", "--json", "--config", await ConfigAsync());
        again.ExitCode.Should().Be(0, again.ToString());
        ((int)JsonNode.Parse(again.Stdout)!["export"]!["products"]!["created"]!).Should().Be(0, "nothing changed");
    }

    [Fact]
    public async Task Import_json_with_a_quarantined_order_exits_3_and_names_it()
    {
        var config = await ConfigAsync(syncNomenclature: false);
        (await CliProcess.RunAsync(_folder.Path, "export", "--config", config)).ExitCode.Should().Be(0);
        var coffee = _shop.State.Products.First(p => p.Sku == "1001");
        var shopOnly = _shop.State.CreateProduct(new SandboxProductDraft { Sku = "9001", Name = "Само в магазина", Price = 9.99m });
        var good = _shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Елена Димитрова", Email = "elena@example.com" },
            Lines = [new SandboxOrderLineDraft(coffee.Id, 2, null)],
        });
        var bad = _shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Петър Петров", Email = "petar@example.com" },
            Lines = [new SandboxOrderLineDraft(shopOnly.Id, 1, null)],
        });

        var result = await CliProcess.RunAsync(_folder.Path, "import", "--json", "--config", config);

        result.ExitCode.Should().Be(3, result.ToString());
        var report = JsonNode.Parse(result.Stdout)!;
        ((string)report["outcome"]!).Should().Be("partial");
        var import = report["import"]!;
        ((int)import["ordersImported"]!).Should().Be(1);
        ((int)import["ordersQuarantined"]!).Should().Be(1);
        ((int)import["ordersAlreadyImported"]!).Should().Be(0);
        ((int)import["ordersReversed"]!).Should().Be(0);
        ((int)import["partnersCreated"]!).Should().Be(1);
        import["goodsCreated"].Should().NotBeNull();
        import["documents"]!.AsArray().Should().ContainSingle();
        var held = report["quarantine"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)held["entity"]!).Should().Be("order");
        ((string)held["id"]!).Should().Be(bad.Id);
        ((string)held["reason"]!).Should().NotBeNullOrWhiteSpace();
        _shop.State.Acks.Should().ContainSingle(a => a.OrderId == good.Id);

        var log = await CliProcess.RunAsync(_folder.Path, "log", "--config", config);
        log.Stdout.Should().Contain(bad.Id);
    }

    [Fact]
    public async Task Import_of_a_record_the_database_refuses_exits_3_without_a_stack_trace()
    {
        var config = await ConfigAsync();
        (await CliProcess.RunAsync(_folder.Path, "export", "--config", config)).ExitCode.Should().Be(0);
        // A rule of the merchant's database that refuses one good, as a constraint or a value it cannot hold would.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString))
        {
            await db.OpenAsync();
            await using var trigger = db.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_good BEFORE INSERT ON goods WHEN NEW.Code = 'REFUSED-1' BEGIN SELECT RAISE(ABORT, 'refused by the merchant''s rule'); END";
            await trigger.ExecuteNonQueryAsync();
        }

        var coffee = _shop.State.Products.First(p => p.Sku == "1001");
        var refused = _shop.State.CreateProduct(new SandboxProductDraft { Sku = "REFUSED-1", Name = "Кутия 🎁 подарък", Price = 5m });
        var waits = _shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Ива 😀 Петрова", Email = "iva@example.com" },
            Lines = [new SandboxOrderLineDraft(refused.Id, 1)],
        });
        var goes = _shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Елена Димитрова", Email = "elena@example.com" },
            Lines = [new SandboxOrderLineDraft(coffee.Id, 1)],
        });

        var result = await CliProcess.RunAsync(_folder.Path, "import", "--config", config);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stdout.Should().Contain(waits.Id).And.Contain("refused by the merchant's rule");
        result.Stderr.Should().NotContain("   at ").And.NotContain("SqliteException");
        _shop.State.Acks.Should().ContainSingle(a => a.OrderId == goes.Id);
    }

    [Fact]
    public async Task Check_with_a_wrong_key_exits_1_with_a_clear_line()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "check", "--config", await ConfigAsync(key: "not-the-key"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().Contain("Shopiko: FAILED");
        var line = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Subject;
        line.Should().StartWith("shopiko-sync: check failed for Shopiko: shop:");
        result.Stdout.Should().NotContain(_shop.Key);

        var good = await CliProcess.RunAsync(_folder.Path, "check", "--config", await ConfigAsync());
        good.ExitCode.Should().Be(0, good.ToString());
        good.Stdout.Should().Contain("Shopiko: OK");
    }

    [Fact]
    public async Task Export_with_a_wrong_key_fails_with_exit_1_and_a_failed_report()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "export", "--json", "--config", await ConfigAsync(key: "not-the-key"));

        result.ExitCode.Should().Be(1, result.ToString());
        ((string)JsonNode.Parse(result.Stdout)!["outcome"]!).Should().Be("failed");
        result.Stderr.Should().Contain("shopiko-sync: export failed:");
        _shop.State.Products.Should().BeEmpty();
    }
}
