using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.State;

/// <summary>
/// The link rows of one entity in one scope, indexed both ways. The index by shop id is built on its first use: an
/// export only looks rows up by local ID, and 100,000 shop ids hashed for nothing cost a tenth of a second.
/// </summary>
/// <remarks>
/// A table shared between threads is frozen (<see cref="Freeze"/>): <see cref="Set"/> then throws, so readers on several
/// threads never see it change. The export reads its tables frozen and never changes them: what the shop answered is
/// collected beside the table and makes a new one (<see cref="With"/>) once it is remembered. Only the import, on one
/// flow, changes a table in place.
/// </remarks>
internal sealed class LinkTable
{
    private readonly Dictionary<int, SyncLink> _byLocal;
    private Dictionary<string, int>? _byRemote;

    private LinkTable(SyncEntity entity, Dictionary<int, SyncLink>? rows = null)
    {
        Entity = entity;
        _byLocal = rows ?? [];
    }

    /// <summary>True once the table may be shared: <see cref="Set"/> throws.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>The entity.</summary>
    public SyncEntity Entity { get; }

    /// <summary>How many rows.</summary>
    public int Count => _byLocal.Count;

    /// <summary>All local IDs linked.</summary>
    public IEnumerable<int> LocalIds => _byLocal.Keys;

    /// <summary>Reads the rows of <paramref name="entity"/> in <paramref name="scope"/>.</summary>
    public static async Task<LinkTable> ReadAsync(ISyncStateStore store, string scope, SyncEntity entity, CancellationToken ct)
    {
        var table = new LinkTable(entity);
        await foreach (var link in store.ReadLinksAsync(scope, entity, ct).ConfigureAwait(false))
        {
            table.Set(link);
        }

        return table;
    }

    /// <summary>A table of the given rows only (the fast path reads the links of the few records it looks at).</summary>
    public static LinkTable Of(SyncEntity entity, IEnumerable<SyncLink> links)
    {
        var table = new LinkTable(entity);
        foreach (var link in links)
        {
            table.Set(link);
        }

        return table;
    }

    /// <summary>Makes the table read-only, so it may be shared between threads; returns it.</summary>
    public LinkTable Freeze()
    {
        IsFrozen = true;
        return this;
    }

    /// <summary>A new frozen table: these rows, with <paramref name="changes"/> added or replaced (this one stays as it is).</summary>
    public LinkTable With(IReadOnlyCollection<SyncLink> changes)
    {
        if (changes.Count == 0 && IsFrozen)
        {
            return this;
        }

        var table = new LinkTable(Entity, new Dictionary<int, SyncLink>(_byLocal));
        foreach (var link in changes)
        {
            table.Set(link);
        }

        return table.Freeze();
    }

    /// <summary>The row of a local ID.</summary>
    public SyncLink? ByLocal(int localId) => _byLocal.GetValueOrDefault(localId);

    /// <summary>The local ID linked to a shop id.</summary>
    public int? ByRemote(string? remoteId) => remoteId is not null && RemoteIndex().TryGetValue(remoteId, out var id) ? id : null;

    /// <summary>Adds or replaces a row (in memory).</summary>
    /// <exception cref="InvalidOperationException">The table is frozen (shared).</exception>
    public void Set(SyncLink link)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException($"The {Entity} link table is shared between threads and may not change: collect the changes and make a new table with With().");
        }

        if (_byRemote is not null && _byLocal.TryGetValue(link.LocalId, out var old) && old.RemoteId is not null)
        {
            _byRemote.Remove(old.RemoteId);
        }

        _byLocal[link.LocalId] = link;
        if (_byRemote is not null && link.RemoteId is not null)
        {
            _byRemote[link.RemoteId] = link.LocalId;
        }
    }

    private Dictionary<string, int> RemoteIndex()
    {
        // A frozen table may be asked from several threads: two may build the index at once, each a whole one.
        if (_byRemote is null)
        {
            // In the order the rows were first set (read order: by local ID), so when two rows share a shop id the
            // later one wins, as when the index was kept up to date row by row.
            var index = new Dictionary<string, int>(_byLocal.Count, StringComparer.Ordinal);
            foreach (var link in _byLocal.Values)
            {
                if (link.RemoteId is not null)
                {
                    index[link.RemoteId] = link.LocalId;
                }
            }

            _byRemote = index;
        }

        return _byRemote;
    }
}
