using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Sync.Money;
using Shopiko.Sync.Sync.SyncState;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Export;

/// <summary>
/// Quantities of every good the shop knows, from the stock object(s), summed over lots and objects, never below zero
/// (a shop cannot sell minus stock). Goods without store rows go as zero.
/// </summary>
internal static class StockExporter
{
    public static async Task RunAsync(SyncSession session, CancellationToken ct)
    {
        var products = await session.ProductLinksAsync(ct).ConfigureAwait(false);
        var linked = products.LocalIds.Where(id => products.ByLocal(id)?.RemoteId is not null).ToHashSet();
        if (linked.Count == 0)
        {
            return;
        }

        var links = await LinkTable.ReadAsync(session.Store, session.Scope, SyncEntity.Stock, ct).ConfigureAwait(false);
        var sender = new DeltaSender<StockUpsert>(session, links, "stock", session.Report.Export!.Stock, session.Api.UpdateStockAsync);
        var quantities = new Dictionary<int, decimal>();
        await foreach (var level in session.Store.ReadStockAsync(session.StockObjectIds, ct).ConfigureAwait(false))
        {
            if (linked.Contains(level.GoodId))
            {
                quantities[level.GoodId] = quantities.GetValueOrDefault(level.GoodId) + level.Quantity;
            }
        }

        foreach (var goodId in linked.Order())
        {
            var quantity = Math.Max(0m, Amounts.Round3(quantities.GetValueOrDefault(goodId)));
            await sender.OfferAsync(goodId, new StockUpsert(goodId.ToString(CultureInfo.InvariantCulture), quantity), ct).ConfigureAwait(false);
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }
}
