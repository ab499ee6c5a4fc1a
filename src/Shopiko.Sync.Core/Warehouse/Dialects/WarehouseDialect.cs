using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// What differs between the database engines a Warehouse Pro database lives in: the driver, quoting, parameters,
/// capabilities, error codes and DDL. The statements are one member each of <see cref="WarehouseStatements"/>, written
/// once in the common SQL and overridden by the provider's subclass where its engine needs another shape
/// (<see cref="CreateStatements"/>), so the store never holds SQL text.
/// </summary>
internal abstract partial class WarehouseDialect
{
    /// <summary>The provider this dialect speaks.</summary>
    public abstract WarehouseProvider Provider { get; }

    /// <summary>Creates a closed connection.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Where the connection points, for messages (never includes a password).</summary>
    public abstract string Describe(string connectionString);

    /// <summary>What to check when the database cannot be opened: a database server's address and login by default.</summary>
    public virtual string ConnectionAdvice(string connectionString) =>
        $"Check the server address, port, database name, user and password in the {Provider} connection string, and that the server is running.";

    /// <summary>Quotes an identifier (column or table).</summary>
    public abstract string Quote(string identifier);

    /// <summary>The token of a named parameter in SQL text (Dapper binds it by name, or by position for OLE DB).</summary>
    public virtual string Param(string name) => "@" + name;

    /// <summary>The name a logical (lowercase) table has in a fresh database of this engine.</summary>
    public virtual string DefaultTableName(string logical) => logical;

    /// <summary>Isolation of write transactions: it must make MAX(Acct) and stock reads see committed work of other writers.</summary>
    public virtual IsolationLevel WriteIsolation => IsolationLevel.ReadCommitted;

    /// <summary>True when one command may hold several statements (an INSERT followed by the identity SELECT).</summary>
    public virtual bool BatchesStatements => true;

    /// <summary>
    /// True when a transaction's independent writes go to the server as one command (<see cref="StatementBatch"/>): it
    /// saves a round trip per statement on a server engine.
    /// </summary>
    public virtual bool CombinesWrites => BatchesStatements;

    /// <summary>Most parameters one command may carry (<see cref="StatementBatch"/> sends more as several commands).</summary>
    public virtual int MaxParametersPerCommand => int.MaxValue;

    /// <summary>True when one INSERT may carry several rows in VALUES (every engine but Access).</summary>
    public virtual bool InsertsManyRows => BatchesStatements;

    /// <summary>Sets up a connection the store has just opened (session settings), before any statement of its own.</summary>
    public virtual Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lists the tables of the connected database.</summary>
    public abstract Task<IReadOnlyList<string>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> is a primary/unique key violation.</summary>
    public abstract bool IsDuplicateKey(Exception exception);

    /// <summary>True when the transaction was chosen as a deadlock victim or timed out on a lock: safe to retry whole.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>True when a value did not fit its column.</summary>
    public abstract bool IsValueTooLong(Exception exception);

    /// <summary>
    /// The length and character set of every text column of the connected database, as its own catalogue declares
    /// them (table names as the database spells them). None on an engine that does not limit text (SQLite).
    /// </summary>
    public virtual Task<IReadOnlyList<Fitting.ColumnLimitRow>> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Fitting.ColumnLimitRow>>([]);

    /// <summary>
    /// What a driver error means for the run: one record refused (<see cref="WarehouseErrorKind.Data"/>), or every
    /// record would fail alike (connection, schema). Errors the dialect does not know are the record's own when the
    /// server answered with an error code, and the connection's when it did not answer at all.
    /// </summary>
    public virtual WarehouseErrorKind Classify(Exception exception) =>
        exception is DbException ? WarehouseErrorKind.Data : WarehouseErrorKind.Connection;

    /// <summary>The statements creating the library's sync-state tables when missing.</summary>
    public abstract IReadOnlyList<string> SyncStateDdl { get; }

    /// <summary>Most rows one multi-row statement carries (SQL Server allows 1,000 rows in VALUES and 2,100 parameters).</summary>
    public const int MaxRowsPerStatement = 500;

    /// <summary>
    /// True when one statement inserts or updates many link rows (<see cref="WarehouseStatements.UpsertLinks"/>, which
    /// such a dialect's statements override); false where the engine has no upsert (Access): the store updates, then
    /// inserts, row by row.
    /// </summary>
    public virtual bool UpsertsLinkRows => false;

    /// <summary>The provider's statements against the actual table names of one database.</summary>
    protected internal abstract WarehouseStatements CreateStatements(TableNames tables);

    /// <summary>Builds every statement the store runs, against the actual table names of one database.</summary>
    public WarehouseSql BuildSql(TableNames tables) => CreateStatements(tables).ToSql();

    /// <summary>Most IDs a list passes as parameters.</summary>
    public const int MaxIdParameters = 500;

    /// <summary>The parameters of an ID list built by the statements (none when the IDs are written into the text).</summary>
    public static void AddIdParameters(DynamicParameters parameters, string prefix, IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > MaxIdParameters)
        {
            return;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            parameters.Add(prefix + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }
    }

    /// <summary>
    /// Columns added to the sync-state tables after they were first released, each with the ALTER statement that adds
    /// it to a table created before: the tables' DDL already holds them, so only an older database runs these.
    /// </summary>
    public abstract IReadOnlyList<SyncStateColumn> SyncStateUpgrades { get; }

    /// <summary>
    /// Adds the <see cref="SyncStateUpgrades"/> columns an existing table lacks, keeping its rows. Probing with a
    /// SELECT of the column works the same on every engine; a second engine upgrading at the same moment makes the
    /// ALTER fail, after which the column is simply there.
    /// </summary>
    public async Task UpgradeSyncStateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var upgrade in SyncStateUpgrades)
        {
            if (await HasColumnAsync(connection, upgrade.Table, upgrade.Column, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await connection.ExecuteAsync(new CommandDefinition(upgrade.Alter, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Another engine may have added it first; anything else fails the upgrade.
                if (!await HasColumnAsync(connection, upgrade.Table, upgrade.Column, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> HasColumnAsync(DbConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteScalarAsync(new CommandDefinition(
                $"SELECT {Quote(column)} FROM {Quote(table)} WHERE 1 = 0", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Creates the sync-state tables that are missing. Engines with IF NOT EXISTS simply run <see cref="SyncStateDdl"/>.</summary>
    public virtual async Task EnsureSyncStateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var statement in SyncStateDdl)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}

/// <summary>What a database error means for a run.</summary>
internal enum WarehouseErrorKind
{
    /// <summary>The database refused this record (too long, bad string, a constraint): quarantine it and go on.</summary>
    Data,

    /// <summary>The database is unreachable, the connection dropped or the login is refused: every record would fail.</summary>
    Connection,

    /// <summary>A table or column is missing or may not be used: every record would fail.</summary>
    Schema,
}

/// <summary>Names of the library's own tables in the warehouse database (lowercase on every engine).</summary>
internal static class SyncStateTables
{
    /// <summary>Links between warehouse records and shop ids, with content hashes.</summary>
    public const string Links = "shopikosync_links";

    /// <summary>Imported order revisions: the exactly-once guard.</summary>
    public const string Orders = "shopikosync_orders";

    /// <summary>Items held back with a reason.</summary>
    public const string Quarantine = "shopikosync_quarantine";

    /// <summary>Named values the library remembers between runs (e.g. the shop time a listing is complete up to).</summary>
    public const string Marks = "shopikosync_marks";
}

/// <summary>A column added to a sync-state table after its first release.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column.</param>
/// <param name="Alter">The statement adding it (NULL allowed, so existing rows stay as they are).</param>
internal sealed record SyncStateColumn(string Table, string Column, string Alter);
