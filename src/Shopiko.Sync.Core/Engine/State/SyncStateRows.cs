using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.State;

// The sync-state tables' rows as the database returns them; they turn into the public records in one place each.

internal sealed class LinkRow
{
    public int LocalId { get; set; }
    public string? RemoteId { get; set; }
    public string? ContentHash { get; set; }
}

internal sealed class ImportedOrderRow
{
    public string OrderId { get; set; } = "";
    public int Revision { get; set; }
    public string Status { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public int OperType { get; set; }
    public long Acct { get; set; }
    public int ObjectId { get; set; }
    public int Acknowledged { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? Fingerprint { get; set; }

    public ImportedOrder ToImportedOrder() => new()
    {
        OrderId = OrderId,
        Revision = Revision,
        Status = Status,
        DocumentNumber = DocumentNumber,
        OperType = OperType,
        Acct = Acct,
        ObjectId = ObjectId,
        Acknowledged = Acknowledged != 0,
        RecordedAt = Clock.ReadUtc(RecordedAt),
        Fingerprint = string.IsNullOrWhiteSpace(Fingerprint) ? null : Fingerprint,
    };
}

internal sealed class QuarantineRow
{
    public string Entity { get; set; } = "";
    public string ItemId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
    public int Attempts { get; set; }

    public QuarantineEntry ToEntry() => new()
    {
        Entity = Enum.Parse<SyncEntity>(Entity, ignoreCase: true),
        Id = ItemId,
        Reason = Reason,
        FirstSeen = Clock.ReadUtc(FirstSeen),
        LastSeen = Clock.ReadUtc(LastSeen),
        Attempts = Attempts,
    };
}

internal sealed class MarkRow
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}
