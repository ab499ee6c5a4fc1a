using System.Data;
using System.Data.Common;
using System.Data.OleDb;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// Microsoft Access (.mdb) through System.Data.OleDb: PascalCase names as on SQL Server, brackets, positional
/// parameters (Dapper's <c>?name?</c> form, each used once), AutoNumber read with <c>@@IDENTITY</c> in a second
/// command because the Jet provider runs one statement per command. The SQL text can be built anywhere (tests check
/// it on Linux); only a connection needs Windows.
/// </summary>
internal sealed class AccessDialect : WarehouseDialect
{
    private static readonly SqlServerDialect Names = new();

    /// <summary>The message of the exception raised when Access is used on another OS.</summary>
    public static string NotSupportedMessage =>
        "A Microsoft Access (.mdb) Warehouse Pro database can only be opened on Windows, where the Jet/ACE OLE DB provider " +
        $"exists; this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. Run the sync on the Windows PC " +
        "that holds the database, or move the database to MySQL or MS SQL Server.";

    public override WarehouseProvider Provider => WarehouseProvider.Access;

    public override DbConnection CreateConnection(string connectionString)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(NotSupportedMessage);
        }

        return new OleDbConnection(connectionString);
    }

    public override string Describe(string connectionString)
    {
        // Parsed without the provider so a password in the string never reaches a message.
        var b = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return $"Access database '{(b.TryGetValue("Data Source", out var path) ? path : "?")}'";
    }

    public override string ConnectionAdvice(string connectionString)
    {
        var b = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return b.TryGetValue("Data Source", out var path) && path is string file && file.Length > 0 && !File.Exists(file)
            ? $"The file {Path.GetFullPath(file)} does not exist: check the Data Source path of the .mdb file."
            : "Check the Data Source path of the .mdb file, its database password, and that the Microsoft Access Database Engine (OLE DB) is installed.";
    }

    public override string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public override string Param(string name) => "?" + name + "?";

    public override string DefaultTableName(string logical) => Names.DefaultTableName(logical);

    public override bool BatchesStatements => false;

    protected internal override WarehouseStatements CreateStatements(TableNames tables) => new AccessStatements(this, tables);

    public override async Task<IReadOnlyList<string>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var schema = await connection.GetSchemaAsync("Tables", cancellationToken).ConfigureAwait(false);
        return schema.Rows.Cast<DataRow>()
            .Where(r => string.Equals(r["TABLE_TYPE"] as string, "TABLE", StringComparison.OrdinalIgnoreCase))
            .Select(r => (string)r["TABLE_NAME"])
            .ToList();
    }

    // Jet error numbers surface as SQLState: 3022 duplicate key, 3163 field too small, 3218/3260 record locked.
    private static bool HasJetError(Exception exception, params string[] states)
    {
        if (!OperatingSystem.IsWindows() || exception is not OleDbException e)
        {
            return false;
        }

        foreach (OleDbError error in e.Errors)
        {
            if (states.Contains(error.SQLState))
            {
                return true;
            }
        }

        return false;
    }

    public override bool IsDuplicateKey(Exception exception) => HasJetError(exception, "3022");

    public override bool IsTransient(Exception exception) => HasJetError(exception, "3218", "3260");

    public override bool IsValueTooLong(Exception exception) => HasJetError(exception, "3163");

    // The OLE DB Columns schema rowset: CHARACTER_MAXIMUM_LENGTH of a TEXT(n) column is n characters; a memo reports 0
    // or a huge number and is not limited. Jet stores TEXT as Unicode.
    public override Task<IReadOnlyList<Fitting.ColumnLimitRow>> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows() || connection is not OleDbConnection oleDb)
        {
            return Task.FromResult<IReadOnlyList<Fitting.ColumnLimitRow>>([]);
        }

        var schema = oleDb.GetOleDbSchemaTable(OleDbSchemaGuid.Columns, [null, null, null, null]);
        var rows = new List<Fitting.ColumnLimitRow>();
        if (schema is null)
        {
            return Task.FromResult<IReadOnlyList<Fitting.ColumnLimitRow>>(rows);
        }

        foreach (DataRow row in schema.Rows)
        {
            // DATA_TYPE 130 = adWChar (TEXT and memo); other types carry no characters.
            if (row["DATA_TYPE"] is int type && type == 130 && row["TABLE_NAME"] is string table && row["COLUMN_NAME"] is string column)
            {
                var length = row["CHARACTER_MAXIMUM_LENGTH"] is DBNull ? (long?)null : Convert.ToInt64(row["CHARACTER_MAXIMUM_LENGTH"], System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(new Fitting.ColumnLimitRow(table, column, Fitting.ColumnLimit.FromAccess(length)));
            }
        }

        return Task.FromResult<IReadOnlyList<Fitting.ColumnLimitRow>>(rows);
    }

    // Jet errors of one record: duplicate key, field too small, required field, related record, validation rule, type.
    // Missing table/field or a too-few-parameters answer (an unknown column) is the schema; a file that cannot be
    // opened is the connection.
    public override WarehouseErrorKind Classify(Exception exception)
    {
        if (HasJetError(exception, "3078", "3265", "3061", "3127"))
        {
            return WarehouseErrorKind.Schema;
        }

        if (HasJetError(exception, "3024", "3044", "3051", "3343", "3045", "3356", "3218", "3260"))
        {
            return WarehouseErrorKind.Connection;
        }

        return base.Classify(exception);
    }

    // Jet has no IF NOT EXISTS: the statements run only for the tables that are missing (see EnsureSyncStateAsync).
    public override IReadOnlyList<SyncStateColumn> SyncStateUpgrades { get; } =
    [
        new(SyncStateTables.Orders, "Fingerprint", "ALTER TABLE [shopikosync_orders] ADD COLUMN [Fingerprint] TEXT(64)"),
    ];

    public override IReadOnlyList<string> SyncStateDdl { get; } =
    [
        "CREATE TABLE [shopikosync_links] ([Scope] TEXT(100) NOT NULL, [Entity] TEXT(20) NOT NULL, [LocalId] INTEGER NOT NULL, " +
        "[RemoteId] TEXT(100), [ContentHash] TEXT(100), [UpdatedAt] DATETIME, CONSTRAINT [PK_shopikosync_links] PRIMARY KEY ([Scope], [Entity], [LocalId]))",
        "CREATE TABLE [shopikosync_orders] ([ID] COUNTER CONSTRAINT [PK_shopikosync_orders] PRIMARY KEY, [Scope] TEXT(100) NOT NULL, " +
        "[OrderId] TEXT(100) NOT NULL, [Revision] INTEGER NOT NULL, [Status] TEXT(50) NOT NULL, [DocumentNumber] TEXT(50) NOT NULL, " +
        "[OperType] INTEGER NOT NULL, [Acct] INTEGER NOT NULL, [ObjectId] INTEGER NOT NULL, [Acknowledged] INTEGER NOT NULL DEFAULT 0, " +
        "[RecordedAt] DATETIME NOT NULL, [Fingerprint] TEXT(64), CONSTRAINT [UX_shopikosync_orders_revision] UNIQUE ([Scope], [OrderId], [Revision]))",
        "CREATE TABLE [shopikosync_quarantine] ([Scope] TEXT(100) NOT NULL, [Entity] TEXT(20) NOT NULL, [ItemId] TEXT(100) NOT NULL, " +
        "[Reason] LONGTEXT NOT NULL, [FirstSeen] DATETIME NOT NULL, [LastSeen] DATETIME NOT NULL, [Attempts] INTEGER NOT NULL DEFAULT 1, " +
        "CONSTRAINT [PK_shopikosync_quarantine] PRIMARY KEY ([Scope], [Entity], [ItemId]))",
        "CREATE TABLE [shopikosync_marks] ([Scope] TEXT(100) NOT NULL, [Name] TEXT(50) NOT NULL, [Value] TEXT(100), [UpdatedAt] DATETIME, " +
        "CONSTRAINT [PK_shopikosync_marks] PRIMARY KEY ([Scope], [Name]))",
    ];

    private static readonly string[] SyncStateNames = [SyncStateTables.Links, SyncStateTables.Orders, SyncStateTables.Quarantine, SyncStateTables.Marks];

    public override async Task EnsureSyncStateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var existing = await ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < SyncStateNames.Length; i++)
        {
            if (!existing.Contains(SyncStateNames[i], StringComparer.OrdinalIgnoreCase))
            {
                await Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition(SyncStateDdl[i], cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
    }
}
