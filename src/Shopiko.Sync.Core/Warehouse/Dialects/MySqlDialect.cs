using System.Data.Common;
using Dapper;
using MySqlConnector;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>MySQL / MariaDB through MySqlConnector: lowercase table names (case-sensitive on Linux servers), backticks.</summary>
internal sealed class MySqlDialect : WarehouseDialect
{
    public override WarehouseProvider Provider => WarehouseProvider.MySql;

    public override DbConnection CreateConnection(string connectionString) => new MySqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var b = new MySqlConnectionStringBuilder(connectionString);
        return $"MySQL server {b.Server}:{b.Port}, database '{b.Database}'";
    }

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    public override bool UpsertsLinkRows => true;

    protected internal override WarehouseStatements CreateStatements(TableNames tables) => new MySqlStatements(this, tables);

    // MySQL 8 serves UPDATE_TIME from a statistics cache (information_schema_stats_expiry, a day by default): the session
    // asks for live values. MariaDB reads them live and knows no such variable. Without the PROCESS privilege
    // INNODB_TRX is refused: the stamp is then unknown, as before.
    internal override async Task<string?> ReadChangeStampAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        try
        {
            if (connection is MySqlConnection { ServerVersion: { } version } && !version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(version.Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major) && major >= 8)
            {
                await connection.ExecuteAsync(new CommandDefinition("SET SESSION information_schema_stats_expiry = 0", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            return await base.ReadChangeStampAsync(connection, sql, cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException e) when (e.Number is 1227 or 1142)
        {
            return null;
        }
    }

    public override async Task<IReadOnlyList<string>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public override bool IsDuplicateKey(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };

    public override bool IsTransient(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout };

    public override bool IsValueTooLong(Exception exception) =>
        exception is MySqlException { ErrorCode: MySqlErrorCode.DataTooLong };

    // Characters, not bytes: CHARACTER_MAXIMUM_LENGTH counts characters of CHARACTER_SET_NAME (utf8/utf8mb3 holds no
    // 4-byte character, so an emoji is refused there while utf8mb4 takes it).
    private const string SelectColumnLimits =
        "SELECT TABLE_NAME AS TableName, COLUMN_NAME AS ColumnName, CHARACTER_MAXIMUM_LENGTH AS MaxLength, CHARACTER_SET_NAME AS Charset " +
        "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_MAXIMUM_LENGTH IS NOT NULL";

    public override async Task<IReadOnlyList<Fitting.ColumnLimitRow>> ReadColumnLimitsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string TableName, string ColumnName, ulong? MaxLength, string? Charset)>(
            new CommandDefinition(SelectColumnLimits, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new Fitting.ColumnLimitRow(
            r.TableName, r.ColumnName, Fitting.ColumnLimit.FromMySql(r.MaxLength is { } m ? (long)Math.Min(m, long.MaxValue) : null, r.Charset))).ToList();
    }

    // Server error numbers that would fail every record alike; any other error the server answers with is the record's.
    private static readonly HashSet<int> ConnectionErrors =
    [
        1040, 1042, 1043, 1044, 1045, 1049, 1053, 1152, 1158, 1159, 1160, 1161, 1205, 1213, 1290, 1317, 1836, 1927,
        2002, 2003, 2005, 2006, 2013, 2055, 3024,
    ];

    private static readonly HashSet<int> SchemaErrors = [1046, 1051, 1054, 1064, 1109, 1142, 1143, 1146, 1227, 1356];

    public override WarehouseErrorKind Classify(Exception exception)
    {
        if (exception is not MySqlException e)
        {
            return base.Classify(exception);
        }

        // No server number: the client lost the server (a read that failed, a socket closed under us).
        if (e.Number == 0 || e.InnerException is System.IO.IOException or System.Net.Sockets.SocketException || ConnectionErrors.Contains(e.Number))
        {
            return WarehouseErrorKind.Connection;
        }

        return SchemaErrors.Contains(e.Number) ? WarehouseErrorKind.Schema : WarehouseErrorKind.Data;
    }

    public override IReadOnlyList<SyncStateColumn> SyncStateUpgrades { get; } =
    [
        new(SyncStateTables.Orders, "Fingerprint", "ALTER TABLE `shopikosync_orders` ADD COLUMN `Fingerprint` VARCHAR(64) NULL"),
    ];

    public override IReadOnlyList<string> SyncStateDdl { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_links` (
          `Scope` VARCHAR(100) NOT NULL,
          `Entity` VARCHAR(20) NOT NULL,
          `LocalId` INT NOT NULL,
          `RemoteId` VARCHAR(100) NULL,
          `ContentHash` VARCHAR(100) NULL,
          `UpdatedAt` DATETIME NULL,
          PRIMARY KEY (`Scope`, `Entity`, `LocalId`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
        """,
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_orders` (
          `ID` INT NOT NULL AUTO_INCREMENT,
          `Scope` VARCHAR(100) NOT NULL,
          `OrderId` VARCHAR(100) NOT NULL,
          `Revision` INT NOT NULL,
          `Status` VARCHAR(50) NOT NULL,
          `DocumentNumber` VARCHAR(50) NOT NULL,
          `OperType` INT NOT NULL,
          `Acct` BIGINT NOT NULL,
          `ObjectId` INT NOT NULL,
          `Acknowledged` INT NOT NULL DEFAULT 0,
          `RecordedAt` DATETIME NOT NULL,
          `Fingerprint` VARCHAR(64) NULL,
          PRIMARY KEY (`ID`),
          UNIQUE KEY `UX_shopikosync_orders_revision` (`Scope`, `OrderId`, `Revision`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
        """,
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_quarantine` (
          `Scope` VARCHAR(100) NOT NULL,
          `Entity` VARCHAR(20) NOT NULL,
          `ItemId` VARCHAR(100) NOT NULL,
          `Reason` VARCHAR(1000) NOT NULL,
          `FirstSeen` DATETIME NOT NULL,
          `LastSeen` DATETIME NOT NULL,
          `Attempts` INT NOT NULL DEFAULT 1,
          PRIMARY KEY (`Scope`, `Entity`, `ItemId`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
        """,
        """
        CREATE TABLE IF NOT EXISTS `shopikosync_marks` (
          `Scope` VARCHAR(100) NOT NULL,
          `Name` VARCHAR(50) NOT NULL,
          `Value` VARCHAR(100) NULL,
          `UpdatedAt` DATETIME NULL,
          PRIMARY KEY (`Scope`, `Name`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
        """,
    ];
}
