using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

// The library's own tables (shopikosync_*) in the warehouse database: links with content hashes, imported order
// revisions (the unique key on scope + order + revision is the exactly-once guard) and the quarantine.
internal sealed partial class WarehouseStore
{
    private const int IdLength = 100;

    public async Task EnsureSyncStateAsync(CancellationToken cancellationToken = default)
    {
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _dialect.EnsureSyncStateAsync(connection, cancellationToken).ConfigureAwait(false);
            await _dialect.UpgradeSyncStateAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e) && _dialect.Classify(e) == Dialects.WarehouseErrorKind.Connection)
        {
            throw Translate(e, "the creation of the sync tables (shopikosync_*)");
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw new WarehouseSchemaException(
                $"Cannot create the sync tables (shopikosync_*) in {Where}: {e.Message} The database user needs the right to create tables.", e);
        }

        _syncStateReady = true;
    }

    private Task EnsureSyncStateOnceAsync(CancellationToken cancellationToken) =>
        _syncStateReady ? Task.CompletedTask : EnsureSyncStateAsync(cancellationToken);

    private static void ValidateOrder(OrderImportRecord order)
    {
        Text.Own(order.Scope, "The shop scope", IdLength);
        Text.Own(order.OrderId, "The shop order id", IdLength);
        Text.Own(order.Status, "The shop order status", 50);
        Text.Own(order.Fingerprint, "The order fingerprint", FingerprintLength);
    }

    /// <summary>Longest order fingerprint the sync state keeps.</summary>
    private const int FingerprintLength = 64;

    private async Task RequireOrderNotRecordedAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, OrderImportRecord order, CancellationToken cancellationToken)
    {
        var count = await connection.ExecuteScalarAsync<long>(Command(sql.CountImportedOrderRevision,
            new { order.Scope, order.OrderId, order.Revision }, transaction, cancellationToken)).ConfigureAwait(false);
        if (count > 0)
        {
            throw new OrderAlreadyImportedException(order.OrderId, order.Revision);
        }
    }

    /// <summary>The parameters of <see cref="WarehouseSql.InsertImportedOrder"/>.</summary>
    private Action<BatchParameters> OrderRecordParameters(OrderImportRecord order, string number, int operType, long acct, int objectId)
    {
        var recordedAt = Clock.UtcNow(_time);
        return p =>
        {
            p.Add("Scope", order.Scope);
            p.Add("OrderId", order.OrderId);
            p.Add("Revision", order.Revision);
            p.Add("Status", order.Status);
            p.Add("DocumentNumber", number);
            p.Add("OperType", operType);
            p.Add("Acct", acct);
            p.Add("ObjectId", objectId);
            p.Add("Acknowledged", 0);
            p.Add("RecordedAt", recordedAt);
            p.Add("Fingerprint", order.Fingerprint);
        };
    }

    private async Task RecordOrderAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, OrderImportRecord order,
        string number, int operType, long acct, int objectId, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new DynamicParameters();
            OrderRecordParameters(order, number, operType, acct, objectId)(new BatchParameters(parameters, ""));
            await connection.ExecuteAsync(Command(sql.InsertImportedOrder, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException e) when (_dialect.IsDuplicateKey(e))
        {
            // Another engine recorded the same revision between our check and this insert: its document stands,
            // ours is rolled back with this transaction.
            throw new OrderAlreadyImportedException(order.OrderId, order.Revision, e);
        }
    }

    private async Task WriteLinkAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, ScopedLink? link, int localId, CancellationToken cancellationToken)
    {
        if (link is not null)
        {
            await UpsertLinkAsync(connection, transaction, sql, link.Scope, new SyncLink(link.Entity, localId, link.RemoteId, link.ContentHash), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UpsertLinkAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, string scope, SyncLink link, CancellationToken cancellationToken)
    {
        // UPDATE, then INSERT when nothing matched: the same two statements work on all four engines.
        var parameters = new
        {
            Scope = Text.Own(scope, "The shop scope", IdLength),
            Entity = link.Entity.ToString(),
            link.LocalId,
            RemoteId = Text.Own(link.RemoteId, "The shop id", IdLength),
            ContentHash = Text.Own(link.ContentHash, "The content hash", IdLength),
            Now = Clock.UtcNow(_time),
        };
        var updated = await connection.ExecuteAsync(Command(sql.UpdateLink, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        if (updated == 0)
        {
            await connection.ExecuteAsync(Command(sql.InsertLink, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<SyncLink> ReadLinksAsync(string scope, SyncEntity entity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var link in StreamAsync<LinkRow, SyncLink>(s => s.SelectLinks, new { Scope = scope, Entity = entity.ToString() },
            r => new SyncLink(entity, r.LocalId, r.RemoteId, r.ContentHash), cancellationToken).ConfigureAwait(false))
        {
            yield return link;
        }
    }

    public async Task<bool> HasLinksAsync(string scope, SyncEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        var opened = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var first = await connection.ExecuteScalarAsync<int?>(Command(opened.Sql.SelectFirstLinkId,
                new { Scope = scope, Entity = entity.ToString() }, null, cancellationToken)).ConfigureAwait(false);
            return first is not null;
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }
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
        // The last row of a local ID wins, as when the rows were written one after another.
        var rows = links.GroupBy(l => (l.Entity, l.LocalId)).Select(g => g.Last()).ToList();
        foreach (var link in rows)
        {
            Text.Own(link.RemoteId, "The shop id", IdLength);
            Text.Own(link.ContentHash, "The content hash", IdLength);
        }

        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(async (connection, transaction, sql, _) =>
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
            var now = Clock.UtcNow(_time);
            foreach (var entity in rows.GroupBy(l => l.Entity))
            {
                foreach (var chunk in entity.Chunk(WarehouseDialect.MaxRowsPerStatement))
                {
                    var (text, parameters) = sql.UpsertLinks(new LinkRows(scope, entity.Key.ToString(), now, chunk));
                    if (parameters is ICommandParameters own)
                    {
                        await ExecuteAsync(connection, transaction, text, own, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await connection.ExecuteAsync(Command(text, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                    }
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a statement whose parameters bind themselves (no Dapper in between).</summary>
    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string text, ICommandParameters parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        command.CommandTimeout = _commandTimeout;
        parameters.AddTo(command);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Clears the content hashes of an entity's links in a scope, so the next export sends them all again (tests only).</summary>
    internal async Task ClearLinkHashesAsync(string scope, SyncEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync((connection, transaction, sql, _) =>
            connection.ExecuteAsync(Command(sql.ClearLinkHashes, new { Scope = scope, Entity = entity.ToString() }, transaction, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ImportedOrder>> ReadImportedOrderAsync(string scope, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(orderId);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync<ImportedOrderRow, ImportedOrder>(s => s.SelectImportedOrder, new { Scope = scope, OrderId = orderId },
            r => r.ToImportedOrder(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ImportedOrder>> ReadImportedOrdersAsync(string scope, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(orderIds);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ImportedOrder>();
        foreach (var chunk in orderIds.Distinct(StringComparer.Ordinal).Chunk(WarehouseDialect.MaxRowsPerStatement))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Scope", scope, System.Data.DbType.String);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add("O" + i, chunk[i], System.Data.DbType.String);
            }

            found.AddRange(await ListAsync<ImportedOrderRow, ImportedOrder>(s => s.SelectImportedOrders(chunk.Length), parameters,
                r => r.ToImportedOrder(), cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    public async Task<IReadOnlyList<ImportedOrder>> ReadUnacknowledgedOrdersAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync<ImportedOrderRow, ImportedOrder>(s => s.SelectUnacknowledgedOrders, new { Scope = scope },
            r => r.ToImportedOrder(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks one order revision acknowledged by the shop (tests only; the engine marks in batches).</summary>
    internal async Task MarkOrderAcknowledgedAsync(string scope, string orderId, int revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(orderId);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync((connection, transaction, sql, _) =>
            connection.ExecuteAsync(Command(sql.AcknowledgeOrder, new { Scope = scope, OrderId = orderId, Revision = revision }, transaction, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkOrdersAcknowledgedAsync(string scope, IReadOnlyCollection<OrderRevision> revisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0)
        {
            return;
        }

        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        // One UPDATE per chunk (its revisions OR-ed), all in this one transaction: one statement and one commit for the lot.
        var rows = revisions.Distinct().ToList();
        await WriteAsync(async (connection, transaction, sql, _) =>
        {
            foreach (var chunk in rows.Chunk(_dialect.BatchesStatements ? AcknowledgedPerStatement : AcknowledgedPerAccessStatement))
            {
                var parameters = new DynamicParameters();
                parameters.Add("Scope", scope, System.Data.DbType.String);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameters.Add("O" + n, chunk[i].OrderId, System.Data.DbType.String);
                    parameters.Add("R" + n, chunk[i].Revision, System.Data.DbType.Int32);
                }

                await connection.ExecuteAsync(Command(sql.AcknowledgeOrders(chunk.Length), parameters, transaction, cancellationToken)).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revisions one acknowledging UPDATE names (two parameters each).</summary>
    private const int AcknowledgedPerStatement = 100;

    /// <summary>Access takes at most 99 ANDs in a WHERE clause.</summary>
    private const int AcknowledgedPerAccessStatement = 40;

    public async Task QuarantineAsync(string scope, SyncEntity entity, string id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reason);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        var now = Clock.UtcNow(_time);
        var parameters = new
        {
            Scope = Text.Own(scope, "The shop scope", IdLength),
            Entity = entity.ToString(),
            ItemId = Text.Own(id, "The quarantined id", IdLength),
            // The reason is for people: a long one is shortened rather than refused.
            Reason = reason.Length <= 1000 ? reason : reason[..997] + "...",
            Now = now,
            FirstSeen = now,
            LastSeen = now,
        };
        await WriteAsync(async (connection, transaction, sql, _) =>
        {
            var updated = await connection.ExecuteAsync(Command(sql.UpdateQuarantine, parameters, transaction, cancellationToken)).ConfigureAwait(false);
            if (updated == 0)
            {
                try
                {
                    await connection.ExecuteAsync(Command(sql.InsertQuarantine, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                }
                catch (DbException e) when (_dialect.IsDuplicateKey(e))
                {
                    // Another engine quarantined the same item between our UPDATE and INSERT (both saw it first):
                    // its row stands, ours becomes the update it would have been.
                    updated = await connection.ExecuteAsync(Command(sql.UpdateQuarantine, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                }
            }

            return updated;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseQuarantineAsync(string scope, SyncEntity entity, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(id);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync((connection, transaction, sql, _) =>
            connection.ExecuteAsync(Command(sql.DeleteQuarantine, new { Scope = scope, Entity = entity.ToString(), ItemId = id }, transaction, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QuarantineEntry>> ReadQuarantineAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync<QuarantineRow, QuarantineEntry>(s => s.SelectQuarantine, new { Scope = scope }, r => r.ToEntry(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadMarkAsync(string scope, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        return (await ListAsync<string?, string?>(s => s.SelectMark, new { Scope = scope, Name = name }, v => v, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();
    }

    public async Task SaveMarkAsync(string scope, string name, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new
        {
            Scope = Text.Own(scope, "The shop scope", IdLength),
            Name = Text.Own(name, "The mark name", 50),
            Value = Text.Own(value, "The mark value", IdLength),
            Now = Clock.UtcNow(_time),
        };
        await WriteAsync(async (connection, transaction, sql, _) =>
        {
            var updated = await connection.ExecuteAsync(Command(sql.UpdateMark, parameters, transaction, cancellationToken)).ConfigureAwait(false);
            if (updated == 0)
            {
                try
                {
                    await connection.ExecuteAsync(Command(sql.InsertMark, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                }
                catch (DbException e) when (_dialect.IsDuplicateKey(e))
                {
                    // Another engine inserted the mark between our UPDATE and INSERT (both ran for the first time).
                    updated = await connection.ExecuteAsync(Command(sql.UpdateMark, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                }
            }

            return updated;
        }, cancellationToken).ConfigureAwait(false);
    }
}
