using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Matching;

/// <summary>Both systems hold goods or partners and nothing links them: the original bridge's refusal.</summary>
public sealed class BothSystemsHaveDataException : ShopikoSyncException
{
    /// <summary>Creates the exception.</summary>
    public BothSystemsHaveDataException(string message) : base(message) { }
}

/// <summary>What the first-run check found.</summary>
/// <param name="Matching">What matching linked, when it ran.</param>
/// <param name="ExportUnderWay">
/// The run is a first export to a shop that was empty (<see cref="FirstRunGuard.ShopWasEmptyMark"/> is set): the export
/// clears the mark once it has finished.
/// </param>
internal sealed record FirstRun(MatchReport? Matching, bool ExportUnderWay)
{
    /// <summary>Not a first run, or nothing to match or remember.</summary>
    public static readonly FirstRun Nothing = new(null, false);
}

/// <summary>
/// The first run with nothing linked: if both the warehouse and the shop already hold goods or partners, the original
/// bridge refused, because it could not know which records are the same. Matching lifts that: existing records are
/// linked by code/sku, barcode, EIK, VAT number or e-mail; what is ambiguous stays unlinked and is reported.
/// </summary>
internal static class FirstRunGuard
{
    /// <summary>The mark saying the shop was empty when the first run with nothing linked began.</summary>
    internal const string ShopWasEmptyMark = "first-run.shop-was-empty";

    /// <summary>Checks, and matches when configured. Returns the matching report when matching ran, and whether a first export to an empty shop is under way.</summary>
    /// <exception cref="BothSystemsHaveDataException">Both sides hold data, nothing is linked, matching is off.</exception>
    /// <param name="session">The run.</param>
    /// <param name="export">The run exports: an empty shop is then remembered until the export has finished.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<FirstRun> RunAsync(SyncSession session, bool export, CancellationToken ct)
    {
        var store = session.Store;
        // One index probe each: reading the rows (and a MySQL reader draining 100,000 of them on close) cost a tenth of a second.
        if (await session.State.HasLinksAsync(session.Scope, SyncEntity.Product, ct).ConfigureAwait(false) ||
            await session.State.HasLinksAsync(session.Scope, SyncEntity.Customer, ct).ConfigureAwait(false))
        {
            return FirstRun.Nothing;
        }

        var shopHasData = session.Shop.Counts.Products > 0 || session.Shop.Counts.Customers > 0;
        if (!shopHasData)
        {
            // Remembered before anything is sent: a first export that stops after the shop took a batch but before its
            // links were written leaves the shop holding only what this engine sent, and the next run must go on (the
            // shop upserts by externalId, so sending again duplicates nothing) rather than refuse as if it were foreign.
            // The export clears the mark when it finishes, so it never vouches for records that appear later.
            if (export && !session.DryRun)
            {
                await session.State.SaveMarkAsync(session.Scope, ShopWasEmptyMark, session.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
                return new FirstRun(null, ExportUnderWay: true);
            }

            return FirstRun.Nothing;
        }

        if (await session.State.ReadMarkAsync(session.Scope, ShopWasEmptyMark, ct).ConfigureAwait(false) is not null)
        {
            // The shop was empty when a first export of ours began, and that export never finished: what the shop holds
            // now is what it sent. This run finishes it (and clears the mark when it does).
            return new FirstRun(null, ExportUnderWay: export && !session.DryRun);
        }

        var shippingCode = session.Server.Import.ShippingGoodCode.Trim();
        var warehouseHasData =
            await AnyAsync(store.ReadGoodsAsync(ct), g => !g.IsDeleted && !string.Equals(g.Code.Trim(), shippingCode, StringComparison.OrdinalIgnoreCase)).ConfigureAwait(false) ||
            await AnyAsync(store.ReadPartnersAsync(ct), p => !p.IsDeleted).ConfigureAwait(false);
        if (!warehouseHasData)
        {
            return FirstRun.Nothing;
        }

        if (!session.Server.Matching.Enabled)
        {
            throw new BothSystemsHaveDataException(
                $"Both the warehouse and the shop already hold goods or partners (the shop has {session.Shop.Counts.Products} products and {session.Shop.Counts.Customers} customers), and nothing links them yet. " +
                "Synchronising now could duplicate or overwrite records. Either start with one empty side, or turn on matching (Matching:Enabled = true) to link existing records by code, barcode, EIK, VAT number or e-mail.");
        }

        return new FirstRun(await MatchAsync(session, ct).ConfigureAwait(false), ExportUnderWay: false);
    }

    private static async Task<MatchReport> MatchAsync(SyncSession session, CancellationToken ct)
    {
        var store = session.Store;
        var goods = await store.ReadGoodsAsync(ct).ToListAsync(ct).ConfigureAwait(false);
        var partners = await store.ReadPartnersAsync(ct).ToListAsync(ct).ConfigureAwait(false);
        var products = await session.Api.GetProductsAsync(null, ct).ToListAsync(ct).ConfigureAwait(false);
        var customers = await session.Api.GetCustomersAsync(null, ct).ToListAsync(ct).ConfigureAwait(false);

        var goodsResult = MatchPlanner.MatchGoods(goods, products);
        var partnersResult = MatchPlanner.MatchPartners(partners, customers);
        Log.Matched(session.Logger, "goods", goodsResult.Matched.Count, goodsResult.Ambiguous.Count, goodsResult.New);
        Log.Matched(session.Logger, "partners", partnersResult.Matched.Count, partnersResult.Ambiguous.Count, partnersResult.New);

        if (session.DryRun)
        {
            // Named as the merchant knows them (code and name), not by internal IDs.
            var goodById = goods.ToDictionary(g => g.Id);
            var productById = products.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
            var partnerById = partners.ToDictionary(p => p.Id);
            var customerById = customers.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
            session.Collector.Plan(goodsResult.Matched.Select(m =>
                $"link good {(goodById.TryGetValue(m.LocalId, out var g) ? $"'{g.Code}' {g.Name}" : m.LocalId.ToString(System.Globalization.CultureInfo.InvariantCulture))} " +
                $"to product {(productById.TryGetValue(m.RemoteId, out var p) ? $"'{p.Sku}' {p.Name}" : m.RemoteId)} (by {m.How})"));
            session.Collector.Plan(partnersResult.Matched.Select(m =>
                $"link partner {(partnerById.TryGetValue(m.LocalId, out var w) ? $"'{w.Code}' {w.Company}" : m.LocalId.ToString(System.Globalization.CultureInfo.InvariantCulture))} " +
                $"to customer {(customerById.TryGetValue(m.RemoteId, out var c) ? $"'{c.Name}'" : m.RemoteId)} (by {m.How})"));
        }
        else
        {
            await LinkAsync(session, SyncEntity.Product, goodsResult, session.Api.LinkProductsAsync, ct).ConfigureAwait(false);
            await LinkAsync(session, SyncEntity.Customer, partnersResult, session.Api.LinkCustomersAsync, ct).ConfigureAwait(false);
        }

        return new MatchReport
        {
            Matched = goodsResult.Matched.Count + partnersResult.Matched.Count,
            Ambiguous = [.. goodsResult.Ambiguous, .. partnersResult.Ambiguous],
            New = goodsResult.New + partnersResult.New,
        };
    }

    private static async Task LinkAsync(
        SyncSession session,
        SyncEntity entity,
        MatchResult result,
        Func<IReadOnlyList<LinkItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> link,
        CancellationToken ct)
    {
        foreach (var chunk in result.Matched.Chunk(session.BatchSize))
        {
            // The hash stays empty: the next export sends the warehouse's version of every matched record.
            await session.State.SaveLinksAsync(session.Scope, chunk.Select(m => new SyncLink(entity, m.LocalId, m.RemoteId, null)).ToList(), ct).ConfigureAwait(false);
            await link(chunk.Select(m => new LinkItem(m.RemoteId, m.LocalId.ToString(CultureInfo.InvariantCulture))).ToList(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What <see cref="RunAsync"/> would decide, without writing a mark or matching anything (for <c>check</c>): the
    /// same questions in the same order.
    /// </summary>
    /// <returns>Refused: a run would stop with <see cref="BothSystemsHaveDataException"/>; Detail: why, in words.</returns>
    public static async Task<(bool Refused, string Detail)> ProbeAsync(SyncSession session, CancellationToken ct)
    {
        var store = session.Store;
        if (await session.State.HasLinksAsync(session.Scope, SyncEntity.Product, ct).ConfigureAwait(false) ||
            await session.State.HasLinksAsync(session.Scope, SyncEntity.Customer, ct).ConfigureAwait(false))
        {
            return (false, "records are already linked: not a first run");
        }

        if (session.Shop.Counts.Products == 0 && session.Shop.Counts.Customers == 0)
        {
            return (false, "the shop has no products or customers yet: the first export sends the warehouse's");
        }

        if (await session.State.ReadMarkAsync(session.Scope, ShopWasEmptyMark, ct).ConfigureAwait(false) is not null)
        {
            return (false, "a first export was interrupted: the next run finishes it");
        }

        var shippingCode = session.Server.Import.ShippingGoodCode.Trim();
        var warehouseHasData =
            await AnyAsync(store.ReadGoodsAsync(ct), g => !g.IsDeleted && !string.Equals(g.Code.Trim(), shippingCode, StringComparison.OrdinalIgnoreCase)).ConfigureAwait(false) ||
            await AnyAsync(store.ReadPartnersAsync(ct), p => !p.IsDeleted).ConfigureAwait(false);
        if (!warehouseHasData)
        {
            return (false, "the warehouse has no goods or partners yet: the first import brings the shop's");
        }

        return session.Server.Matching.Enabled
            ? (false, $"both sides hold data (the shop has {session.Shop.Counts.Products} products and {session.Shop.Counts.Customers} customers); matching links them by code, barcode, EIK, VAT number or e-mail (a dry run lists the links)")
            : (true, $"Both the warehouse and the shop already hold goods or partners (the shop has {session.Shop.Counts.Products} products and {session.Shop.Counts.Customers} customers), and nothing links them: a run would refuse. " +
                     "Start with one empty side, or turn on matching (Matching:Enabled = true) to link existing records by code, barcode, EIK, VAT number or e-mail.");
    }

    private static async Task<bool> AnyAsync<T>(IAsyncEnumerable<T> items, Func<T, bool> predicate)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (predicate(item))
            {
                return true;
            }
        }

        return false;
    }
}
