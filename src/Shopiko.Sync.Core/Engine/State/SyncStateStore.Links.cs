using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.State;

// Links: a warehouse record, its shop id and the hash of what the shop last accepted.
internal sealed partial class SyncStateStore
{
    public async IAsyncEnumerable<SyncLink> ReadLinksAsync(string scope, SyncEntity entity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var link in _db.StreamAsync<LinkRow, SyncLink>(s => s.SelectLinks, new { Scope = scope, Entity = entity.ToString() },
            r => new SyncLink(entity, r.LocalId, r.RemoteId, r.ContentHash), cancellationToken).ConfigureAwait(false))
        {
            yield return link;
        }
    }

    public async Task<bool> HasLinksAsync(string scope, SyncEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        var first = await _db.ReadAsync((connection, opened, ct) => connection.ExecuteScalarAsync<int?>(_db.Command(opened.Sql.SelectFirstLinkId,
            new { Scope = scope, Entity = entity.ToString() }, null, ct)), cancellationToken).ConfigureAwait(false);
        return first is not null;
    }

    public async Task SaveLinksAsync(string scope, IReadOnlyCollection<SyncLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(links);
        if (links.Count == 0)
        {
            return;
        }

        Text.Own(scope, "The shop scope", IdLength);
        var rows = LastOfEachRecord(links);
        foreach (var link in rows)
        {
            Text.Own(link.RemoteId, "The shop id", IdLength);
            Text.Own(link.ContentHash, "The content hash", IdLength);
        }

        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        await _db.WriteAsync(async (connection, transaction, sql, _) =>
        {
            if (sql.UpsertLinks is null)
            {
                foreach (var link in rows)
                {
                    await UpsertLinkAsync(connection, transaction, sql, scope, link, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }

            // One multi-row statement per entity and chunk instead of an UPDATE and an INSERT per row.
            var now = Clock.UtcNow(_db.Time);
            foreach (var entity in rows.GroupBy(l => l.Entity))
            {
                foreach (var chunk in entity.Chunk(WarehouseDialect.MaxRowsPerStatement))
                {
                    var (text, parameters) = sql.UpsertLinks(new LinkRows(scope, entity.Key.ToString(), now, chunk));
                    if (parameters is ICommandParameters own)
                    {
                        await _db.ExecuteAsync(connection, transaction, text, own, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await connection.ExecuteAsync(_db.Command(text, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                    }
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The last row of each entity and local ID, in the order their first rows came: the last wins, as when the rows were
    /// written one after another.
    /// </summary>
    private static List<SyncLink> LastOfEachRecord(IReadOnlyCollection<SyncLink> links)
    {
        var rows = new List<SyncLink>(links.Count);
        var positions = new Dictionary<(SyncEntity Entity, int LocalId), int>(links.Count);
        foreach (var link in links)
        {
            if (positions.TryGetValue((link.Entity, link.LocalId), out var position))
            {
                rows[position] = link;
            }
            else
            {
                positions.Add((link.Entity, link.LocalId), rows.Count);
                rows.Add(link);
            }
        }

        return rows;
    }

    /// <summary>
    /// Writes the link of a record created in the warehouse store's <paramref name="transaction"/>, so that the
    /// record and its link are committed (or rolled back) together. Nothing when <paramref name="link"/> is null.
    /// </summary>
    internal async Task WriteLinkAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, ScopedLink? link, int localId, CancellationToken cancellationToken)
    {
        if (link is not null)
        {
            await UpsertLinkAsync(connection, transaction, sql, link.Scope, new SyncLink(link.Entity, localId, link.RemoteId, link.ContentHash), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<bool> UpsertLinkAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, string scope, SyncLink link, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Scope = Text.Own(scope, "The shop scope", IdLength),
            Entity = link.Entity.ToString(),
            link.LocalId,
            RemoteId = Text.Own(link.RemoteId, "The shop id", IdLength),
            ContentHash = Text.Own(link.ContentHash, "The content hash", IdLength),
            Now = Clock.UtcNow(_db.Time),
        };
        return UpsertAsync(connection, transaction, sql.UpdateLink, sql.InsertLink, parameters, cancellationToken);
    }

    public async IAsyncEnumerable<SyncLink> ReadLinksInRangeAsync(string scope, SyncEntity entity, int fromId, int toId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var link in _db.StreamAsync<LinkRow, SyncLink>(s => s.Changes.SelectLinksInRange,
            new { Scope = scope, Entity = entity.ToString(), From = fromId, To = toId },
            r => new SyncLink(entity, r.LocalId, r.RemoteId, r.ContentHash), cancellationToken).ConfigureAwait(false))
        {
            yield return link;
        }
    }

    public async IAsyncEnumerable<SyncLink> ReadLinksOfAsync(string scope, SyncEntity entity, IReadOnlyCollection<int> localIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(localIds);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in localIds.Distinct().Order().Chunk(WarehouseDialect.MaxIdParameters))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Scope", scope, System.Data.DbType.String);
            parameters.Add("Entity", entity.ToString(), System.Data.DbType.String);
            WarehouseDialect.AddIdParameters(parameters, "L", chunk);
            await foreach (var link in _db.StreamAsync<LinkRow, SyncLink>(s => s.Changes.SelectLinksOf(chunk), parameters,
                r => new SyncLink(entity, r.LocalId, r.RemoteId, r.ContentHash), cancellationToken).ConfigureAwait(false))
            {
                yield return link;
            }
        }
    }
}
