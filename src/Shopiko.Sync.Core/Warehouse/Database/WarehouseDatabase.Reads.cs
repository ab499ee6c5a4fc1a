using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Warehouse.Database;

// Reads: a connection each, translated, retried while nothing has been given to the caller yet.
internal sealed partial class WarehouseDatabase
{
    /// <summary>
    /// The rows of a statement, one at a time from an open reader: 100,000 goods are never held in memory, not even
    /// once. The command is retried when it fails transiently; once a row has been given out, a failure is final.
    /// </summary>
    public async IAsyncEnumerable<TOut> StreamAsync<TRow, TOut>(
        Func<WarehouseSql, string> sql, object? parameters, Func<TRow, TOut> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = await OpenedAsync(cancellationToken).ConfigureAwait(false);
        var text = sql(opened.Sql);
        // A row is read inside the translation and yielded outside it (C# yields from no try with a catch), so a
        // connection dropped mid-read reaches the caller as the library's exception.
        DbConnection connection;
        DbDataReader reader;
        try
        {
            (connection, reader) = await _reads.ExecuteAsync(async ct =>
            {
                var connection = await ConnectAsync(ct).ConfigureAwait(false);
                try
                {
                    var reader = await connection.ExecuteReaderAsync(Command(text, parameters, null, ct)).ConfigureAwait(false);
                    return (connection, reader);
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var parse = reader.GetRowParser<TRow>();
                while (true)
                {
                    TOut item;
                    try
                    {
                        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            break;
                        }

                        item = map(parse(reader));
                    }
                    catch (Exception e) when (IsDriverError(e))
                    {
                        throw Translate(e, Reading);
                    }

                    yield return item;
                }
            }
            finally
            {
                await DisposeQuietlyAsync(reader).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The rows of a statement, all read before they are returned (the whole read is retried when it fails transiently).</summary>
    public Task<List<TOut>> ListAsync<TRow, TOut>(Func<WarehouseSql, string> sql, object? parameters, Func<TRow, TOut> map, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, opened, ct) =>
        {
            var rows = await connection.QueryAsync<TRow>(Command(sql(opened.Sql), parameters, null, ct)).ConfigureAwait(false);
            return rows.Select(map).ToList();
        }, cancellationToken);

    /// <summary>Any read on a connection of its own: translated, and retried whole when it fails transiently.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Opened, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var opened = await OpenedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _reads.ExecuteAsync(async ct =>
            {
                await using var connection = await ConnectAsync(ct).ConfigureAwait(false);
                return await read(connection, opened, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a connection of its own, once: for a read whose result is of a moment (a snapshot
    /// taken in it), which a retry would read as of a later one.
    /// </summary>
    public async Task<T> ReadOnceAsync<T>(Func<DbConnection, Opened, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var opened = await OpenedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection, opened, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e))
        {
            throw Translate(e, Reading);
        }
    }

    /// <summary>Closes a reader whose connection may be gone: an error closing it adds nothing to the one already raised.</summary>
    private static async Task DisposeQuietlyAsync(DbDataReader reader)
    {
        try
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverError(e) || e is InvalidOperationException)
        {
            // The connection is already broken; its own error (if any) is what the caller sees.
        }
    }
}
