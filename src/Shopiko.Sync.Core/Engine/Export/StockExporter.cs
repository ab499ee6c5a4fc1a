using System.Globalization;
using System.Threading.Channels;
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
/// product, while the other exports read. <see cref="StreamAsync"/>, beside the product sends, sends what changed of the
/// goods linked before the run, and the stock of each good the moment the shop accepted it as a product: a first export
/// does not send 100,000 products and only then 100,000 quantities. <see cref="SendAsync"/> runs after the products were
/// sent and remembered and sends the rest (what was not streamed: the goods the last product batch linked, or all of
/// them where nothing streamed), in good order.
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
    /// What <see cref="StreamAsync"/> offered: the goods of its plan once it offered them all, and each good a product
    /// answer linked. Read once the stream's stage has ended.
    /// </summary>
    internal sealed class Streamed
    {
        private readonly HashSet<int> _linked = [];
        private int[] _planned = [];

        /// <summary>True when the stock of <paramref name="goodId"/> was offered.</summary>
        public bool Offered(int goodId) => _linked.Contains(goodId) || Array.BinarySearch(_planned, goodId) >= 0;

        internal void OfferedPlan(Plan plan) => _planned = plan.HashedIds;

        /// <summary>Records a good a product answer linked; false when its stock was offered already.</summary>
        internal bool Offer(int goodId) => Array.BinarySearch(_planned, goodId) < 0 && _linked.Add(goodId);
    }

    /// <summary>
    /// Beside the product sends: offers the stock of every good linked before the run (hashed by the plan), then of each
    /// good the shop accepts as a product (<paramref name="accepted"/>, the product sender's answers as they arrive), until
    /// that feed ends. The sender is handed to <paramref name="ready"/> once the plan is there (its stage sends the full
    /// batches; the caller flushes it). <paramref name="streamed"/> records what was offered, for <see cref="SendAsync"/>.
    /// </summary>
    public static async Task StreamAsync(
        SyncSession session,
        Task<Plan> planTask,
        ChannelReader<int[]> accepted,
        TaskCompletionSource<DeltaSender<StockUpsert>> ready,
        Streamed streamed,
        CancellationToken ct)
    {
        var plan = await planTask.WaitAsync(ct).ConfigureAwait(false);
        var sender = new DeltaSender<StockUpsert>(session, plan.Links, ExportedEntity.Stock, session.Api.UpdateStockAsync, sendsAsStage: true);
        if (!ready.TrySetResult(sender))
        {
            // The step stopped before the sender was handed over: it would never be run.
            throw new OperationCanceledException("The export stopped before the stock sender was handed over.", ct);
        }

        for (var i = 0; i < plan.HashedIds.Length; i++)
        {
            sender.Hold(plan.HashedIds[i], Item(plan.HashedIds[i], plan.Quantities), plan.Hashes[i], ct);
        }

        streamed.OfferedPlan(plan);
        await foreach (var ids in accepted.ReadAllAsync(ct).ConfigureAwait(false))
        {
            foreach (var goodId in ids)
            {
                // A good linked before the run went above; a product the shop answered twice (never) goes once.
                if (streamed.Offer(goodId))
                {
                    sender.Hold(goodId, Item(goodId, plan.Quantities), ct);
                }
            }
        }

        sender.Complete(ct);
    }

    /// <summary>
    /// Sends the changed stock of every good linked now (<paramref name="productLinks"/>: after the products were
    /// remembered, so it covers the products just created), in good order.
    /// </summary>
    /// <param name="session">The run.</param>
    /// <param name="plan">What <see cref="PrepareAsync"/> read.</param>
    /// <param name="productLinks">The product links now.</param>
    /// <param name="streamed">What <see cref="StreamAsync"/> already offered (left out here); null: nothing was.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task SendAsync(SyncSession session, Plan plan, LinkTable productLinks, Streamed? streamed, CancellationToken ct)
    {
        var linked = Linked(productLinks);
        if (streamed is not null)
        {
            linked = Array.FindAll(linked, id => !streamed.Offered(id));
        }

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
