using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>
/// Quantities of every good the shop knows, from the stock object(s), summed over lots and objects, never below zero
/// (a shop cannot sell minus stock). Goods without store rows go as zero.
/// </summary>
/// <remarks>
/// <see cref="PrepareAsync"/> reads the stock links and levels and hashes the item of every good already linked to a
/// product, while the other exports read; <see cref="SendAsync"/> runs after the products were sent and remembered, adds
/// the goods they just linked, and sends what changed, in good order.
/// </remarks>
internal static class StockExporter
{
    /// <summary>
    /// What <see cref="PrepareAsync"/> read: the stock links, the quantities, and the hashes of the goods linked then
    /// (sorted IDs beside their hashes: two arrays sized once, no dictionary of 100,000 items).
    /// </summary>
    internal sealed record Plan(LinkTable Links, Dictionary<int, decimal> Quantities, int[] HashedIds, ContentHash.Digest[] Hashes);

    /// <summary>
    /// Reads the stock links and levels (only reads, side by side) and hashes the item of every good linked so far
    /// (<paramref name="productLinks"/>: as the run found them).
    /// </summary>
    public static async Task<Plan> PrepareAsync(SyncSession session, Task<LinkTable> productLinks, CancellationToken ct)
    {
        LinkTable? links = null;
        var quantities = new Dictionary<int, decimal>();
        await Stages.RunAsync(
            [
                async t => links = await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Stock, t).ConfigureAwait(false),
                async t =>
                {
                    await foreach (var level in session.Store.ReadStockAsync(session.StockObjectIds, t).ConfigureAwait(false))
                    {
                        quantities[level.GoodId] = quantities.GetValueOrDefault(level.GoodId) + level.Quantity;
                    }
                },
            ],
            ct).ConfigureAwait(false);
        var ids = Linked(await productLinks.WaitAsync(ct).ConfigureAwait(false));
        var hashes = new ContentHash.Digest[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            hashes[i] = ContentHash.Compute(Item(ids[i], quantities));
        }

        return new Plan(links!, quantities, ids, hashes);
    }

    /// <summary>
    /// Sends the changed stock of every good linked now (<paramref name="productLinks"/>: after the products were
    /// remembered, so it covers the products just created), in good order.
    /// </summary>
    public static async Task SendAsync(SyncSession session, Plan plan, LinkTable productLinks, CancellationToken ct)
    {
        var linked = Linked(productLinks);
        if (linked.Length == 0)
        {
            return;
        }

        await using var sender = new DeltaSender<StockUpsert>(session, plan.Links, ExportedEntity.Stock, session.Api.UpdateStockAsync);
        var hashed = 0;
        foreach (var goodId in linked)
        {
            // Both lists are sorted: walk the hashed one alongside. Goods the products just linked are hashed now.
            while (hashed < plan.HashedIds.Length && plan.HashedIds[hashed] < goodId)
            {
                hashed++;
            }

            var item = Item(goodId, plan.Quantities);
            if (hashed < plan.HashedIds.Length && plan.HashedIds[hashed] == goodId)
            {
                await sender.OfferAsync(goodId, item, plan.Hashes[hashed], ct).ConfigureAwait(false);
            }
            else
            {
                await sender.OfferAsync(goodId, item, ct).ConfigureAwait(false);
            }
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The goods linked to a shop product, sorted.</summary>
    private static int[] Linked(LinkTable products)
    {
        var ids = products.LocalIds.Where(id => products.ByLocal(id)?.RemoteId is not null).ToArray();
        Array.Sort(ids);
        return ids;
    }

    /// <summary>The stock item of a good: its quantity summed over the objects, never below zero.</summary>
    internal static StockUpsert Item(int goodId, Dictionary<int, decimal> quantities) =>
        new(goodId.ToString(CultureInfo.InvariantCulture), Math.Max(0m, Amounts.Round3(quantities.GetValueOrDefault(goodId))));
}
