using System.Data.Common;
using Dapper;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.State;

// Imported order revisions: the unique key on scope + order + revision is the exactly-once guard. The record of a
// revision is written by the warehouse store, in the transaction of the document it booked, with the methods here.
internal sealed partial class SyncStateStore
{
    /// <summary>Revisions one acknowledging UPDATE names (two parameters each).</summary>
    private const int AcknowledgedPerStatement = 100;

    /// <summary>Access takes at most 99 ANDs in a WHERE clause.</summary>
    private const int AcknowledgedPerAccessStatement = 40;

    public async Task<IReadOnlyList<ImportedOrder>> ReadImportedOrderAsync(string scope, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(orderId);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        return await _db.ListAsync<ImportedOrderRow, ImportedOrder>(s => s.SelectImportedOrder, new { Scope = scope, OrderId = orderId },
            r => r.ToImportedOrder(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ImportedOrder>> ReadImportedOrdersAsync(string scope, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(orderIds);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ImportedOrder>();
        foreach (var chunk in orderIds.Distinct(StringComparer.Ordinal).Chunk(WarehouseDialect.MaxRowsPerStatement))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Scope", scope, System.Data.DbType.String);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add("O" + i, chunk[i], System.Data.DbType.String);
            }

            found.AddRange(await _db.ListAsync<ImportedOrderRow, ImportedOrder>(s => s.SelectImportedOrders(chunk.Length), parameters,
                r => r.ToImportedOrder(), cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    public async Task<IReadOnlyList<ImportedOrder>> ReadUnacknowledgedOrdersAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        return await _db.ListAsync<ImportedOrderRow, ImportedOrder>(s => s.SelectUnacknowledgedOrders, new { Scope = scope },
            r => r.ToImportedOrder(), cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkOrdersAcknowledgedAsync(string scope, IReadOnlyCollection<OrderRevision> revisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0)
        {
            return;
        }

        await EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        // One UPDATE per chunk (its revisions OR-ed), all in this one transaction: one statement and one commit for the lot.
        var rows = revisions.Distinct().ToList();
        await _db.WriteAsync(async (connection, transaction, sql, _) =>
        {
            foreach (var chunk in rows.Chunk(_db.Dialect.BatchesStatements ? AcknowledgedPerStatement : AcknowledgedPerAccessStatement))
            {
                var parameters = new DynamicParameters();
                parameters.Add("Scope", scope, System.Data.DbType.String);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameters.Add("O" + n, chunk[i].OrderId, System.Data.DbType.String);
                    parameters.Add("R" + n, chunk[i].Revision, System.Data.DbType.Int32);
                }

                await connection.ExecuteAsync(_db.Command(sql.AcknowledgeOrders(chunk.Length), parameters, transaction, cancellationToken)).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    // ---- Inside the warehouse store's transaction: the record of the document an order revision booked.

    /// <summary>Refuses an order record that the sync state cannot keep, before anything is written.</summary>
    internal static void ValidateOrder(OrderImportRecord order)
    {
        Text.Own(order.Scope, "The shop scope", IdLength);
        Text.Own(order.OrderId, "The shop order id", IdLength);
        Text.Own(order.Status, "The shop order status", 50);
        Text.Own(order.Fingerprint, "The order fingerprint", FingerprintLength);
    }

    /// <summary>Stops the transaction with <see cref="OrderAlreadyImportedException"/> when the revision is recorded.</summary>
    internal async Task RequireOrderNotRecordedAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, OrderImportRecord order, CancellationToken cancellationToken)
    {
        var count = await connection.ExecuteScalarAsync<long>(_db.Command(sql.CountImportedOrderRevision,
            new { order.Scope, order.OrderId, order.Revision }, transaction, cancellationToken)).ConfigureAwait(false);
        if (count > 0)
        {
            throw new OrderAlreadyImportedException(order.OrderId, order.Revision);
        }
    }

    /// <summary>The newest recorded revision of the order, read inside <paramref name="transaction"/>, or null.</summary>
    internal async Task<ImportedOrder?> ReadLatestOrderAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, OrderImportRecord order, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ImportedOrderRow>(_db.Command(sql.SelectImportedOrder, new { order.Scope, order.OrderId }, transaction, cancellationToken)).ConfigureAwait(false))
            .FirstOrDefault()?.ToImportedOrder();

    /// <summary>The parameters of <see cref="WarehouseSql.InsertImportedOrder"/>, for the document's batch.</summary>
    internal Action<BatchParameters> OrderRecordParameters(OrderImportRecord order, string number, int operType, long acct, int objectId)
    {
        var recordedAt = Clock.UtcNow(_db.Time);
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
}
