using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.SyncState;

/// <summary>The link rows of one entity in one scope, indexed both ways.</summary>
internal sealed class LinkTable
{
    private readonly Dictionary<int, SyncLink> _byLocal = [];
    private readonly Dictionary<string, int> _byRemote = new(StringComparer.Ordinal);

    private LinkTable(SyncEntity entity) => Entity = entity;

    /// <summary>The entity.</summary>
    public SyncEntity Entity { get; }

    /// <summary>How many rows.</summary>
    public int Count => _byLocal.Count;

    /// <summary>All local IDs linked.</summary>
    public IEnumerable<int> LocalIds => _byLocal.Keys;

    /// <summary>Reads the rows of <paramref name="entity"/> in <paramref name="scope"/>.</summary>
    public static async Task<LinkTable> ReadAsync(IWarehouseStore store, string scope, SyncEntity entity, CancellationToken ct)
    {
        var table = new LinkTable(entity);
        await foreach (var link in store.ReadLinksAsync(scope, entity, ct).ConfigureAwait(false))
        {
            table.Set(link);
        }

        return table;
    }

    /// <summary>The row of a local ID.</summary>
    public SyncLink? ByLocal(int localId) => _byLocal.GetValueOrDefault(localId);

    /// <summary>The local ID linked to a shop id.</summary>
    public int? ByRemote(string? remoteId) => remoteId is not null && _byRemote.TryGetValue(remoteId, out var id) ? id : null;

    /// <summary>Adds or replaces a row (in memory).</summary>
    public void Set(SyncLink link)
    {
        if (_byLocal.TryGetValue(link.LocalId, out var old) && old.RemoteId is not null)
        {
            _byRemote.Remove(old.RemoteId);
        }

        _byLocal[link.LocalId] = link;
        if (link.RemoteId is not null)
        {
            _byRemote[link.RemoteId] = link.LocalId;
        }
    }
}
