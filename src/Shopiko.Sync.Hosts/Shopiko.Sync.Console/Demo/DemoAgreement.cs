using System.Globalization;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Console.Demo;

/// <summary>A product as the comparison sees it: the warehouse's stock and what the shop shows.</summary>
/// <param name="Code">Goods.Code / the shop sku.</param>
/// <param name="Name">The good's name.</param>
/// <param name="WarehouseStock">Stock in the exported objects.</param>
/// <param name="ShopStock">The shop's quantity (null: the shop has no product for the good).</param>
internal sealed record StockPair(string Code, string Name, decimal WarehouseStock, decimal? ShopStock);

/// <summary>An order as the comparison sees it: the shop's total and acknowledgement, the warehouse's document.</summary>
/// <param name="Number">The shop order number.</param>
/// <param name="ShopTotal">The order's grand total in the shop.</param>
/// <param name="AcknowledgedDocument">The document the shop was told (null: not acknowledged).</param>
/// <param name="WarehouseDocument">The document the warehouse recorded for it (null: none).</param>
/// <param name="DocumentTotal">What that document's lines add up to (null: no lines).</param>
internal sealed record OrderPair(string Number, decimal ShopTotal, string? AcknowledgedDocument, string? WarehouseDocument, decimal? DocumentTotal);

/// <summary>
/// The demo's last line is a claim: "both sides agree". It is made only after comparing them, through the library's
/// public doors (the store, the sandbox's state): every product's shop quantity equals the warehouse stock, every order
/// is acknowledged with a sale the warehouse holds, and each document totals its order.
/// </summary>
internal static class DemoAgreement
{
    /// <summary>What differs, in words; empty when both sides agree. A pure function over what was read.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<StockPair> stock, IReadOnlyList<OrderPair> orders)
    {
        var differences = new List<string>();
        foreach (var s in stock)
        {
            if (s.ShopStock is not { } shop)
            {
                differences.Add($"good '{s.Code}' {s.Name}: the shop has no product for it (warehouse stock {Qty(s.WarehouseStock)})");
            }
            else if (shop != s.WarehouseStock)
            {
                differences.Add($"good '{s.Code}' {s.Name}: the shop shows {Qty(shop)}, the warehouse holds {Qty(s.WarehouseStock)}");
            }
        }

        foreach (var o in orders)
        {
            if (o.WarehouseDocument is null)
            {
                differences.Add($"order {o.Number}: the warehouse has no document for it");
                continue;
            }

            if (o.AcknowledgedDocument is null)
            {
                differences.Add($"order {o.Number}: the shop was never told it became {o.WarehouseDocument}");
            }
            else if (!string.Equals(o.AcknowledgedDocument, o.WarehouseDocument, StringComparison.Ordinal))
            {
                differences.Add($"order {o.Number}: the shop was told {o.AcknowledgedDocument}, the warehouse wrote {o.WarehouseDocument}");
            }

            if (o.DocumentTotal is not { } total)
            {
                differences.Add($"order {o.Number}: document {o.WarehouseDocument} has no lines");
            }
            else if (total != o.ShopTotal)
            {
                differences.Add($"order {o.Number}: document {o.WarehouseDocument} totals {Money(total)}, the order {Money(o.ShopTotal)}");
            }
        }

        return differences;
    }

    /// <summary>Reads both sides: the goods' stock in <paramref name="objectIds"/> and every placed order's document.</summary>
    public static async Task<IReadOnlyList<string>> CompareAsync(
        IWarehouseStore store, SandboxShop shop, IReadOnlyList<int> objectIds, IReadOnlyList<ShopOrder> placed, CancellationToken ct)
    {
        var info = await store.GetInfoAsync(ct).ConfigureAwait(false);
        var levels = new Dictionary<int, decimal>();
        await foreach (var level in store.ReadStockAsync(objectIds, ct).ConfigureAwait(false))
        {
            levels[level.GoodId] = levels.GetValueOrDefault(level.GoodId) + level.Quantity;
        }

        var stock = new List<StockPair>();
        await foreach (var good in store.ReadGoodsAsync(ct).ConfigureAwait(false))
        {
            if (!good.IsDeleted && !good.IsService)
            {
                stock.Add(new StockPair(good.Code, good.Name, levels.GetValueOrDefault(good.Id), shop.State.StockOf(good.Id.ToString(CultureInfo.InvariantCulture))));
            }
        }

        // The warehouse side of an order is the sale the shop was told it became (the library's own record of it is
        // its sync state, no public door): the document must exist in the demo's object and total the order.
        var acks = shop.State.Acks;
        var orders = new List<OrderPair>();
        foreach (var order in placed)
        {
            var current = shop.State.Orders.FirstOrDefault(o => o.Id == order.Id) ?? order;
            var acknowledged = acks.LastOrDefault(a => a.OrderId == order.Id)?.Document;
            string? written = null;
            decimal? total = null;
            if (SaleAcct(acknowledged) is { } acct)
            {
                foreach (var objectId in objectIds)
                {
                    var lines = await store.ReadDocumentLinesAsync(SaleOperType, acct, objectId, ct).ConfigureAwait(false);
                    if (lines.Count > 0)
                    {
                        written = acknowledged;
                        total = lines.Sum(l => l.Total(info.Settings.PricesIncludeVat));
                        break;
                    }
                }
            }

            orders.Add(new OrderPair(current.Number, current.Totals.GrandTotal, acknowledged, written, total));
        }

        return Differences(stock, orders);
    }

    /// <summary>Warehouse Pro's operation type of a sale, the document the demo's orders become.</summary>
    private const int SaleOperType = 2;

    /// <summary>The Acct of a sale's number (<c>S</c> and its digits, e.g. <c>S0000000012</c>), or null for any other.</summary>
    private static long? SaleAcct(string? number) =>
        number is { Length: > 1 } && number[0] == 'S' && long.TryParse(number.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var acct) ? acct : null;

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Qty(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
