using System.Data.Common;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Database;

namespace Shopiko.Sync.Engine.State;

/// <summary>
/// The one <see cref="ISyncStateStore"/>: the library's tables in the warehouse database, through the same
/// <see cref="WarehouseDatabase"/> as the warehouse store (so the writes that belong to a warehouse write — the order
/// record with its document, the link with a created record — are made by the store in its own transaction with the
/// methods here that take one).
/// </summary>
internal sealed partial class SyncStateStore(WarehouseDatabase database) : ISyncStateStore
{
    /// <summary>Longest shop id, scope, content hash and mark value the sync state keeps.</summary>
    private const int IdLength = 100;

    /// <summary>Longest order fingerprint the sync state keeps.</summary>
    private const int FingerprintLength = 64;

    /// <summary>Longest mark name.</summary>
    private const int MarkNameLength = 50;

    private readonly WarehouseDatabase _db = database;
    private bool _ready;

    /// <summary>
    /// The sync state of <paramref name="store"/>: the library's own store keeps it beside the warehouse on its gateway;
    /// any other store gets one of its own on the same connection.
    /// </summary>
    public static ISyncStateStore Of(IWarehouseStore store, WarehouseConnectionOptions connection, TimeProvider time, Microsoft.Extensions.Logging.ILogger logger) =>
        store is WarehouseStore own ? own.State : new SyncStateStore(new WarehouseDatabase(connection, time, logger));

    public async Task EnsureTablesAsync(CancellationToken cancellationToken = default)
    {
        await _db.OpenedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _db.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _db.Dialect.EnsureSyncStateAsync(connection, cancellationToken).ConfigureAwait(false);
            // Tables of older versions gain what was added since (the Fingerprint column), in place.
            await _db.Dialect.UpgradeSyncStateAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (_db.IsConnectionError(e))
        {
            throw _db.Translate(e, "the creation of the sync tables (shopikosync_*)");
        }
        catch (Exception e) when (WarehouseDatabase.IsDriverError(e))
        {
            throw new WarehouseSchemaException(
                $"Cannot create the sync tables (shopikosync_*) in {_db.Where}: {e.Message} The database user needs the right to create tables.", e);
        }

        _ready = true;
    }

    /// <summary>Creates the tables the first time this store needs them.</summary>
    internal Task EnsureOnceAsync(CancellationToken cancellationToken) =>
        _ready ? Task.CompletedTask : EnsureTablesAsync(cancellationToken);

    /// <summary>
    /// Writes one row of a keyed table: <paramref name="update"/>, then <paramref name="insert"/> when nothing matched —
    /// the same two statements work on all four engines. A duplicate key on the insert means another engine inserted
    /// the row between the two (both saw it missing): that row stands, and ours becomes the update it would have been.
    /// </summary>
    /// <returns>True when the row was inserted.</returns>
    internal async Task<bool> UpsertAsync(DbConnection connection, DbTransaction transaction, string update, string insert, object parameters, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(_db.Command(update, parameters, transaction, cancellationToken)).ConfigureAwait(false) > 0)
        {
            return false;
        }

        try
        {
            await connection.ExecuteAsync(_db.Command(insert, parameters, transaction, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (DbException e) when (_db.Dialect.IsDuplicateKey(e))
        {
            await connection.ExecuteAsync(_db.Command(update, parameters, transaction, cancellationToken)).ConfigureAwait(false);
            return false;
        }
    }
}
