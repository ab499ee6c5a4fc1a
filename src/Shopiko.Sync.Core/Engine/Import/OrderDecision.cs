using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>What the import does with one pending order.</summary>
internal enum OrderAction
{
    /// <summary>Nothing is booked for it: write a new document.</summary>
    Import,

    /// <summary>This very revision is recorded: acknowledge it again with its document.</summary>
    AlreadyImported,

    /// <summary>A later revision that changes nothing booked (a status change): acknowledge with the booked document.</summary>
    StatusOnly,

    /// <summary>A later revision that changes what was booked: return (or annul) the booked document and book the new revision.</summary>
    Correct,

    /// <summary>Cancelled after its sale was booked: a customer return of the booked sale.</summary>
    Reverse,

    /// <summary>Cancelled after its sales order was booked: the sales order is annulled.</summary>
    Annul,

    /// <summary>Cancelled before anything was booked: acknowledge without a document.</summary>
    AcknowledgeOnly,

    /// <summary>Cannot be booked as it is: held back with a reason.</summary>
    Quarantine,
}

/// <summary>The decision for one order.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Booked">The recorded revision whose document stands (the one to acknowledge with, return or annul), if any.</param>
/// <param name="NewKind">For <see cref="OrderAction.Import"/> and <see cref="OrderAction.Correct"/>: the document to write.</param>
/// <param name="Reason">For <see cref="OrderAction.Quarantine"/>: why, in words a merchant can act on.</param>
internal sealed record OrderDecision(OrderAction Action, ImportedOrder? Booked = null, DocumentKind? NewKind = null, string? Reason = null)
{
    /// <summary>True when the action books a new revision and so needs the order planned first.</summary>
    public bool NeedsPlan => Action is OrderAction.Import or OrderAction.Correct;
}

/// <summary>
/// The order import's one decision, a pure function of the shop order, the revisions the warehouse recorded for it
/// (with the fingerprint of what each booked), the document type setting and, once planned, the planner's refusal.
/// Everything the executor does follows from its answer; nothing here reads or writes either side.
/// </summary>
internal static class OrderDecider
{
    /// <summary>Decides what to do with <paramref name="order"/>.</summary>
    /// <param name="order">The pending shop order at its current revision.</param>
    /// <param name="recorded">Every revision the warehouse recorded for it (any order).</param>
    /// <param name="fingerprint">The fingerprint of what <paramref name="order"/> would book (<see cref="OrderFingerprint.Of"/>).</param>
    /// <param name="documentType">The import's document type setting.</param>
    /// <param name="planProblem">Why the planner refused the order, once it was planned (null: not planned, or planned fine).</param>
    public static OrderDecision Decide(
        ShopOrder order, IReadOnlyCollection<ImportedOrder> recorded, string fingerprint, ImportDocumentType documentType, string? planProblem = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.FirstOrDefault(r => r.Revision == order.Revision) is { } same)
        {
            return new OrderDecision(OrderAction.AlreadyImported, same);
        }

        var latest = recorded.MaxBy(r => r.Revision);
        if (latest is not null && order.Revision < latest.Revision)
        {
            return new OrderDecision(OrderAction.Quarantine, latest, Reason: string.Create(CultureInfo.InvariantCulture,
                $"the shop sent revision {order.Revision}, older than revision {latest.Revision} already booked as {latest.DocumentNumber}; the shop's order list is out of date"));
        }

        var cancelled = IsCancelled(order.Status);
        // The booked document stands until a cancellation reversed it; after that nothing of the order is booked.
        var booked = latest is not null && !IsCancelled(latest.Status) ? latest : null;
        var newKind = documentType == ImportDocumentType.SalesOrder ? DocumentKind.SalesOrder : DocumentKind.Sale;

        if (cancelled)
        {
            return booked switch
            {
                null when latest is not null => new OrderDecision(OrderAction.StatusOnly, latest),
                null => new OrderDecision(OrderAction.AcknowledgeOnly),
                { OperType: SalesOrderOperType } => new OrderDecision(OrderAction.Annul, booked),
                _ => new OrderDecision(OrderAction.Reverse, booked),
            };
        }

        if (booked is not null && (booked.Fingerprint is null || string.Equals(booked.Fingerprint, fingerprint, StringComparison.Ordinal)))
        {
            // Same content (or recorded before fingerprints were kept, when nothing can be compared): the status moved on.
            return new OrderDecision(OrderAction.StatusOnly, booked);
        }

        var action = booked is null ? OrderAction.Import : OrderAction.Correct;
        return planProblem is null
            ? new OrderDecision(action, booked, newKind)
            : new OrderDecision(OrderAction.Quarantine, booked, Reason: booked is null ? planProblem : $"revision {order.Revision} changes what {booked.DocumentNumber} booked, but {planProblem}");
    }

    /// <summary>operations.OperType of a sales order.</summary>
    internal const int SalesOrderOperType = 19;

    private static bool IsCancelled(string? status) => string.Equals(status, OrderStatuses.Cancelled, StringComparison.OrdinalIgnoreCase);
}
