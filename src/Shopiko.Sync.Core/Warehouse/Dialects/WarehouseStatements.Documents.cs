namespace Shopiko.Sync.Warehouse.Dialects;

// Writing a document (an order as a sale, its return): the checks before, the stock rows, the lines and payments, and
// reading a written document back.
internal abstract partial class WarehouseStatements
{
    /// <summary>
    /// Everything a document checks before it writes, and the highest number so far (<paramref name="maxAcct"/>), as
    /// one row: a statement each costs the server more than the lookups. Only where <see cref="WarehouseDialect.BatchesStatements"/>
    /// (Access takes no SELECT without a table).
    /// </summary>
    public virtual string SelectDocumentFacts(string maxAcct, bool withOrder) =>
        "SELECT " +
        (withOrder
            ? Common("(SELECT COUNT(*) FROM [shopikosync_orders] WHERE [Scope] = @Scope AND [OrderId] = @OrderId AND [Revision] = @Revision)")
            : "0") + " AS Recorded, " +
        Common(
            $"(SELECT COUNT(*) FROM {Objects} WHERE [ID] = @ObjectId) AS Objects, " +
            $"(SELECT [Deleted] FROM {Objects} WHERE [ID] = @ObjectId) AS ObjectDeleted, " +
            $"(SELECT COUNT(*) FROM {Partners} WHERE [ID] = @PartnerId) AS Partners, ") +
        $"({maxAcct}) AS MaxAcct";

    public virtual string SelectDocumentObject => Common($"SELECT [ID] AS Id, [Deleted] AS Deleted FROM {Objects} WHERE [ID] = @ObjectId");

    public virtual string SelectDocumentPartner => Common($"SELECT [ID] FROM {Partners} WHERE [ID] = @PartnerId");

    // Only what a document line needs: the name (for messages), the cost, the type and the VAT rate.
    public virtual string SelectDocumentGoods(IReadOnlyList<int> ids) => Common(
        "SELECT g.[ID] AS Id, g.[Name] AS Name, g.[PriceIn] AS PriceIn, g.[Type] AS Type, v.[VATValue] AS VatRate " +
        $"FROM {Goods} g LEFT JOIN {VatGroups} v ON v.[ID] = g.[TaxGroup] WHERE g.[ID] IN ({IdList(ids, "G")})");

    /// <summary>
    /// Every good of a document in one read (and one lock request), in GoodID order so writers lock in one order; locked
    /// where the engine locks rows read (MySQL, SQL Server). Each row carries its lot's expiry (<c>lots.EndDate</c>, for
    /// FEFO costing): NULL for a row without a lot or a date, and for every row in a database without the lots table.
    /// </summary>
    /// <remarks>
    /// The expiry is a subquery, not a join: MySQL's FOR UPDATE locks every row a join reads, and every store row
    /// without a lot refers to the one default lot (ID 1), so all document writers would queue on that lots row; a
    /// locking read does not lock the rows of a subquery (seen on MariaDB 10.11). One statement still, no second trip.
    /// </remarks>
    public virtual string SelectStoreRows(IReadOnlyList<int> ids) => StoreRows(ids, "", "");

    /// <summary><see cref="SelectStoreRows"/> with a table hint after <c>store</c> (SQL Server) or a clause at the end (MySQL).</summary>
    protected string StoreRows(IReadOnlyList<int> ids, string storeHint, string tail) => Common(
        "SELECT s.[GoodID] AS GoodId, s.[ID] AS Id, s.[Qtty] AS Qtty, s.[Price] AS Price, s.[Lot] AS Lot, s.[LotID] AS LotId, " +
        $"s.[LotOrder] AS LotOrder, {(Lots is null ? "NULL" : $"(SELECT l.[EndDate] FROM {Lots} l WHERE l.[ID] = s.[LotID])")} AS Expires " +
        $"FROM {Store} s{storeHint} WHERE s.[ObjectID] = @ObjectId AND s.[GoodID] IN ({IdList(ids, "S")}) " +
        "ORDER BY s.[GoodID], s.[LotOrder], s.[ID]" + tail);

    public virtual string AddToStoreRow => Common($"UPDATE {Store} SET [Qtty] = [Qtty] + @Delta WHERE [ID] = @Id");

    public virtual string AddToStoreRows(int count) => Common(
        $"UPDATE {Store} SET [Qtty] = [Qtty] + CASE [ID] " +
        string.Join(" ", Enumerable.Range(0, count).Select(i => $"WHEN @I{i} THEN @D{i}")) +
        $" END WHERE [ID] IN ({IdParams(count, "J")})");

    public virtual string InsertStoreRow => Common(
        $"INSERT INTO {Store} ([ObjectID], [GoodID], [Qtty], [Price], [Lot], [LotID], [LotOrder]) " +
        "VALUES (@ObjectId, @GoodId, @Qtty, @Price, @Lot, @LotId, @LotOrder)");

    // A document's lines and payments in one statement each: what the document shares is one parameter, each row adds
    // its own (@GoodId0, @GoodId1, …). One row per statement where VALUES takes one row (Access).
    public virtual string InsertOperations(int rows) => Common(
        $"INSERT INTO {Operations} ([OperType], [Acct], [GoodID], [PartnerID], [ObjectID], [OperatorID], [Qtty], [Sign], [PriceIn], [PriceOut], " +
        "[VATIn], [VATOut], [Discount], [CurrencyID], [CurrencyRate], [Date], [Lot], [LotID], [Note], [SrcDocID], [UserID], [UserRealTime]) VALUES " +
        string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            $"(@OperType, @Acct, @GoodId{r}, @PartnerId, @ObjectId, @OperatorId, @Qtty{r}, @Sign, " +
            $"@PriceIn{r}, @PriceOut{r}, @VatIn{r}, @VatOut{r}, @Discount{r}, 1, 1, @Date, @Lot{r}, " +
            $"@LotId{r}, @Note{r}, 0, @UserId, @UserRealTime)")));

    // No transaction number (a single space): a text parameter would need a fit rule.
    public virtual string InsertPayments(int rows) => Common(
        $"INSERT INTO {Payments} ([Acct], [OperType], [PartnerID], [ObjectID], [Qtty], [Mode], [Sign], [Date], [UserID], [UserRealTime], [Type], " +
        "[TransactionNumber], [EndDate]) VALUES " +
        string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            $"(@Acct, @OperType, @PartnerId, @ObjectId, @Qtty{r}, @Mode{r}, @Sign, @Date, @UserId, " +
            $"@UserRealTime, @Type{r}, ' ', @EndDate)")));

    public virtual string SelectDocumentLines => Common(
        $"SELECT [GoodID] AS GoodId, [Qtty] AS Qtty, [PriceOut] AS PriceOut, [VATOut] AS VatOut FROM {Operations} " +
        "WHERE [OperType] = @OperType AND [Acct] = @Acct AND [ObjectID] = @ObjectId ORDER BY [ID]");

    public virtual string DeleteDocumentLines => Common(
        $"DELETE FROM {Operations} WHERE [OperType] = @OperType AND [Acct] = @Acct AND [ObjectID] = @ObjectId");

    public virtual string DeleteDocumentPayments => Common(
        $"DELETE FROM {Payments} WHERE [OperType] = @OperType AND [Acct] = @Acct AND [ObjectID] = @ObjectId");

    /// <summary>A document's operation rows in the order written (what a return gives back); locked where the engine locks rows read.</summary>
    public virtual string SelectDocumentRows => Common(
        "SELECT [GoodID] AS GoodId, [PartnerID] AS PartnerId, [Qtty] AS Qtty, [PriceIn] AS PriceIn, [PriceOut] AS PriceOut, [VATOut] AS VatOut, " +
        $"[Discount] AS Discount FROM {Operations} " +
        "WHERE [OperType] = @OperType AND [Acct] = @Acct AND [ObjectID] = @ObjectId ORDER BY [ID]");

    public virtual string SelectDocumentPaymentRows => Common(
        $"SELECT [Qtty] AS Qtty, [Mode] AS Mode, [Type] AS Type FROM {Payments} " +
        "WHERE [OperType] = @OperType AND [Acct] = @Acct AND [ObjectID] = @ObjectId ORDER BY [ID]");
}
