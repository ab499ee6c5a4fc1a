using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Changes;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export.FastPath;

/// <summary>
/// One fast pass: the goods and partners whose ID range's checksum changed are read and compared (when the catalogue
/// is checked this pass), then the goods that new operation rows in the watched objects moved get their stock read
/// and compared — each against its remembered content hash, so nothing unchanged is sent and nothing is sent twice.
/// What was looked at is remembered (the marks) only after the shop answered and the links were written: a crash in
/// between looks again, and sends again at most the batch whose links were not written.
/// </summary>
internal static class FastExporter
{
    /// <summary>More goods moved than this at once (a large import): the full stock comparison is cheaper than ID lists.</summary>
    internal const int MaxMovedGoods = 5000;

    /// <summary>
    /// What the reconciliation took before its full read (remembered when it finished), the checksums it read, and
    /// whether it computed them (false: the change stamp vouched for the remembered ones).
    /// </summary>
    internal sealed record Captured(
        List<KeyValuePair<string, string?>> Marks,
        IReadOnlyList<RangeChecksum>? Goods,
        IReadOnlyList<RangeChecksum>? Partners,
        bool CatalogueChecked = false);

    /// <summary>Runs a fast pass.</summary>
    public static async Task RunAsync(SyncSession session, bool checkCatalogue, CancellationToken ct)
    {
        var collector = session.Collector;
        var text = await session.State.ReadMarkAsync(session.Scope, OperationsMark.Name, ct).ConfigureAwait(false);
        if (!OperationsMark.TryParse(text, out var operations))
        {
            collector.FastPass(armed: false);
            return;
        }

        collector.FastPass(armed: true);
        var created = new List<int>();
        if (checkCatalogue)
        {
            collector.CatalogueChecked();
            if (session.Server.Export.Goods)
            {
                created = await GoodsAsync(session, ct).ConfigureAwait(false);
            }

            if (session.Server.Export.Partners)
            {
                await PartnersAsync(session, ct).ConfigureAwait(false);
            }
        }

        await StockAsync(session, operations, created, ct).ConfigureAwait(false);
    }

    /// <summary>Products of the goods ranges that changed; returns the goods sent (their stock goes next).</summary>
    private static async Task<List<int>> GoodsAsync(SyncSession session, CancellationToken ct)
    {
        var store = session.Store;
        var stored = await session.State.ReadMarksAsync(session.Scope, CatalogueMarks.Goods, ct).ConfigureAwait(false);
        if (!CatalogueMarks.Armed(CatalogueMarks.Goods, stored))
        {
            return [];
        }

        var column = session.Server.Export.PriceColumn;
        var current = await store.ReadChecksumsAsync(ChangeTable.Goods, column, ct).ConfigureAwait(false);
        var (changed, marks) = CatalogueMarks.Compare(CatalogueMarks.Goods, stored, current);
        if (marks.Count == 0)
        {
            return [];
        }

        session.Collector.RangesChanged(changed.Count);
        var sent = new List<int>();
        if (changed.Count > 0)
        {
            // A new good may sit in a new group: the categories (a few hundred rows) go first, as in the full export.
            await CategoryExporter.RunAsync(session, ct).ConfigureAwait(false);
            var goods = new List<Good>();
            var links = new List<SyncLink>();
            foreach (var bucket in changed)
            {
                goods.AddRange(await store.ReadGoodsForShopInRangeAsync(column, ChangeBuckets.From(bucket), ChangeBuckets.To(bucket), ct).ToListAsync(ct).ConfigureAwait(false));
                links.AddRange(await session.State.ReadLinksInRangeAsync(session.Scope, SyncEntity.Product, ChangeBuckets.From(bucket), ChangeBuckets.To(bucket), ct).ToListAsync(ct).ConfigureAwait(false));
            }

            var table = LinkTable.Of(SyncEntity.Product, links);
            await using var sender = new DeltaSender<ProductUpsert>(session, table, ExportedEntity.Products, session.Api.UpsertProductsAsync);
            var basis = session.Basis;
            var shippingCode = session.Server.Import.ShippingGoodCode.Trim();
            foreach (var good in goods)
            {
                // The rules of the full product export: no service rows, no shipping good, a deleted good only when the shop has it.
                if (good.Id <= 1 || string.Equals(good.Code.Trim(), shippingCode, StringComparison.OrdinalIgnoreCase) ||
                    (good.IsDeleted && table.ByLocal(good.Id)?.RemoteId is null))
                {
                    continue;
                }

                if (sender.Hold(good.Id, ProductMapper.Map(good, column, basis), ct))
                {
                    sent.Add(good.Id);
                }
            }

            await sender.FlushAsync(ct).ConfigureAwait(false);
        }

        if (!session.DryRun)
        {
            await session.State.SaveMarksAsync(session.Scope, marks, ct).ConfigureAwait(false);
        }

        return sent;
    }

    /// <summary>Customers of the partners ranges that changed.</summary>
    private static async Task PartnersAsync(SyncSession session, CancellationToken ct)
    {
        var store = session.Store;
        var stored = await session.State.ReadMarksAsync(session.Scope, CatalogueMarks.Partners, ct).ConfigureAwait(false);
        if (!CatalogueMarks.Armed(CatalogueMarks.Partners, stored))
        {
            return;
        }

        var current = await store.ReadChecksumsAsync(ChangeTable.Partners, session.Server.Export.PriceColumn, ct).ConfigureAwait(false);
        var (changed, marks) = CatalogueMarks.Compare(CatalogueMarks.Partners, stored, current);
        if (marks.Count == 0)
        {
            return;
        }

        session.Collector.RangesChanged(changed.Count);
        if (changed.Count > 0)
        {
            var partners = new List<Partner>();
            var links = new List<SyncLink>();
            foreach (var bucket in changed)
            {
                partners.AddRange(await store.ReadPartnersInRangeAsync(ChangeBuckets.From(bucket), ChangeBuckets.To(bucket), ct).ToListAsync(ct).ConfigureAwait(false));
                links.AddRange(await session.State.ReadLinksInRangeAsync(session.Scope, SyncEntity.Customer, ChangeBuckets.From(bucket), ChangeBuckets.To(bucket), ct).ToListAsync(ct).ConfigureAwait(false));
            }

            await using var sender = new DeltaSender<CustomerUpsert>(session, LinkTable.Of(SyncEntity.Customer, links), ExportedEntity.Customers, session.Api.UpsertCustomersAsync);
            foreach (var partner in partners)
            {
                if (partner.Id > 1 && !partner.IsDeleted)
                {
                    sender.Hold(partner.Id, CustomerMapper.Map(partner), ct);
                }
            }

            await sender.FlushAsync(ct).ConfigureAwait(false);
        }

        if (!session.DryRun)
        {
            await session.State.SaveMarksAsync(session.Scope, marks, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Stock of the goods new operations moved in the watched objects (and of <paramref name="extra"/>).</summary>
    private static async Task StockAsync(SyncSession session, OperationsMark mark, IReadOnlyCollection<int> extra, CancellationToken ct)
    {
        var store = session.Store;
        var collector = session.Collector;
        var probe = await store.ProbeOperationsAsync(mark.Floor, long.MaxValue, ct).ConfigureAwait(false);
        var changed = !mark.Unchanged(probe);
        var goods = new HashSet<int>(extra);
        var next = mark;
        if (changed)
        {
            collector.OperationsChanged();
            var floor = mark.Floor;
            var upper = probe.MaxId ?? mark.Floor;
            if (upper < mark.Max)
            {
                // Rows at the top are gone: a deleted document, or a restored backup whose IDs may now lie below the floor.
                // Their goods cannot be named from here; the reconciliation compares all stock.
                collector.FastPathNote("Operations were removed (a deleted document or a restored backup?): the next full export compares all stock.");
                if (probe.Rows == 0)
                {
                    upper = (await store.ProbeOperationsAsync(0, long.MaxValue, ct).ConfigureAwait(false)).MaxId ?? 0;
                    floor = OperationsMark.FloorBelow(upper);
                }
            }

            var overflow = false;
            await foreach (var id in store.ReadMovedGoodsAsync(floor, upper, session.StockObjectIds, ct).ConfigureAwait(false))
            {
                if (goods.Count >= MaxMovedGoods)
                {
                    overflow = true;
                    break;
                }

                goods.Add(id);
            }

            var nextFloor = OperationsMark.NextFloor(floor, upper);
            var rows = nextFloor >= upper ? 0 : (await store.ProbeOperationsAsync(nextFloor, upper, ct).ConfigureAwait(false)).Rows;
            next = new OperationsMark(nextFloor, upper, rows);
            collector.GoodsMoved(goods.Count);
            if (overflow)
            {
                var products = await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Product, ct).ConfigureAwait(false);
                var plan = await StockExporter.PrepareAsync(session, Task.FromResult(products), ct).ConfigureAwait(false);
                await StockExporter.SendAsync(session, plan, products, streamed: null, ct).ConfigureAwait(false);
                goods.Clear();
            }
        }

        await SendStockAsync(session, goods, ct).ConfigureAwait(false);
        if (changed && !session.DryRun)
        {
            await session.State.SaveMarkAsync(session.Scope, OperationsMark.Name, next.ToString(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads and sends the stock of some goods: only those linked to a shop product, only what changed.</summary>
    private static async Task SendStockAsync(SyncSession session, IReadOnlyCollection<int> goods, CancellationToken ct)
    {
        if (goods.Count == 0)
        {
            return;
        }

        var store = session.Store;
        var products = await session.State.ReadLinksOfAsync(session.Scope, SyncEntity.Product, goods, ct).ToListAsync(ct).ConfigureAwait(false);
        var linked = products.Where(l => l.RemoteId is not null).Select(l => l.LocalId).Order().ToList();
        if (linked.Count == 0)
        {
            return;
        }

        var links = LinkTable.Of(SyncEntity.Stock, await session.State.ReadLinksOfAsync(session.Scope, SyncEntity.Stock, linked, ct).ToListAsync(ct).ConfigureAwait(false));
        var quantities = new Dictionary<int, decimal>();
        await foreach (var level in store.ReadStockOfGoodsAsync(session.StockObjectIds, linked, ct).ConfigureAwait(false))
        {
            quantities[level.GoodId] = quantities.GetValueOrDefault(level.GoodId) + level.Quantity;
        }

        await using var sender = new DeltaSender<StockUpsert>(session, links, ExportedEntity.Stock, session.Api.UpdateStockAsync);
        foreach (var goodId in linked)
        {
            await sender.OfferAsync(goodId, StockExporter.Item(goodId, quantities), ct).ConfigureAwait(false);
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }
}
