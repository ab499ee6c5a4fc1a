using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The statements SQL Server receives where they differ from the common ones (<see cref="WarehouseStatements"/>, whose
/// spelling is SQL Server's own: brackets, <c>@Name</c>).
/// </summary>
internal sealed class SqlServerStatements(WarehouseDialect dialect, TableNames tables) : WarehouseStatements(dialect, tables)
{
    public override string LastIdentity => "SELECT CAST(SCOPE_IDENTITY() AS int)";

    // SQL Server 2008 has no TRIM.
    public override string SelectGoodsByCode =>
        $"SELECT {Common(GoodsColumnsAndFrom)} WHERE g.[ID] <> 1 AND (g.[Deleted] IS NULL OR g.[Deleted] <> -1) " +
        "AND UPPER(LTRIM(RTRIM(g.[Code]))) = UPPER(@Code) ORDER BY g.[ID]";

    // UPDLOCK keeps a concurrent writer from reading the same rows before we update them; HOLDLOCK covers the range.
    public override string SelectGroupCodes => $"SELECT [Code] FROM {GoodsGroups} WITH (UPDLOCK, HOLDLOCK)";

    // The hint on store only: the lots rows (the expiry subquery) are read, not locked.
    public override string SelectStoreRows(IReadOnlyList<int> ids) => StoreRows(ids, " WITH (UPDLOCK, HOLDLOCK)", "");

    public override string SelectDocumentRows =>
        "SELECT [GoodID] AS GoodId, [PartnerID] AS PartnerId, [Qtty] AS Qtty, [PriceIn] AS PriceIn, [PriceOut] AS PriceOut, [VATOut] AS VatOut, " +
        $"[Discount] AS Discount FROM {Operations} WITH (UPDLOCK, HOLDLOCK) " +
        "WHERE [OperType] = @OperType AND [Acct] = @Acct AND [ObjectID] = @ObjectId ORDER BY [ID]";

    // One set-based MERGE per batch; HOLDLOCK closes the gap between the match and the insert for concurrent writers.
    public override SqlBatch UpsertLinks(LinkRows rows) => new(
        LinkStatement(rows.Rows.Count, count =>
            $"MERGE [shopikosync_links] WITH (HOLDLOCK) AS t USING (VALUES {LinkRowValues(count, "", "")}) AS s ([LocalId], [RemoteId], [ContentHash]) " +
            "ON t.[Scope] = @Scope AND t.[Entity] = @Entity AND t.[LocalId] = s.[LocalId] " +
            "WHEN MATCHED THEN UPDATE SET [RemoteId] = s.[RemoteId], [ContentHash] = s.[ContentHash], [UpdatedAt] = @Now " +
            "WHEN NOT MATCHED THEN INSERT ([Scope], [Entity], [LocalId], [RemoteId], [ContentHash], [UpdatedAt]) " +
            "VALUES (@Scope, @Entity, s.[LocalId], s.[RemoteId], s.[ContentHash], @Now);"),
        LinkParameters(rows));

    // BINARY_CHECKSUM is case-sensitive (CHECKSUM follows the collation and would miss a name's new capital letter).
    public override string SelectGoodsChecksums(PriceColumn price) =>
        $"SELECT [ID] / {ChangeBuckets.Size} AS Bucket, COUNT(*) AS [Rows], " +
        "SUM(CAST(BINARY_CHECKSUM([Code], [BarCode1], [Name], [Measure1], [Description], [GroupID], [TaxGroup], [Deleted], " +
        $"[{PriceName(price)}]) AS BIGINT)) AS Checksum FROM {Goods} WHERE [ID] <> 1 GROUP BY [ID] / {ChangeBuckets.Size}";

    public override string SelectPartnersChecksums =>
        $"SELECT [ID] / {ChangeBuckets.Size} AS Bucket, COUNT(*) AS [Rows], " +
        "SUM(CAST(BINARY_CHECKSUM([Company], [MOL], [City], [Address], [Phone], [eMail], [TaxNo], [Bulstat], [Deleted]) AS BIGINT)) AS Checksum " +
        $"FROM {Partners} WHERE [ID] <> 1 GROUP BY [ID] / {ChangeBuckets.Size}";
}
