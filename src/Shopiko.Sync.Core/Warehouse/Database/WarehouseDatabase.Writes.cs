using System.Data.Common;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Database;

// Writes: every one a transaction of its own, run again whole when another writer made it fail for a moment.
internal sealed partial class WarehouseDatabase
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits. A deadlock or lock timeout rolls everything back
    /// and runs the whole transaction again (<see cref="WarehouseRetry"/>); any other failure rolls back and surfaces
    /// as a typed exception.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, WarehouseSql, WarehouseSettings, Task<T>> work, CancellationToken cancellationToken)
    {
        var opened = await OpenedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _writes.ExecuteAsync(async ct =>
            {
                await using var connection = await ConnectAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(Dialect.WriteIsolation, ct).ConfigureAwait(false);
                var result = await work(connection, transaction, opened.Sql, opened.Info.Settings).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, "the write", write: true);
        }
    }

    /// <summary>Runs a statement whose parameters bind themselves (no Dapper in between).</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string text, ICommandParameters parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        command.CommandTimeout = CommandTimeout;
        parameters.AddTo(command);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
