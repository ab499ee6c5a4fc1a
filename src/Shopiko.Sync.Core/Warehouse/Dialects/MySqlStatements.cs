using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The statements MySQL / MariaDB receive where they differ from the common ones (<see cref="WarehouseStatements"/>),
/// as the server receives them: backticks, <c>@Name</c> parameters.
/// </summary>
internal sealed class MySqlStatements(WarehouseDialect dialect, TableNames tables) : WarehouseStatements(dialect, tables)
{
    public override string LastIdentity => "SELECT LAST_INSERT_ID()";

    // InnoDB's default REPEATABLE READ would let MAX(Acct) and plain reads see a snapshot older than a concurrent
    // cashier's commit; READ COMMITTED plus FOR UPDATE on the rows read before a write reads the latest committed state.
    public override string SelectGroupCodes => $"SELECT `Code` FROM {GoodsGroups} FOR UPDATE";

    // FOR UPDATE locks the store rows only: the lots expiry is read in a subquery, which a locking read leaves unlocked.
    public override string SelectStoreRows(IReadOnlyList<int> ids) => StoreRows(ids, "", " FOR UPDATE");

    public override string SelectDocumentRows =>
        "SELECT `GoodID` AS GoodId, `PartnerID` AS PartnerId, `Qtty` AS Qtty, `PriceIn` AS PriceIn, `PriceOut` AS PriceOut, `VATOut` AS VatOut, " +
        $"`Discount` AS Discount FROM {Operations} " +
        "WHERE `OperType` = @OperType AND `Acct` = @Acct AND `ObjectID` = @ObjectId ORDER BY `ID` FOR UPDATE";

    // VALUES(col) rather than an alias: MariaDB and MySQL before 8.0.19 know only this form (8.0.20+ merely warns).
    public override SqlBatch UpsertLinks(LinkRows rows) => new(
        LinkStatement(rows.Rows.Count, count =>
            $"INSERT INTO `shopikosync_links` (`Scope`, `Entity`, `LocalId`, `RemoteId`, `ContentHash`, `UpdatedAt`) VALUES {LinkRowValues(count, "@Scope, @Entity, ", ", @Now")} " +
            "ON DUPLICATE KEY UPDATE `RemoteId` = VALUES(`RemoteId`), `ContentHash` = VALUES(`ContentHash`), `UpdatedAt` = VALUES(`UpdatedAt`)"),
        LinkParameters(rows));

    // CRC32 of the values joined by a separator no text holds (CONCAT_WS skips NULLs, a difference not worth a scan).
    public override string SelectGoodsChecksums(PriceColumn price) =>
        $"SELECT `ID` DIV {ChangeBuckets.Size} AS Bucket, COUNT(*) AS `Rows`, " +
        "SUM(CRC32(CONCAT_WS(CHAR(31), `Code`, `BarCode1`, `Name`, `Measure1`, `Description`, `GroupID`, `TaxGroup`, `Deleted`, " +
        $"`{PriceName(price)}`))) AS Checksum FROM {Goods} WHERE `ID` <> 1 GROUP BY `ID` DIV {ChangeBuckets.Size}";

    public override string SelectPartnersChecksums =>
        $"SELECT `ID` DIV {ChangeBuckets.Size} AS Bucket, COUNT(*) AS `Rows`, " +
        "SUM(CRC32(CONCAT_WS(CHAR(31), `Company`, `MOL`, `City`, `Address`, `Phone`, `eMail`, `TaxNo`, `Bulstat`, `Deleted`))) AS Checksum " +
        $"FROM {Partners} WHERE `ID` <> 1 GROUP BY `ID` DIV {ChangeBuckets.Size}";

    // A consistent snapshot exists at REPEATABLE READ only (the session's level may be another: SET TRANSACTION sets it for
    // the next transaction alone); WITH CONSISTENT SNAPSHOT takes it now rather than at the first read.
    public override string StartChecksumSnapshot =>
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";

    // InnoDB keeps each table's last-write time in memory (information_schema UPDATE_TIME, whole seconds; NULL after a
    // restart until the next write). It is trusted only when nothing could hide behind it: every table is InnoDB with a
    // time strictly older than a second before the server's own NOW() (a commit later in the same second would leave the
    // value as it is), and no other transaction is open that started within a second of those times (MariaDB stamps a
    // table with the start time of the transaction that wrote it, not its commit time, so one still open could commit
    // later and leave the same value). Otherwise the stamp is NULL: don't know, compute the checksums. The tables are
    // those the checksums read, as the database spells them.
    public override string SelectChangeStamp =>
        "SELECT CASE WHEN s.Tables = 2 AND s.Known = 2 AND NOT EXISTS (" +
        "SELECT 1 FROM information_schema.INNODB_TRX x WHERE x.trx_mysql_thread_id <> CONNECTION_ID() " +
        "AND x.trx_started >= s.Oldest - INTERVAL 1 SECOND AND x.trx_started <= s.Newest + INTERVAL 1 SECOND) THEN s.Stamp END AS Stamp " +
        "FROM (SELECT COUNT(*) AS Tables, " +
        "SUM(t.ENGINE = 'InnoDB' AND t.UPDATE_TIME IS NOT NULL AND t.UPDATE_TIME < NOW() - INTERVAL 1 SECOND) AS Known, " +
        "MIN(t.UPDATE_TIME) AS Oldest, MAX(t.UPDATE_TIME) AS Newest, " +
        "GROUP_CONCAT(t.TABLE_NAME, ':', UNIX_TIMESTAMP(t.UPDATE_TIME) ORDER BY t.TABLE_NAME SEPARATOR '|') AS Stamp " +
        "FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() " +
        $"AND t.TABLE_NAME IN ({Literal(TableName("goods"))}, {Literal(TableName("partners"))})) s";

    /// <summary>A MySQL string literal (backslash and quote escaped).</summary>
    private static string Literal(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
