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

    public override string Describe(string connectionString) =>
        $"SQLite file '{new SqliteConnectionStringBuilder(connectionString).DataSource}'";

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    // SQLite locks the whole database for a writer (BEGIN IMMEDIATE); Serializable is what it really provides.
    public override IsolationLevel WriteIsolation => IsolationLevel.Serializable;

    protected override string LastIdentity => "SELECT last_insert_rowid()";

    // UPSERT exists since SQLite 3.24 (2018); Microsoft.Data.Sqlite bundles a far newer one.
    protected override string UpsertLinks(int rows) =>
        $"INSERT INTO `{SyncStateTables.Links}` (`Scope`, `Entity`, `LocalId`, `RemoteId`, `ContentHash`, `UpdatedAt`) VALUES " +
        LinkRowValues(rows, "@Scope, @Entity, ", ", @Now") +
        " ON CONFLICT (`Scope`, `Entity`, `LocalId`) DO UPDATE SET `RemoteId` = excluded.`RemoteId`, " +
        "`ContentHash` = excluded.`ContentHash`, `UpdatedAt` = excluded.`UpdatedAt`";

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
    ];
}
