using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.State;

/// <summary>
/// The engine's own bookkeeping, kept in tables prefixed <c>shopikosync_</c> in the warehouse database: links with the
/// content hash last sent, the order revisions imported (the exactly-once guard) and their acknowledgement, the
/// quarantine, and named marks. A scope is one shop (its API ID). The warehouse itself is <see cref="IWarehouseStore"/>.
/// </summary>
internal interface ISyncStateStore
{
    /// <summary>Creates the sync-state tables when missing and upgrades older ones in place (idempotent).</summary>
    Task EnsureTablesAsync(CancellationToken cancellationToken = default);

    /// <summary>All link rows of an entity in a scope.</summary>
    IAsyncEnumerable<SyncLink> ReadLinksAsync(string scope, SyncEntity entity, CancellationToken cancellationToken = default);

    /// <summary>True when an entity has at least one link row in a scope (without reading the rows).</summary>
    Task<bool> HasLinksAsync(string scope, SyncEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates link rows, in one transaction.</summary>
    Task SaveLinksAsync(string scope, IReadOnlyCollection<SyncLink> links, CancellationToken cancellationToken = default);

    /// <summary>The link rows of an entity in a scope with <c>fromId ≤ LocalId &lt; toId</c>.</summary>
    IAsyncEnumerable<SyncLink> ReadLinksInRangeAsync(string scope, SyncEntity entity, int fromId, int toId, CancellationToken cancellationToken = default);

    /// <summary>The link rows of an entity in a scope for some local IDs (any number).</summary>
    IAsyncEnumerable<SyncLink> ReadLinksOfAsync(string scope, SyncEntity entity, IReadOnlyCollection<int> localIds, CancellationToken cancellationToken = default);

    /// <summary>Every recorded revision of a shop order, newest first.</summary>
    Task<IReadOnlyList<ImportedOrder>> ReadImportedOrderAsync(string scope, string orderId, CancellationToken cancellationToken = default);

    /// <summary>Every recorded revision of several shop orders (any number of ids), newest first per order.</summary>
    Task<IReadOnlyList<ImportedOrder>> ReadImportedOrdersAsync(string scope, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default);

    /// <summary>Recorded order revisions the shop has not yet acknowledged.</summary>
    Task<IReadOnlyList<ImportedOrder>> ReadUnacknowledgedOrdersAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>Marks order revisions acknowledged by the shop, in one transaction.</summary>
    Task MarkOrdersAcknowledgedAsync(string scope, IReadOnlyCollection<OrderRevision> revisions, CancellationToken cancellationToken = default);

    /// <summary>Records (or refreshes) a quarantined item.</summary>
    Task QuarantineAsync(string scope, SyncEntity entity, string id, string reason, CancellationToken cancellationToken = default);

    /// <summary>Removes an item from quarantine once it went through.</summary>
    Task ReleaseQuarantineAsync(string scope, SyncEntity entity, string id, CancellationToken cancellationToken = default);

    /// <summary>Quarantined items in a scope.</summary>
    Task<IReadOnlyList<QuarantineEntry>> ReadQuarantineAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>A named value remembered in a scope (e.g. the shop time a listing is complete up to), or null.</summary>
    Task<string?> ReadMarkAsync(string scope, string name, CancellationToken cancellationToken = default);

    /// <summary>Remembers (or, with null, forgets the value of) a named value in a scope.</summary>
    Task SaveMarkAsync(string scope, string name, string? value, CancellationToken cancellationToken = default);

    /// <summary>The marks of a scope whose names start with <paramref name="prefix"/>, by name.</summary>
    Task<IReadOnlyDictionary<string, string?>> ReadMarksAsync(string scope, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Remembers (a null value: forgets) several marks in one transaction.</summary>
    Task SaveMarksAsync(string scope, IReadOnlyCollection<KeyValuePair<string, string?>> marks, CancellationToken cancellationToken = default);
}
