using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Import;

/// <summary>
/// Pending orders → documents, exactly once. For each order: if its revision is recorded, only acknowledge again;
/// otherwise plan it, create what it needs (partner, goods, shipping good), write the document with its stock, payments
/// and the order's sync-state row in ONE store call, and acknowledge only after that committed. A crash anywhere leaves
/// either nothing or a recorded revision that the next run acknowledges; two engines racing make one document, the
/// loser sees <see cref="OrderAlreadyImportedException"/>. Cancelled orders already imported are reversed.
/// </summary>
internal sealed class OrderImporter(SyncSession session, ImportCatalog catalog)
{
    private readonly OrderPlanner _planner = new(new PlanningContext(
        session.Warehouse.BaseCurrency,
        session.Warehouse.Settings.PricesIncludeVat,
        session.Server.Import.SyncNomenclature,
        session.Server.Export.PriceColumn,
        catalog.Partners,
        catalog.GoodFor,
        catalog.VatGroupFor));

    private readonly DocumentBuilder _builder = new(session, catalog);

    private readonly OrderAcknowledger _acknowledger = new(session);

    /// <summary>Pending orders whose recorded revisions are read in one query.</summary>
    internal const int LookAhead = 200;

    // The recorded revisions of the pending orders, read ahead in chunks: one query instead of one per order. Only a
    // hint — the document's transaction checks again, so an engine racing us still loses cleanly.
    private readonly Dictionary<string, List<ImportedOrder>> _recorded = new(StringComparer.Ordinal);

    // Orders held back by earlier runs: only these have a quarantine row to release, so an order that goes through
    // first time costs no extra transaction.
    private HashSet<string> _quarantined = [];

    private ImportReport Report => session.Report.Import!;

    private IWarehouseStore Store => session.Store;

    /// <summary>Imports every pending order.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var objectId = session.ImportObject.Id;
        long done = 0;
        _quarantined = (await Store.ReadQuarantineAsync(session.Scope, ct).ConfigureAwait(false))
            .Where(e => e.Entity == SyncEntity.Order).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        // The whole pending list first: acknowledging removes orders from it, which could shift a cursor under our feet.
        var pending = await session.Api.GetPendingOrdersAsync(ct).ToListAsync(ct).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < pending.Count; i++)
            {
                // Between orders, never inside one: a cancelled run leaves whole documents only.
                ct.ThrowIfCancellationRequested();
                var order = pending[i];
                using var activity = SyncActivities.StartOrder(order.Id, order.Number);
                if (i % LookAhead == 0)
                {
                    await ReadRecordedAsync(pending.Skip(i).Take(LookAhead), ct).ConfigureAwait(false);
                }

                await ImportOneAsync(order, objectId, ct).ConfigureAwait(false);
                session.Progress("import orders", ++done);
            }
        }
        catch
        {
            await _acknowledger.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        await _acknowledger.CompleteAsync(ct).ConfigureAwait(false);

        if (!session.DryRun)
        {
            await LinkBackAsync(catalog.CreatedPartners, session.Api.LinkCustomersAsync, ct).ConfigureAwait(false);
            await LinkBackAsync(catalog.CreatedGoods, session.Api.LinkProductsAsync, ct).ConfigureAwait(false);
        }
    }

    /// <param name="order">The order.</param>
    /// <param name="objectId">The import object.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="fresh">
    /// Read the order's record now rather than trust the look-ahead: done before anything the document's own check
    /// cannot undo (acknowledging a cancellation without a document, creating a partner or goods), since an engine
    /// racing us may have booked the order after the look-ahead.
    /// </param>
    private async Task ImportOneAsync(ShopOrder order, int objectId, CancellationToken ct, bool fresh = false)
    {
        IReadOnlyList<ImportedOrder> recorded = fresh
            ? await Store.ReadImportedOrderAsync(session.Scope, order.Id, ct).ConfigureAwait(false)
            : _recorded.GetValueOrDefault(order.Id) ?? [];
        if (recorded.FirstOrDefault(r => r.Revision == order.Revision) is { } same)
        {
            await AlreadyImportedAsync(order, same.DocumentNumber, ct).ConfigureAwait(false);
            return;
        }

        var latest = recorded.OrderByDescending(r => r.Revision).FirstOrDefault();
        var cancelled = string.Equals(order.Status, OrderStatuses.Cancelled, StringComparison.OrdinalIgnoreCase);
        if (latest is not null && (!cancelled || string.Equals(latest.Status, OrderStatuses.Cancelled, StringComparison.OrdinalIgnoreCase)))
        {
            // A later revision that changes nothing we book (a status change, or a cancellation already reversed).
            await AlreadyImportedAsync(order, latest.DocumentNumber, ct).ConfigureAwait(false);
            return;
        }

        if (cancelled && latest is null && !fresh)
        {
            await ImportOneAsync(order, objectId, ct, fresh: true).ConfigureAwait(false);
            return;
        }

        if (cancelled && latest is null)
        {
            // Cancelled before it ever became a document (perhaps while quarantined): nothing to book or reverse.
            if (session.DryRun)
            {
                session.Report.Plan.Add($"order {order.Number} was cancelled before import: acknowledge only");
            }
            else
            {
                await ReleaseAsync(order, ct).ConfigureAwait(false);
                await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, OrderAcknowledger.NoDocument, ct).ConfigureAwait(false);
            }

            return;
        }

        if (cancelled && latest is { OperType: 19 })
        {
            await AnnulAsync(order, latest, ct).ConfigureAwait(false);
            return;
        }

        await catalog.PrepareAsync(order, ct).ConfigureAwait(false);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.CreatedAt, session.Time.LocalTimeZone).DateTime);
        var result = _planner.Plan(order, date);
        if (result.Plan is not { } plan)
        {
            await QuarantineAsync(order, result.QuarantineReason!, ct).ConfigureAwait(false);
            return;
        }

        if (!fresh && !session.DryRun && (plan.Partner is NewPartnerChoice || plan.Lines.Any(l => l.Good is NewGoodChoice)))
        {
            await ImportOneAsync(order, objectId, ct, fresh: true).ConfigureAwait(false);
            return;
        }

        var kind = cancelled ? DocumentKind.CustomerReturn
            : session.Server.Import.DocumentType == ImportDocumentType.SalesOrder ? DocumentKind.SalesOrder
            : DocumentKind.Sale;
        if (session.DryRun)
        {
            session.Report.Plan.Add(plan.Describe(KindName(kind), catalog.Partners.Describe));
            Count(kind);
            return;
        }

        var document = await _builder.BuildAsync(plan, kind, objectId, latest?.Acct, ct).ConfigureAwait(false);
        WrittenDocument written;
        try
        {
            written = await Store.WriteDocumentAsync(document, new OrderImportRecord(session.Scope, order.Id, order.Revision, order.Status), ct).ConfigureAwait(false);
        }
        catch (OrderAlreadyImportedException)
        {
            // Another engine committed this revision between our check and our write.
            var winner = (await Store.ReadImportedOrderAsync(session.Scope, order.Id, ct).ConfigureAwait(false))
                .First(r => r.Revision == order.Revision);
            await AlreadyImportedAsync(order, winner.DocumentNumber, ct).ConfigureAwait(false);
            return;
        }
        catch (WarehouseDataException e)
        {
            await QuarantineAsync(order, e.Message, ct).ConfigureAwait(false);
            return;
        }

        Count(kind);
        SyncActivities.Document(written.Number);
        Report.Documents.Add(written.Number);
        if (kind == DocumentKind.CustomerReturn)
        {
            Log.OrderReversed(session.Logger, order.Id, order.Revision, written.Number);
        }
        else
        {
            Log.OrderImported(session.Logger, order.Number, order.Id, order.Revision, written.Number);
        }

        await ReleaseAsync(order, ct).ConfigureAwait(false);
        await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, written.Number, ct).ConfigureAwait(false);
    }

    private async Task ReadRecordedAsync(IEnumerable<ShopOrder> orders, CancellationToken ct)
    {
        _recorded.Clear();
        var ids = orders.Select(o => o.Id).ToList();
        foreach (var row in await Store.ReadImportedOrdersAsync(session.Scope, ids, ct).ConfigureAwait(false))
        {
            if (!_recorded.TryGetValue(row.OrderId, out var rows))
            {
                _recorded[row.OrderId] = rows = [];
            }

            rows.Add(row);
        }
    }

    private async Task ReleaseAsync(ShopOrder order, CancellationToken ct)
    {
        if (_quarantined.Remove(order.Id))
        {
            await Store.ReleaseQuarantineAsync(session.Scope, SyncEntity.Order, order.Id, ct).ConfigureAwait(false);
        }
    }

    private async Task AnnulAsync(ShopOrder order, ImportedOrder latest, CancellationToken ct)
    {
        if (session.DryRun)
        {
            session.Report.Plan.Add($"annul sales order {latest.DocumentNumber} of cancelled order {order.Number}");
            Report.OrdersReversed++;
            return;
        }

        try
        {
            await Store.AnnulSalesOrderAsync(latest.Acct, latest.ObjectId, new OrderImportRecord(session.Scope, order.Id, order.Revision, order.Status), ct).ConfigureAwait(false);
        }
        catch (OrderAlreadyImportedException)
        {
            // Another engine annulled it first; the acknowledgement below is the same.
        }

        Report.OrdersReversed++;
        session.Metrics.Order(session, SyncDiagnostics.OrderOutcomes.Reversed);
        SyncActivities.Document(latest.DocumentNumber);
        Log.OrderReversed(session.Logger, order.Id, order.Revision, latest.DocumentNumber);
        await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, latest.DocumentNumber, ct).ConfigureAwait(false);
    }

    private async Task AlreadyImportedAsync(ShopOrder order, string document, CancellationToken ct)
    {
        Report.OrdersAlreadyImported++;
        session.Metrics.Order(session, SyncDiagnostics.OrderOutcomes.AlreadyImported);
        SyncActivities.Document(document);
        Log.OrderAlreadyImported(session.Logger, order.Id, order.Revision, document);
        if (!session.DryRun)
        {
            await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, document, ct).ConfigureAwait(false);
        }
    }

    private async Task QuarantineAsync(ShopOrder order, string reason, CancellationToken ct)
    {
        Report.OrdersQuarantined++;
        session.Metrics.Order(session, SyncDiagnostics.OrderOutcomes.Quarantined);
        session.Quarantine("order", order.Id, $"order {order.Number}: {reason}");
        Log.OrderQuarantined(session.Logger, order.Number, order.Id, reason);
        if (!session.DryRun)
        {
            await Store.QuarantineAsync(session.Scope, SyncEntity.Order, order.Id, reason, ct).ConfigureAwait(false);
            _quarantined.Add(order.Id);
        }
    }

    private void Count(DocumentKind kind)
    {
        session.Metrics.Order(session, kind == DocumentKind.CustomerReturn ? SyncDiagnostics.OrderOutcomes.Reversed : SyncDiagnostics.OrderOutcomes.Imported);
        if (kind == DocumentKind.CustomerReturn)
        {
            Report.OrdersReversed++;
        }
        else
        {
            Report.OrdersImported++;
        }
    }

    private async Task LinkBackAsync(
        List<LinkItem> items,
        Func<IReadOnlyList<LinkItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> link,
        CancellationToken ct)
    {
        foreach (var chunk in items.Chunk(session.BatchSize))
        {
            await link(chunk, ct).ConfigureAwait(false);
        }
    }

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.SalesOrder => "sales order",
        DocumentKind.CustomerReturn => "customer return",
        _ => "sale",
    };
}
