using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Benchmarks.Infrastructure;

/// <summary>
/// Plain ADO.NET access to the benchmark's warehouse database, for seeding and for the floors (which must not go
/// through the library). The SQL is written to be valid on both MySQL/MariaDB and SQLite (backtick quoting).
/// </summary>
internal sealed class WarehouseDb(WarehouseProvider provider, string connectionString)
{
    public WarehouseProvider Provider => provider;

    public string ConnectionString => connectionString;

    /// <summary>The statement returning the identity of the last row inserted on the connection.</summary>
    public string LastIdentity => provider == WarehouseProvider.MySql ? "SELECT LAST_INSERT_ID()" : "SELECT last_insert_rowid()";

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = provider == WarehouseProvider.MySql
            ? new MySqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await ExecuteAsync(connection, null, sql, ct, parameters).ConfigureAwait(false);
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// Inserts rows with multi-row INSERT statements of <paramref name="rowsPerStatement"/> rows, all in one transaction:
    /// the fast way to seed, on both providers.
    /// </summary>
    public async Task BulkInsertAsync(string table, string[] columns, IEnumerable<object?[]> rows, int rowsPerStatement, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (provider == WarehouseProvider.Sqlite)
        {
            // SQLite binds parameters by name in linear time, so wide multi-row statements are quadratic: one prepared
            // single-row statement, re-executed, is its fastest way.
            await using var single = Command(connection, transaction,
                $"INSERT INTO `{table}` ({string.Join(", ", columns.Select(c => $"`{c}`"))}) VALUES ({string.Join(", ", columns.Select((_, c) => "@c" + c.ToString(CultureInfo.InvariantCulture)))})");
            for (var c = 0; c < columns.Length; c++)
            {
                Add(single, "@c" + c.ToString(CultureInfo.InvariantCulture), null);
            }

            await single.PrepareAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    single.Parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await single.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return;
        }

        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO `{table}` ({string.Join(", ", columns.Select(c => $"`{c}`"))}) VALUES ");
            await using var command = Command(connection, transaction, "");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "@p" + r.ToString(CultureInfo.InvariantCulture) + "_" + c.ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? name : ", " + name);
                    Add(command, name, chunk[r][c]);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
