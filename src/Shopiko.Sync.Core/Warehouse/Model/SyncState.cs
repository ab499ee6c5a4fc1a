namespace Shopiko.Sync.Warehouse.Model;

/// <summary>What a link row maps.</summary>
public enum SyncEntity
{
    /// <summary>goodsgroups ↔ shop category.</summary>
    Category,
    /// <summary>goods ↔ shop product.</summary>
    Product,
    /// <summary>partners ↔ shop customer.</summary>
    Customer,
    /// <summary>stock level of a good ↔ shop product quantity.</summary>
    Stock,
    /// <summary>A shop order (quarantine only).</summary>
    Order,
}

/// <summary>A row of the library's link table: a warehouse record, its shop id and the hash of what was last sent.</summary>
/// <param name="Entity">What is linked.</param>
/// <param name="LocalId">The warehouse ID.</param>
/// <param name="RemoteId">The shop's id, when known.</param>
/// <param name="ContentHash">Hash of the payload last accepted by the shop (export delta); null when never sent.</param>
internal sealed record SyncLink(SyncEntity Entity, int LocalId, string? RemoteId, string? ContentHash);

/// <summary>The sync-state row of an imported shop order revision.</summary>
internal sealed record ImportedOrder
{
    /// <summary>The shop's order id.</summary>
    public required string OrderId { get; init; }
    /// <summary>The order revision this row recorded.</summary>
    public required int Revision { get; init; }
    /// <summary>The shop status at that revision (<c>new</c>, <c>cancelled</c> …).</summary>
    public required string Status { get; init; }
    /// <summary>The document written for it (e.g. <c>S0000000123</c>); for a reversal, the return document.</summary>
    public required string DocumentNumber { get; init; }
    /// <summary>operations.OperType of that document.</summary>
    public required int OperType { get; init; }
    /// <summary>operations.Acct of that document.</summary>
    public required long Acct { get; init; }
    /// <summary>The object it was written to.</summary>
    public required int ObjectId { get; init; }
    /// <summary>True once the shop acknowledged it.</summary>
    public bool Acknowledged { get; init; }
    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>
    /// The fingerprint of what this revision booked (see the order import), or null for rows recorded before
    /// fingerprints were kept: a later revision with another fingerprint is an edit that the import follows.
    /// </summary>
    public string? Fingerprint { get; init; }
}

/// <summary>An item held back with its reason; it is retried each run until it goes through.</summary>
internal sealed record QuarantineEntry
{
    /// <summary>What was held back.</summary>
    public required SyncEntity Entity { get; init; }
    /// <summary>The shop id (order id, product id …) or warehouse id.</summary>
    public required string Id { get; init; }
    /// <summary>Why, in words a merchant can act on.</summary>
    public required string Reason { get; init; }
    /// <summary>First time it was held back.</summary>
    public DateTimeOffset FirstSeen { get; init; }
    /// <summary>Last time it was held back.</summary>
    public DateTimeOffset LastSeen { get; init; }
    /// <summary>How many runs held it back.</summary>
    public int Attempts { get; init; }
}
