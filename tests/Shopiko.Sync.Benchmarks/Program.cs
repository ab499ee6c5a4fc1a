using System.CommandLine;
using Shopiko.Sync.Benchmarks;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Configuration;

// Only argument parsing here: the benchmark is BenchmarkRunner.RunAsync.
if (args is [ShopHost.ChildCommand])
{
    return await ShopHost.ServeAsChildAsync(CancellationToken.None);
}

var size = new Argument<string>("size") { Description = "small (1,000 goods, 100 orders), full (issue 6: 100,000 goods, 10,000 orders) or custom (full, overridden by the options below).", DefaultValueFactory = _ => "full" };
size.AcceptOnlyFromAmong("small", "full", "custom");
var provider = new Option<string>("--provider") { Description = "sqlite, mariadb or both.", DefaultValueFactory = _ => "both" };
provider.AcceptOnlyFromAmong("sqlite", "mariadb", "both");
var inProcess = new Option<bool>("--in-process-shop") { Description = "Run the sandbox shop in this process (its memory then counts in the peak RSS)." };
var goods = new Option<int?>("--goods") { Description = "Goods (one stock level each)." };
var groups = new Option<int?>("--groups") { Description = "Goods groups." };
var partners = new Option<int?>("--partners") { Description = "Partners." };
var orders = new Option<int?>("--orders") { Description = "Pending shop orders." };
var lines = new Option<int?>("--lines") { Description = "Lines per order." };
var shopProducts = new Option<int?>("--shop-products") { Description = "Products made in the shop." };
var shopCustomers = new Option<int?>("--shop-customers") { Description = "Customers registered in the shop." };
var changed = new Option<double?>("--changed-percent") { Description = "Share of goods changed before the changed re-export." };
var fastPath = new Option<bool?>("--fast-path") { Description = "Run issue 12's fast-path scenarios too (default: with the full size)." };
var reconciliationOnly = new Option<int?>("--reconciliations") { Description = "Of issue 12's scenarios run only the reconciliation, this many times, each with its phases (no service loop)." };

var root = new RootCommand("Shopiko.Sync benchmark (issue 6): exports and imports on a generated Warehouse Pro database and a sandbox shop, each beside its floor.")
{
    size, provider, inProcess, goods, groups, partners, orders, lines, shopProducts, shopCustomers, changed, fastPath, reconciliationOnly,
};
root.SetAction(async (parse, ct) =>
{
    var name = parse.GetValue(size)!;
    var baseSizes = name == "small" ? BenchmarkSizes.Small : BenchmarkSizes.Full;
    var sizes = baseSizes with
    {
        Goods = parse.GetValue(goods) ?? baseSizes.Goods,
        Groups = parse.GetValue(groups) ?? baseSizes.Groups,
        Partners = parse.GetValue(partners) ?? baseSizes.Partners,
        Orders = parse.GetValue(orders) ?? baseSizes.Orders,
        LinesPerOrder = parse.GetValue(lines) ?? baseSizes.LinesPerOrder,
        ShopProducts = parse.GetValue(shopProducts) ?? baseSizes.ShopProducts,
        ShopCustomers = parse.GetValue(shopCustomers) ?? baseSizes.ShopCustomers,
        ChangedPercent = parse.GetValue(changed) ?? baseSizes.ChangedPercent,
    };
    var options = new BenchmarkOptions
    {
        Sizes = sizes,
        SizeName = sizes == baseSizes ? name : "custom",
        Providers = parse.GetValue(provider) switch
        {
            "sqlite" => [WarehouseProvider.Sqlite],
            "mariadb" => [WarehouseProvider.MySql],
            _ => [WarehouseProvider.MySql, WarehouseProvider.Sqlite],
        },
        Sandbox = parse.GetValue(inProcess) ? SandboxPlacement.InProcess : SandboxPlacement.ChildProcess,
        FastPath = parse.GetValue(fastPath) ?? (name == "full" || parse.GetValue(reconciliationOnly) is not null),
        Reconciliations = parse.GetValue(reconciliationOnly),
    };
    await BenchmarkRunner.RunAsync(options, Console.Out, ct);
    return 0;
});
return await root.Parse(args).InvokeAsync();
