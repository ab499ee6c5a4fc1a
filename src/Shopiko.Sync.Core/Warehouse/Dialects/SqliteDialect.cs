using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>SQLite through Microsoft.Data.Sqlite (the Warehouse Open layout): lowercase names, backticks.</summary>
internal sealed class SqliteDialect : WarehouseDialect
{
    public override WarehouseProvider Provider => WarehouseProvider.Sqlite;

    public override DbConnection CreateConnection(string connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        // A missing file is a wrong path, not a new database: open read-write only unless the caller chose a mode.
        if (!connectionString.Contains("Mode", StringComparison.OrdinalIgnoreCase) && b.DataSource != ":memory:")
        {
            b.Mode = SqliteOpenMode.ReadWrite;
        }

        return new SqliteConnection(b.ToString());
    }

    // Write-ahead logging lets a reader and a writer work at once (a rollback journal answers "database is locked" to a
    // commit while any reader is open) and, with synchronous=NORMAL, a commit costs no fsync: the sync-state rows a run
    // writes per batch or per order no longer wait for the disk. WAL is a property of the file (set once, kept);
    // synchronous is per connection. Both are best effort: a read-only or busy file keeps its journal.
    public override async Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection { DataSource: not (":memory:" or "") })
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // Read-only, or another connection is in a transaction: keep the journal the file has.
            }

            await connection.ExecuteAsync(new CommandDefinition("PRAGMA synchronous=NORMAL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (connection is SqliteConnection sqlite)
        {
            RowHashFunction.Register(sqlite);
        }
    }

    public override string ConnectionAdvice(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return file.Length > 0 && file != ":memory:" && !File.Exists(file)
            ? $"The file {Path.GetFullPath(file)} does not exist: check the Data Source path (a relative path is taken from {Environment.CurrentDirectory})."
            : "Check the Data Source path, that the file is a SQLite database, and that this account may read and write it and its folder.";
    }

    public override string Describe(string connectionString) =>
        $"SQLite file '{new SqliteConnectionStringBuilder(connectionString).DataSource}'";

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    // SQLite locks the whole database for a writer (BEGIN IMMEDIATE); Serializable is what it really provides.
    public override IsolationLevel WriteIsolation => IsolationLevel.Serializable;

    public override bool UpsertsLinkRows => true;

    protected internal override WarehouseStatements CreateStatements(TableNames tables) => new SqliteStatements(this, tables);

    // A commit writes the file or its write-ahead log, so their sizes and times change with every write by anyone (the
    // program, the library): an idle database keeps the catalogue checksums, computed in this process, from running.
    internal override string? ChangeStamp(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return null;
        }

        static string Of(FileInfo f) => f.Exists ? $"{f.Length}@{f.LastWriteTimeUtc.Ticks}" : "-";
        return $"{Of(new FileInfo(file))}|{Of(new FileInfo(file + "-wal"))}";
    }

    public override async Task<IReadOnlyList<string>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table'", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    // 19 = SQLITE_CONSTRAINT; 1555 / 2067 = primary key / unique.
    public override bool IsDuplicateKey(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 };

    // 5 = SQLITE_BUSY, 6 = SQLITE_LOCKED.
    public override bool IsTransient(Exception exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    // SQLite does not limit text length; the store checks lengths itself.
    public override bool IsValueTooLong(Exception exception) => false;

    // SQLite limits no text; what it refuses per record is a constraint (19), a value too big (18), a type mismatch
    // (20) or a value out of range (25). "no such table/column" is SQLITE_ERROR (1); the rest is the file itself.
    public override WarehouseErrorKind Classify(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 18 or 19 or 20 or 25 } => WarehouseErrorKind.Data,
        SqliteException { SqliteErrorCode: 1 } => WarehouseErrorKind.Schema,
        SqliteException => WarehouseErrorKind.Connection,
        _ => base.Classify(exception),
    };

    // In-process: there is no round trip to save, and one long command costs more than its statements one by one (the
    // provider binds every parameter of the command against each statement it holds).
    public override bool CombinesWrites => false;

    public override IReadOnlyList<SyncStateColumn> SyncStateUpgrades { get; } =
    [
        new(SyncStateTables.Orders, "Fingerprint", "ALTER TABLE `shopikosync_orders` ADD COLUMN `Fingerprint` TEXT NULL"),
    ];

    public override IReadOnlyList<string> SyncStateDdl { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_links` (
          `Scope` TEXT NOT NULL,
          `Entity` TEXT NOT NULL,
          `LocalId` INTEGER NOT NULL,
          `RemoteId` TEXT NULL,
          `ContentHash` TEXT NULL,
          `UpdatedAt` DATETIME NULL,
          PRIMARY KEY (`Scope`, `Entity`, `LocalId`)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_orders` (
          `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
          `Scope` TEXT NOT NULL,
          `OrderId` TEXT NOT NULL,
          `Revision` INTEGER NOT NULL,
          `Status` TEXT NOT NULL,
          `DocumentNumber` TEXT NOT NULL,
          `OperType` INTEGER NOT NULL,
          `Acct` INTEGER NOT NULL,
          `ObjectId` INTEGER NOT NULL,
          `Acknowledged` INTEGER NOT NULL DEFAULT 0,
          `RecordedAt` DATETIME NOT NULL,
          `Fingerprint` TEXT NULL,
          UNIQUE (`Scope`, `OrderId`, `Revision`)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_quarantine` (
          `Scope` TEXT NOT NULL,
          `Entity` TEXT NOT NULL,
          `ItemId` TEXT NOT NULL,
          `Reason` TEXT NOT NULL,
          `FirstSeen` DATETIME NOT NULL,
          `LastSeen` DATETIME NOT NULL,
          `Attempts` INTEGER NOT NULL DEFAULT 1,
          PRIMARY KEY (`Scope`, `Entity`, `ItemId`)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_marks` (
          `Scope` TEXT NOT NULL,
          `Name` TEXT NOT NULL,
          `Value` TEXT NULL,
          `UpdatedAt` DATETIME NULL,
          PRIMARY KEY (`Scope`, `Name`)
        )
        """,
    ];
}
