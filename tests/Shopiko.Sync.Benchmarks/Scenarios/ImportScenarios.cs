using System.Globalization;
using Shopiko.Sync.Benchmarks.Floors;
using Shopiko.Sync.Benchmarks.Report;
using Shopiko.Sync.Sandbox;

namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>
/// The two imports: pending orders into one object (nomenclature sync off, so only orders are measured), then shop-made
/// products and customers into the warehouse (nomenclature sync on; no orders pending).
/// </summary>
internal static class ImportScenarios
{
    public static async Task<ScenarioResult> OrdersAsync(BenchmarkContext context, CancellationToken ct)
    {
        var products = await context.LinksAsync("Product", ct).ConfigureAwait(false);
        var customers = await context.LinksAsync("Customer", ct).ConfigureAwait(false);
        var sizes = context.Sizes;
        var (drafts, specs) = OrderWorkload.Create(sizes.Orders, sizes.LinesPerOrder, products, customers);
        await context.Shop.BulkAsync("orders/bulk", drafts, ct).ConfigureAwait(false);

        var (report, cost) = await context.RunEngineAsync(ScenarioNames.OrderImport, s => s.Import.SyncNomenclature = false,
            engine => engine.ImportAsync(cancellationToken: ct), ct).ConfigureAwait(false);
        if (report.Import!.OrdersImported != sizes.Orders)
        {
            throw new InvalidOperationException($"The engine imported {report.Import.OrdersImported} of {sizes.Orders} orders " +
                $"({report.Import.OrdersQuarantined} quarantined: {string.Join("; ", report.Quarantine.Take(3).Select(q => q.Reason))}).");
        }

        var floor = await OrderImportFloor.MeasureAsync(context.Db, context.Data.ObjectId, specs, ct).ConfigureAwait(false);
        var size = string.Create(CultureInfo.InvariantCulture, $"{sizes.Orders:N0} orders × {sizes.LinesPerOrder} lines");
        return BenchmarkContext.Result(ScenarioNames.OrderImport, size, sizes.Orders, report.Import.OrdersImported, report, cost, floor);
    }

    public static async Task<ScenarioResult> NomenclatureAsync(BenchmarkContext context, CancellationToken ct)
    {
        var sizes = context.Sizes;
        var products = Enumerable.Range(1, sizes.ShopProducts).Select(n => new SandboxProductDraft
        {
            Sku = "SHOP-" + n.ToString(CultureInfo.InvariantCulture),
            Name = $"Продукт от магазина {n}",
            Price = 2.50m + n % 200,
            Barcode = n % 2 == 0 ? (3900000000000L + n).ToString(CultureInfo.InvariantCulture) : null,
            Description = n % 5 == 0 ? $"Създаден в админа на магазина ({n})" : null,
        }).ToList();
        var customers = Enumerable.Range(1, sizes.ShopCustomers).Select(n => new SandboxCustomerDraft
        {
            Type = n % 3 == 0 ? "company" : "person",
            Name = n % 3 == 0 ? $"Онлайн Фирма {n} ЕООД" : $"Купувач {n}",
            Email = $"shopper{n}@example.net",
            Eik = n % 3 == 0 ? (300000000 + n).ToString(CultureInfo.InvariantCulture) : null,
            City = "Варна",
            Phone = "+35987" + (2000000 + n).ToString(CultureInfo.InvariantCulture),
        }).ToList();
        await context.Shop.BulkAsync("products/bulk", products, ct).ConfigureAwait(false);
        await context.Shop.BulkAsync("customers/bulk", customers, ct).ConfigureAwait(false);

        var (report, cost) = await context.RunEngineAsync(ScenarioNames.NomenclatureImport, s => s.Import.SyncNomenclature = true,
            engine => engine.ImportAsync(cancellationToken: ct), ct).ConfigureAwait(false);
        var written = report.Import!.GoodsCreated + report.Import.PartnersCreated;
        if (report.Import.GoodsCreated != sizes.ShopProducts)
        {
            throw new InvalidOperationException($"The engine created {report.Import.GoodsCreated} goods of {sizes.ShopProducts} shop products " +
                $"({string.Join("; ", report.Quarantine.Take(3).Select(q => q.Reason))}).");
        }

        var floor = await NomenclatureImportFloor.MeasureAsync(context.Db, sizes.ShopProducts, sizes.ShopCustomers, ct).ConfigureAwait(false);
        var size = string.Create(CultureInfo.InvariantCulture, $"{sizes.ShopProducts:N0} products, {sizes.ShopCustomers:N0} customers");
        return BenchmarkContext.Result(ScenarioNames.NomenclatureImport, size, sizes.ShopProducts + sizes.ShopCustomers, written, report, cost, floor);
    }
}
