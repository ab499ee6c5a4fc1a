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
/// <remarks>
/// <see cref="PrepareAsync"/> reads the stock links and levels and hashes the item of every good already linked to a
/// product, while the other exports read; <see cref="SendAsync"/> runs after the products were sent, adds the goods they
/// just linked, and sends what changed, in good order.
/// </remarks>
internal static class StockExporter
{
    /// <summary>What <see cref="PrepareAsync"/> read: the stock links, the quantities, and the items hashed so far.</summary>
    internal sealed class Plan(LinkTable links, Dictionary<int, decimal> quantities, Dictionary<int, (StockUpsert Item, ContentHash.Digest Hash)> items)
    {
        public LinkTable Links => links;

        public Dictionary<int, decimal> Quantities => quantities;

        public Dictionary<int, (StockUpsert Item, ContentHash.Digest Hash)> Items => items;
    }

    /// <summary>Reads the stock links and levels (only reads) and hashes the item of every good linked so far.</summary>
    public static async Task<Plan> PrepareAsync(SyncSession session, CancellationToken ct)
    {
        var linksTask = Task.Run(() => LinkTable.ReadAsync(session.Store, session.Scope, SyncEntity.Stock, ct), ct);
        var quantities = new Dictionary<int, decimal>();
        try
        {
            await foreach (var level in session.Store.ReadStockAsync(session.StockObjectIds, ct).ConfigureAwait(false))
            {
                quantities[level.GoodId] = quantities.GetValueOrDefault(level.GoodId) + level.Quantity;
            }
        }
        catch (Exception)
        {
            // Let the other reader close before the failure goes up.
            await Task.WhenAny(linksTask).ConfigureAwait(false);
            throw;
        }

        var links = await linksTask.ConfigureAwait(false);
        var products = await session.ProductLinksAsync(ct).ConfigureAwait(false);
        var items = new Dictionary<int, (StockUpsert Item, ContentHash.Digest Hash)>();
        foreach (var goodId in products.LocalIds)
        {
            if (products.ByLocal(goodId)?.RemoteId is not null)
            {
                var item = Item(goodId, quantities);
                items[goodId] = (item, ContentHash.Compute(item));
            }
        }

        return new Plan(links, quantities, items);
    }

    /// <summary>Sends the changed stock of every good linked now (after the products were sent).</summary>
    public static async Task SendAsync(SyncSession session, Plan plan, CancellationToken ct)
    {
        var products = await session.ProductLinksAsync(ct).ConfigureAwait(false);
        var linked = products.LocalIds.Where(id => products.ByLocal(id)?.RemoteId is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }

        linked.Sort();
        var sender = new DeltaSender<StockUpsert>(session, plan.Links, "stock", session.Report.Export!.Stock, session.Api.UpdateStockAsync);
        foreach (var goodId in linked)
        {
            if (plan.Items.TryGetValue(goodId, out var prepared))
            {
                await sender.OfferAsync(goodId, prepared.Item, prepared.Hash, ct).ConfigureAwait(false);
            }
            else
            {
                await sender.OfferAsync(goodId, Item(goodId, plan.Quantities), ct).ConfigureAwait(false);
            }
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }

    private static StockUpsert Item(int goodId, Dictionary<int, decimal> quantities) =>
        new(goodId.ToString(CultureInfo.InvariantCulture), Math.Max(0m, Amounts.Round3(quantities.GetValueOrDefault(goodId))));
}
