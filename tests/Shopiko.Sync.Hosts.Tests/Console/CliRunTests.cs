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

    private async Task<string> ConfigAsync(string? key = null, bool syncNomenclature = true, Action<JsonObject>? edit = null)
    {
        var path = _folder.File($"settings-{Guid.NewGuid():N}.json");
        var server = new JsonObject
        {
            ["Name"] = "Shopiko",
            ["Warehouse"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = _connectionString },
            ["Shop"] = new JsonObject { ["BaseUrl"] = _shop.BaseUrl.ToString(), ["ApiId"] = _shop.ApiId, ["Key"] = key ?? _shop.Key },
            ["Import"] = new JsonObject { ["Object"] = "Централен Склад", ["SyncNomenclature"] = syncNomenclature },
            ["Export"] = new JsonObject { ["Goods"] = true, ["Partners"] = true },
        };
        edit?.Invoke(server);
        await File.WriteAllTextAsync(path, new JsonObject
        {
            ["ShopikoSync"] = new JsonObject
            {
                ["RunLog"] = new JsonObject { ["Folder"] = _folder.File("runs") },
                ["Servers"] = new JsonArray(server),
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

    [Fact]
    public async Task Check_lists_what_a_run_needs_and_passes_a_ready_server()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "check", "--config", await ConfigAsync());

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("settings:  OK")
            .And.Contain("import object: OK - \"Централен Склад\"")
            .And.Contain("stock objects: OK")
            .And.Contain("currency: OK")
            .And.Contain("price column: OK - PriceOut2: 2 of 2 goods have a price")
            .And.Contain("shipping good: OK - 'SHOPIKO-SHIPPING' does not exist yet")
            .And.Contain("first run: OK - the shop has no products or customers yet");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Check_refuses_an_unknown_object_that_import_would_refuse()
    {
        var config = await ConfigAsync(edit: s => s["Import"]!["Object"] = "Склад Варна");

        var check = await CliProcess.RunAsync(_folder.Path, "check", "--config", config);
        check.ExitCode.Should().Be(1, check.ToString());
        check.Stdout.Should().Contain("import object: FAILED").And.Contain("Склад Варна").And.Contain("ShopikoSync:Servers:0:Import:Object");
        check.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("shopiko-sync: check failed for Shopiko: import object:");

        var import = await CliProcess.RunAsync(_folder.Path, "import", "--config", config);
        import.ExitCode.Should().Be(1, import.ToString());
        import.Stderr.Should().Contain("Склад Варна");
    }

    [Fact]
    public async Task Without_an_object_check_and_import_take_the_first_object()
    {
        var config = await ConfigAsync(edit: s => s["Import"]!.AsObject().Remove("Object"));

        var check = await CliProcess.RunAsync(_folder.Path, "check", "--config", config);
        check.ExitCode.Should().Be(0, check.ToString());
        check.Stdout.Should().MatchRegex("import object: OK - \"Централен Склад\" \\(ID \\d+\\) — Import:Object is not set, so the first object is used");

        var export = await CliProcess.RunAsync(_folder.Path, "export", "--json", "--config", config);
        export.ExitCode.Should().Be(0, export.ToString());
    }

    [Fact]
    public async Task Check_fails_the_first_run_when_both_sides_hold_data_and_warns_of_an_empty_price_column()
    {
        _shop.State.CreateProduct(new SandboxProductDraft { Sku = "7001", Name = "Вече в магазина", Price = 1.50m });
        var config = await ConfigAsync(edit: s => s["Export"]!["PriceColumn"] = "PriceOut5");

        var check = await CliProcess.RunAsync(_folder.Path, "check", "--config", config);

        check.ExitCode.Should().Be(1, check.ToString());
        check.Stdout.Should().Contain("first run: FAILED - Both the warehouse and the shop already hold goods or partners")
            .And.Contain("price column: WARNING - no good has a price in PriceOut5");
        check.Stderr.Should().Contain("check failed for Shopiko: first run:");

        var matching = await CliProcess.RunAsync(_folder.Path, "check", "--config", await ConfigAsync(edit: s => s["Matching"] = new JsonObject { ["Enabled"] = true }));
        matching.ExitCode.Should().Be(0, matching.ToString());
        matching.Stdout.Should().Contain("first run: OK - both sides hold data");
    }

    [Fact]
    public async Task Check_json_carries_every_item_with_its_status()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "check", "--json", "--config", await ConfigAsync());

        result.ExitCode.Should().Be(0, result.ToString());
        var verdict = JsonNode.Parse(result.Stdout)!.AsArray().Single()!;
        ((bool)verdict["ok"]!).Should().BeTrue();
        ((bool)verdict["settings"]!["valid"]!).Should().BeTrue();
        var checks = verdict["checks"]!.AsArray();
        checks.Select(c => (string)c!["name"]!).Should().Contain(["import object", "stock objects", "currency", "price column", "shipping good", "first run"]);
        checks.Should().OnlyContain(c => (string)c!["status"]! == "ok");
    }

    [Fact]
    public async Task A_dry_run_plan_names_goods_and_partners_by_code_and_name()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "export", "--dry-run", "--json", "--config", await ConfigAsync());

        result.ExitCode.Should().Be(0, result.ToString());
        var plan = JsonNode.Parse(result.Stdout)!["plan"]!.AsArray().Select(p => (string)p!).ToList();
        plan.Should().Contain(p => p.Contains("'1001' Кафе Арабика 1 кг", StringComparison.Ordinal) && p.Contains("'1002' Зелен чай 100 г", StringComparison.Ordinal));
        plan.Should().Contain(p => p.Contains("'Кафене Оазис ЕООД' (EIK 205123456)", StringComparison.Ordinal));
        _shop.State.Products.Should().BeEmpty();
    }

    [Fact]
    public async Task The_one_line_summary_counts_what_an_import_created()
    {
        var config = await ConfigAsync();
        (await CliProcess.RunAsync(_folder.Path, "export", "--config", config)).ExitCode.Should().Be(0);
        var shopOnly = _shop.State.CreateProduct(new SandboxProductDraft { Sku = "9001", Name = "Само в магазина", Price = 9.99m });
        _shop.State.PlaceOrder(new SandboxOrderDraft
        {
            Customer = new SandboxCustomerDraft { Name = "Петър Петров", Email = "petar@example.com" },
            Lines = [new SandboxOrderLineDraft(shopOnly.Id, 1, null)],
        });

        var import = await CliProcess.RunAsync(_folder.Path, "import", "--config", config);
        import.ExitCode.Should().Be(0, import.ToString());

        var log = await CliProcess.RunAsync(_folder.Path, "log", "--config", config);
        log.Stdout.Should().MatchRegex(@"import: 1 order imported \(S\d+\); created 1 good, 1 partner");
    }

    [Fact]
    public async Task A_failed_run_is_one_line_on_stderr_and_the_stack_trace_only_with_verbose()
    {
        var config = await ConfigAsync(key: "not-the-key");

        var quiet = await CliProcess.RunAsync(_folder.Path, "import", "--config", config);
        quiet.ExitCode.Should().Be(1, quiet.ToString());
        quiet.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("shopiko-sync: import failed:");
        quiet.Stderr.Should().NotContain("   at ").And.NotContain(".cs:line");
        (quiet.Stdout + quiet.Stderr).Should().NotContain(_shop.Key);

        var verbose = await CliProcess.RunAsync(_folder.Path, "import", "--verbose", "--config", config);
        verbose.ExitCode.Should().Be(1, verbose.ToString());
        verbose.Stderr.Should().Contain("ShopikoApiException").And.Contain(" at ");
        verbose.Stderr.Should().NotContain("System.Net.Http.HttpClient", "HttpClient's categories stay at Warning even with --verbose");
    }

    [Fact]
    public async Task One_bad_server_never_stops_the_others()
    {
        var path = _folder.File("two-servers.json");
        await File.WriteAllTextAsync(path, new JsonObject
        {
            ["ShopikoSync"] = new JsonObject
            {
                ["RunLog"] = new JsonObject { ["Folder"] = _folder.File("runs") },
                ["Servers"] = new JsonArray(
                    new JsonObject
                    {
                        ["Name"] = "Old",
                        ["Hidden"] = true,
                        ["AutoStart"] = false,
                        ["Warehouse"] = new JsonObject { ["Provider"] = "MariaDB", ["ConnectionString"] = "Server=db;Database=wh" },
                        ["Shop"] = new JsonObject { ["BaseUrl"] = "https://old.example/api/microinvest/v1/", ["ApiId"] = "1", ["Key"] = "" },
                        ["Import"] = new JsonObject { ["Interval"] = "soon" },
                    },
                    new JsonObject
                    {
                        ["Name"] = "Good",
                        ["Warehouse"] = new JsonObject { ["Provider"] = "sqlite", ["ConnectionString"] = _connectionString },
                        ["Shop"] = new JsonObject { ["BaseUrl"] = _shop.BaseUrl.ToString(), ["ApiId"] = _shop.ApiId, ["Key"] = _shop.Key },
                        ["Import"] = new JsonObject { ["Object"] = "Централен Склад", ["Interval"] = "5 min" },
                        ["Export"] = new JsonObject { ["Goods"] = "yes", ["Partners"] = true, ["Interval"] = "15m" },
                    }),
            },
        }.ToJsonString());

        var good = await CliProcess.RunAsync(_folder.Path, "export", "--server", "Good", "--json", "--config", path);
        good.ExitCode.Should().Be(0, good.ToString());
        _shop.State.Products.Should().HaveCount(2);

        var bad = await CliProcess.RunAsync(_folder.Path, "export", "--server", "Old", "--config", path);
        bad.ExitCode.Should().Be(1, bad.ToString());
        var line = bad.Stderr.Trim().Split('\n').Should().ContainSingle().Subject;
        line.Should().Contain("ShopikoSync:Servers:0:Import:Interval is \"soon\"").And.Contain("5 min").And.Contain("ShopikoSync:Servers:0:Shop:Key");

        var check = await CliProcess.RunAsync(_folder.Path, "check", "--config", path);
        check.ExitCode.Should().Be(1, check.ToString());
        check.Stdout.Should().Contain("Old: FAILED").And.Contain("Good: OK").And.Contain("error: ShopikoSync:Servers:0:Import:Interval");
        check.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("shopiko-sync: check failed for Old:");
    }
}
