using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// Pending orders → documents, exactly once. For each order one decision (<see cref="OrderDecider"/>: import, already
/// imported, status only, correct, reverse, annul, acknowledge only, quarantine), then one store call that writes
/// everything it needs — the document (or the return and the new document of an edit) with its stock, payments and the
/// order's sync-state row — in ONE transaction, and the acknowledgement only after that committed. A crash anywhere
/// leaves either nothing or a recorded revision that the next run acknowledges; two engines racing make one document,
/// the loser sees <see cref="OrderAlreadyImportedException"/>. A dry run takes the same decisions and describes them.
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

    private RunCollector Collector => session.Collector;

    private IWarehouseStore Store => session.Store;

    /// <summary>Imports every pending order.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var objectId = session.ImportObject.Id;
        long done = 0;
        _quarantined = (await session.State.ReadQuarantineAsync(session.Scope, ct).ConfigureAwait(false))
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

    /// <summary>Decides what <paramref name="order"/> needs (<see cref="OrderDecider"/>), then carries it out.</summary>
    private async Task ImportOneAsync(ShopOrder order, int objectId, CancellationToken ct)
    {
        var fingerprint = OrderFingerprint.Of(order);
        var (decision, plan) = await DecideAsync(order, _recorded.GetValueOrDefault(order.Id) ?? [], fingerprint, ct).ConfigureAwait(false);
        var fresh = false;
        if (!session.DryRun && NeedsFreshRecord(decision, plan))
        {
            (decision, plan) = await DecideFreshAsync(order, fingerprint, ct).ConfigureAwait(false);
            fresh = true;
        }

        if (await ExecuteAsync(order, decision, plan, fingerprint, objectId, ct).ConfigureAwait(false))
        {
            return;
        }

        // The correction was decided on a document that another engine replaced meanwhile: decide once more on the
        // record as it is now. Should that move on again, the order is simply left for the next run.
        if (!fresh)
        {
            (decision, plan) = await DecideFreshAsync(order, fingerprint, ct).ConfigureAwait(false);
            await ExecuteAsync(order, decision, plan, fingerprint, objectId, ct).ConfigureAwait(false);
        }
    }

    // The look-ahead is only a hint: an engine racing us may have booked the order since. The store's transaction checks
    // again before a document, but not before what it cannot undo (acknowledging without a document, creating a partner
    // or goods), so those decide once more on the record as it is now.
    private async Task<(OrderDecision Decision, OrderPlan? Plan)> DecideFreshAsync(ShopOrder order, string fingerprint, CancellationToken ct)
    {
        var recorded = await session.State.ReadImportedOrderAsync(session.Scope, order.Id, ct).ConfigureAwait(false);
        return await DecideAsync(order, recorded, fingerprint, ct).ConfigureAwait(false);
    }

    /// <summary>Carries out <paramref name="decision"/>; false when a correction found its booked document replaced.</summary>
    private async Task<bool> ExecuteAsync(ShopOrder order, OrderDecision decision, OrderPlan? plan, string fingerprint, int objectId, CancellationToken ct)
    {
        switch (decision.Action)
        {
            case OrderAction.AlreadyImported:
                await AlreadyImportedAsync(order, decision.Booked!.DocumentNumber, ct).ConfigureAwait(false);
                return true;
            case OrderAction.StatusOnly:
                Log.OrderStatusOnly(session.Logger, order.Id, order.Revision, decision.Booked!.DocumentNumber, order.Status);
                await AlreadyImportedAsync(order, decision.Booked.DocumentNumber, ct).ConfigureAwait(false);
                return true;
            case OrderAction.AcknowledgeOnly:
                await AcknowledgeOnlyAsync(order, ct).ConfigureAwait(false);
                return true;
            case OrderAction.Quarantine:
                await QuarantineAsync(order, decision.Reason!, ct).ConfigureAwait(false);
                return true;
            case OrderAction.Import:
                await BookAsync(order, plan!, decision.NewKind!.Value, fingerprint, objectId, ct).ConfigureAwait(false);
                return true;
            default:
                return await CorrectAsync(order, decision, plan, fingerprint, objectId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The decision, with the plan when it books a revision (a plan the planner refuses is a quarantine).</summary>
    private async Task<(OrderDecision Decision, OrderPlan? Plan)> DecideAsync(
        ShopOrder order, IReadOnlyCollection<ImportedOrder> recorded, string fingerprint, CancellationToken ct)
    {
        var documentType = session.Server.Import.DocumentType;
        var decision = OrderDecider.Decide(order, recorded, fingerprint, documentType);
        if (!decision.NeedsPlan)
        {
            return (decision, null);
        }

        await catalog.PrepareAsync(order, ct).ConfigureAwait(false);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.CreatedAt, session.Time.LocalTimeZone).DateTime);
        var result = _planner.Plan(order, date);
        return result.Plan is { } plan
            ? (decision, plan)
            : (OrderDecider.Decide(order, recorded, fingerprint, documentType, result.QuarantineReason), null);
    }

    private static bool NeedsFreshRecord(OrderDecision decision, OrderPlan? plan) =>
        decision.Action == OrderAction.AcknowledgeOnly ||
        (plan is not null && (plan.Partner is NewPartnerChoice || plan.Lines.Any(l => l.Good is NewGoodChoice)));

    /// <summary>Writes the revision's document and its record in one transaction, then acknowledges.</summary>
    private async Task BookAsync(ShopOrder order, OrderPlan plan, DocumentKind kind, string fingerprint, int objectId, CancellationToken ct)
    {
        if (session.DryRun)
        {
            Collector.Plan(plan.Describe(KindName(kind), catalog.Partners.Describe));
            Collector.OrderImported(null);
            return;
        }

        WrittenDocument written;
        try
        {
            // Building creates the partner and goods the order needs: one the database refuses holds this order only.
            var document = await _builder.BuildAsync(plan, kind, objectId, null, ct).ConfigureAwait(false);
            written = await Store.WriteDocumentAsync(document, Record(order, fingerprint), ct).ConfigureAwait(false);
            session.Fitted("order", order.Id, written.TextChanges);
        }
        catch (OrderAlreadyImportedException)
        {
            await LostRaceAsync(order, ct).ConfigureAwait(false);
            return;
        }
        catch (WarehouseDataException e)
        {
            await QuarantineAsync(order, e.Message, ct).ConfigureAwait(false);
            return;
        }

        Collector.OrderImported(written.Number);
        session.Metrics.Order(session, SyncDiagnostics.OrderOutcomes.Imported);
        SyncActivities.Document(written.Number);
        Log.OrderImported(session.Logger, order.Number, order.Id, order.Revision, written.Number);
        await ReleaseAsync(order, ct).ConfigureAwait(false);
        await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, written.Number, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Undoes the booked document (a sale by a customer return of its rows, a sales order by annulment) and, for an
    /// edit, books the new revision — all with the revision's record in one store transaction — then acknowledges.
    /// </summary>
    private async Task<bool> CorrectAsync(ShopOrder order, OrderDecision decision, OrderPlan? plan, string fingerprint, int objectId, CancellationToken ct)
    {
        var booked = decision.Booked!;
        var edit = decision.Action == OrderAction.Correct;
        var undo = booked.OperType == OrderDecider.SalesOrderOperType ? "annul sales order" : "customer return of";
        if (session.DryRun)
        {
            Collector.Plan(edit
                ? $"order {order.Number} (id {order.Id}) revision {order.Revision} changes what {booked.DocumentNumber} booked: {undo} {booked.DocumentNumber}, then {plan!.Describe(KindName(decision.NewKind!.Value), catalog.Partners.Describe)}"
                : $"cancelled order {order.Number} (id {order.Id}): {undo} {booked.DocumentNumber}");
            Count(edit, new OrderCorrection(order.Number, order.Id, order.Revision, booked.DocumentNumber, null, null));
            return true;
        }

        var revision = order.Revision.ToString(CultureInfo.InvariantCulture);
        DocumentCorrection correction;
        try
        {
            // Building creates the partner and goods the new revision needs: one the database refuses holds this order only.
            var replacement = edit ? await _builder.BuildAsync(plan!, decision.NewKind!.Value, objectId, booked.DocumentNumber, ct).ConfigureAwait(false) : null;
            correction = await Store.CorrectDocumentAsync(new DocumentCorrectionRequest
            {
                Order = Record(order, edit ? fingerprint : null),
                Booked = new BookedDocument(booked.OperType, booked.Acct, booked.ObjectId, booked.DocumentNumber),
                Replacement = replacement,
                ReturnDate = _builder.Today,
                OperatorId = session.Server.Import.OperatorId,
                ReturnNote = $"Shopiko {order.Number} rev {revision}: return of {booked.DocumentNumber} ({(edit ? "order edited" : "order cancelled")})",
            }, ct).ConfigureAwait(false);
            session.Fitted("order", order.Id, correction.Return?.TextChanges ?? []);
            session.Fitted("order", order.Id, correction.Replacement?.TextChanges ?? []);
        }
        catch (OrderAlreadyImportedException)
        {
            await LostRaceAsync(order, ct).ConfigureAwait(false);
            return true;
        }
        catch (BookedDocumentChangedException e)
        {
            Log.CorrectionOvertaken(session.Logger, order.Id, order.Revision, e.Booked, e.Standing ?? "none");
            return false;
        }
        catch (WarehouseDataException e)
        {
            await QuarantineAsync(order, e.Message, ct).ConfigureAwait(false);
            return true;
        }

        Count(edit, new OrderCorrection(order.Number, order.Id, order.Revision, booked.DocumentNumber, correction.Return?.Number, correction.Replacement?.Number));
        SyncActivities.Document(correction.Replacement?.Number ?? correction.Return?.Number ?? booked.DocumentNumber);

        if (edit)
        {
            Log.OrderCorrected(session.Logger, order.Number, order.Id, order.Revision, booked.DocumentNumber,
                correction.Return?.Number ?? "annulment", correction.Replacement!.Number);
        }
        else
        {
            Log.OrderReversed(session.Logger, order.Id, order.Revision, correction.RecordedNumber);
        }

        await ReleaseAsync(order, ct).ConfigureAwait(false);
        await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, correction.RecordedNumber, ct).ConfigureAwait(false);
        return true;
    }

    private async Task AcknowledgeOnlyAsync(ShopOrder order, CancellationToken ct)
    {
        // Cancelled before it ever became a document (perhaps while quarantined): nothing to book or reverse.
        if (session.DryRun)
        {
            Collector.Plan($"order {order.Number} was cancelled before import: acknowledge only");
            return;
        }

        await ReleaseAsync(order, ct).ConfigureAwait(false);
        await _acknowledger.AcknowledgeAsync(order.Id, order.Revision, OrderAcknowledger.NoDocument, ct).ConfigureAwait(false);
    }

    /// <summary>Another engine committed this revision between our check and our write: its document stands.</summary>
    private async Task LostRaceAsync(ShopOrder order, CancellationToken ct)
    {
        var winner = (await session.State.ReadImportedOrderAsync(session.Scope, order.Id, ct).ConfigureAwait(false))
            .First(r => r.Revision == order.Revision);
        await AlreadyImportedAsync(order, winner.DocumentNumber, ct).ConfigureAwait(false);
    }

    private OrderImportRecord Record(ShopOrder order, string? fingerprint) =>
        new(session.Scope, order.Id, order.Revision, order.Status) { Fingerprint = fingerprint };

    private async Task ReadRecordedAsync(IEnumerable<ShopOrder> orders, CancellationToken ct)
    {
        _recorded.Clear();
        var ids = orders.Select(o => o.Id).ToList();
        foreach (var row in await session.State.ReadImportedOrdersAsync(session.Scope, ids, ct).ConfigureAwait(false))
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
            await session.State.ReleaseQuarantineAsync(session.Scope, SyncEntity.Order, order.Id, ct).ConfigureAwait(false);
        }
    }

    private async Task AlreadyImportedAsync(ShopOrder order, string document, CancellationToken ct)
    {
        Collector.OrderAlreadyImported();
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
        Collector.OrderQuarantined();
        session.Metrics.Order(session, SyncDiagnostics.OrderOutcomes.Quarantined);
        session.Quarantine("order", order.Id, $"order {order.Number}: {reason}");
        Log.OrderQuarantined(session.Logger, order.Number, order.Id, reason);
        if (!session.DryRun)
        {
            await session.State.QuarantineAsync(session.Scope, SyncEntity.Order, order.Id, reason, ct).ConfigureAwait(false);
            _quarantined.Add(order.Id);
        }
    }

    /// <summary>A correction counts as corrected; a reversal of a cancelled order as reversed.</summary>
    private void Count(bool edit, OrderCorrection correction)
    {
        session.Metrics.Order(session, edit ? SyncDiagnostics.OrderOutcomes.Corrected : SyncDiagnostics.OrderOutcomes.Reversed);
        if (edit)
        {
            Collector.OrderCorrected(correction);
        }
        else
        {
            Collector.OrderReversed(correction);
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
