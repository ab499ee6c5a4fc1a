using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Console.CommandLine;
using Shopiko.Sync.Console.Commands;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Console.Output;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Console.Demo;

/// <summary>The demo's steps. Everything goes through the library's public API; the demo only composes and narrates.</summary>
internal static class DemoRun
{
    private const string ServerName = "Demo";
    private const string ObjectName = DemoCatalog.ObjectName;

    public static async Task<int> RunAsync(Terminal terminal, string folder, bool verbose, CancellationToken ct)
    {
        PrepareFolder(folder);
        var databasePath = Path.Combine(folder, "warehouse.db");
        var connectionString = "Data Source=" + databasePath;

        terminal.Heading("1. A new Warehouse Pro database (SQLite) with sample goods, partners and stock");
        await WarehouseSchema.CreateBlankAsync(WarehouseProvider.Sqlite, connectionString, new BlankDatabaseOptions { BaseCurrency = "EUR", ObjectName = ObjectName }, ct).ConfigureAwait(false);

        terminal.Heading("2. A sandbox Shopiko shop on loopback");
        await using var shop = await SandboxShop.StartAsync(new SandboxShopOptions { Currency = "EUR", PricesIncludeVat = true }, ct).ConfigureAwait(false);
        terminal.Line($"  shop API: {shop.BaseUrl}  (API ID {shop.ApiId})");

        var configuration = Settings(folder, connectionString, shop);
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), SettingsFile(configuration), ct).ConfigureAwait(false);
        await using var services = CliServices.Create(configuration, verbose);
        var store = services.Services.GetRequiredService<IWarehouseStoreFactory>().Create(services.Options.Servers[0].Warehouse);
        await DemoWarehouse.FillAsync(store, ct).ConfigureAwait(false);
        await PrintWarehouseAsync(terminal, store, ct).ConfigureAwait(false);

        var runs = new List<RunRecord>();
        terminal.Heading("3. Export: goods, partners and stock go to the shop");
        runs.Add(await RunAsync(terminal, services, SyncOperation.Export, ct).ConfigureAwait(false));
        PrintShopCatalog(terminal, shop);

        terminal.Heading("4. Shoppers place orders: a product discount, a voucher, a promo code, shipping, card and cash");
        var orders = DemoOrders.Place(shop.State);
        PrintShopOrders(terminal, shop, orders);

        terminal.Heading("5. Import: the orders become sale documents in Warehouse Pro");
        runs.Add(await RunAsync(terminal, services, SyncOperation.Import, ct).ConfigureAwait(false));

        terminal.Heading("6. Export again: the shop gets the stock the sales left");
        runs.Add(await RunAsync(terminal, services, SyncOperation.Export, ct).ConfigureAwait(false));

        terminal.Heading("What each side holds now");
        await PrintWarehouseAsync(terminal, store, ct).ConfigureAwait(false);
        PrintShopCatalog(terminal, shop);
        PrintShopOrders(terminal, shop, orders);

        terminal.Heading("Where the files are");
        terminal.Line("  database:  " + databasePath);
        terminal.Line("  settings:  " + Path.Combine(folder, "appsettings.json") + " (no key: the sandbox is gone when the demo ends)");
        terminal.Line("  run log:   " + services.RunLog.Folder);
        terminal.Line($"  next:      shopiko-sync log --config \"{Path.Combine(folder, "appsettings.json")}\"");

        var failed = runs.FirstOrDefault(r => r.Status is not (RunStatus.Succeeded or RunStatus.Partial));
        if (failed is not null)
        {
            Terminal.Error($"demo failed: {failed.Operation}: {failed.Error}");
            return ExitCodes.Failed;
        }

        // The last line is a claim; it is made only after both sides were compared.
        terminal.Heading("Comparing both sides: stock, acknowledgements, document totals");
        var objectIds = (await store.ReadObjectsAsync(ct).ConfigureAwait(false)).Where(o => o.Name == ObjectName).Select(o => o.Id).ToArray();
        var differences = await DemoAgreement.CompareAsync(store, shop, objectIds, orders, ct).ConfigureAwait(false);
        terminal.Line();
        if (differences.Count > 0)
        {
            terminal.Line($"Demo finished, but the two sides differ ({differences.Count}):");
            foreach (var difference in differences)
            {
                terminal.Line("  " + difference);
            }

            Terminal.Error($"demo failed: the two sides differ: {differences[0]}{(differences.Count > 1 ? $" (and {differences.Count - 1} more)" : "")}");
            return ExitCodes.Failed;
        }

        terminal.Line($"  every product's shop quantity equals the warehouse stock; all {orders.Count} orders are acknowledged with their document, and each document totals its order.");
        terminal.Line("Demo finished: both sides agree.");
        return ExitCodes.Ok;
    }

    private static async Task<RunRecord> RunAsync(Terminal terminal, CliServices services, SyncOperation operation, CancellationToken ct)
    {
        var record = await ProgressDisplay.RunAsync(terminal, enabled: true, progress => RecordedRun.RunAsync(
            services.RunLog,
            () => services.Engines.Create(ServerName),
            ServerName,
            operation,
            trigger: "demo",
            new SyncRunOptions { Progress = progress },
            services.Time,
            ct)).ConfigureAwait(false);
        ReportPrinter.Print(terminal, record);
        return record;
    }

    /// <summary>The demo's own folder is recreated; nothing else is touched.</summary>
    private static void PrepareFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            foreach (var name in new[] { "warehouse.db", "warehouse.db-wal", "warehouse.db-shm", "appsettings.json" })
            {
                File.Delete(Path.Combine(folder, name));
            }

            var runs = Path.Combine(folder, "runs");
            if (Directory.Exists(runs))
            {
                Directory.Delete(runs, recursive: true);
            }
        }

        Directory.CreateDirectory(folder);
    }

    private static IConfiguration Settings(string folder, string connectionString, SandboxShop shop) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShopikoSync:RunLog:Folder"] = Path.Combine(folder, "runs"),
            ["ShopikoSync:Servers:0:Name"] = ServerName,
            ["ShopikoSync:Servers:0:Warehouse:Provider"] = nameof(WarehouseProvider.Sqlite),
            ["ShopikoSync:Servers:0:Warehouse:ConnectionString"] = connectionString,
            ["ShopikoSync:Servers:0:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["ShopikoSync:Servers:0:Shop:ApiId"] = shop.ApiId,
            ["ShopikoSync:Servers:0:Shop:Key"] = shop.Key,
            ["ShopikoSync:Servers:0:Import:Object"] = ObjectName,
            ["ShopikoSync:Servers:0:Import:SyncNomenclature"] = "true",
            ["ShopikoSync:Servers:0:Export:Goods"] = "true",
            ["ShopikoSync:Servers:0:Export:Partners"] = "true",
        }).Build();

    /// <summary>The demo's settings as a file for <c>shopiko-sync log --config</c>; the key is left out on purpose.</summary>
    private static string SettingsFile(IConfiguration configuration)
    {
        var root = new JsonObject();
        foreach (var (key, value) in configuration.AsEnumerable().Where(p => p.Value is not null && !p.Key.EndsWith(":Key", StringComparison.Ordinal)))
        {
            JsonNode node = root;
            var parts = key.Split(':');
            for (var i = 0; i < parts.Length; i++)
            {
                var isArray = i + 1 < parts.Length && int.TryParse(parts[i + 1], CultureInfo.InvariantCulture, out _);
                if (i == parts.Length - 1)
                {
                    Set(node, parts[i], JsonValue.Create(value));
                }
                else
                {
                    node = Get(node, parts[i]) ?? Set(node, parts[i], isArray ? new JsonArray() : new JsonObject());
                }
            }
        }

        return root.ToJsonString(RunReportJson.Indented);

        static JsonNode? Get(JsonNode parent, string part) => parent is JsonArray array
            ? int.Parse(part, CultureInfo.InvariantCulture) < array.Count ? array[int.Parse(part, CultureInfo.InvariantCulture)] : null
            : parent[part];

        static JsonNode Set(JsonNode parent, string part, JsonNode? child)
        {
            if (parent is JsonArray array)
            {
                array.Add(child);
            }
            else
            {
                parent[part] = child;
            }

            return child!;
        }
    }

    private static async Task PrintWarehouseAsync(Terminal terminal, IWarehouseStore store, CancellationToken ct)
    {
        var objects = await store.ReadObjectsAsync(ct).ConfigureAwait(false);
        var objectIds = objects.Where(o => o.Name == ObjectName).Select(o => o.Id).ToArray();
        var stock = new Dictionary<int, decimal>();
        await foreach (var level in store.ReadStockAsync(objectIds, ct).ConfigureAwait(false))
        {
            stock[level.GoodId] = stock.GetValueOrDefault(level.GoodId) + level.Quantity;
        }

        var goods = new List<IReadOnlyList<string>>();
        await foreach (var good in store.ReadGoodsAsync(ct).ConfigureAwait(false))
        {
            goods.Add([good.Code, good.Name, Money(good.Prices.PriceOut2), good.IsService ? "service" : Qty(stock.GetValueOrDefault(good.Id))]);
        }

        terminal.Table(["code", "good", "price", $"stock in {ObjectName}"], goods, "Warehouse Pro: goods");

        var partners = new List<IReadOnlyList<string>>();
        await foreach (var partner in store.ReadPartnersAsync(ct).ConfigureAwait(false))
        {
            partners.Add([partner.Code, partner.Company, partner.Bulstat, partner.Email]);
        }

        terminal.Table(["code", "partner", "EIK", "e-mail"], partners, "Warehouse Pro: partners");
    }

    private static void PrintShopCatalog(Terminal terminal, SandboxShop shop) =>
        terminal.Table(
            ["sku", "product", "price", "stock"],
            shop.State.Products.Select(p => (IReadOnlyList<string>)[p.Sku, p.Name, Money(p.Price), p.ExternalId is null ? "" : Qty(shop.State.StockOf(p.ExternalId) ?? 0)]),
            $"Shop: {shop.State.Products.Count} products, {shop.State.Customers.Count} customers, {shop.State.Categories.Count} categories");

    private static void PrintShopOrders(Terminal terminal, SandboxShop shop, IReadOnlyList<ShopOrder> placed)
    {
        var acks = shop.State.Acks;
        terminal.Table(
            ["order", "customer", "discounts", "shipping", "payment", "total", "warehouse document"],
            placed.Select(o =>
            {
                var current = shop.State.Orders.FirstOrDefault(x => x.Id == o.Id) ?? o;
                var document = acks.LastOrDefault(a => a.OrderId == o.Id)?.Document ?? "(not imported yet)";
                var discounts = string.Join(", ", current.Lines.Where(l => l.Discount is not null).Select(l => $"{l.Sku} -{l.Discount!.Value}{(l.Discount.Type == LineDiscount.Percent ? "%" : " EUR")}")
                    .Concat(current.Discounts.Select(d => $"{d.Kind} {d.Code} -{Money(d.Amount)}")));
                return (IReadOnlyList<string>)
                [
                    current.Number,
                    current.Customer?.Name ?? "",
                    discounts,
                    current.Shipping is null ? "" : $"{current.Shipping.Method} {Money(current.Shipping.Price)}",
                    current.Payment is null ? "" : $"{current.Payment.Method} ({current.Payment.Status})",
                    Money(current.Totals.GrandTotal),
                    document,
                ];
            }),
            "Shop: orders");
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Qty(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
