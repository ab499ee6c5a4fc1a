using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Warehouse.Dialects;

// The fast path's statements (ChangeSql): change detection through the operations ID and per-range checksums the server
// computes, so a pass where nothing changed reads index entries, not the catalogue. Every one reads through a primary
// key range or an ID list.
internal abstract partial class WarehouseStatements
{
    /// <summary><c>Rows</c> and <c>MaxId</c> of the operations with <c>@Floor &lt; ID ≤ @Upper</c>: an index range, no table rows.</summary>
    public virtual string ProbeOperations => Common(
        $"SELECT COUNT(*) AS [Rows], MAX([ID]) AS MaxId FROM {Operations} WHERE [ID] > @Floor AND [ID] <= @Upper");

    /// <summary>The distinct goods of the operations with <c>@Floor &lt; ID ≤ @Upper</c> in the given objects (IDs in the text).</summary>
    public virtual string SelectMovedGoods(IEnumerable<int> objectIds) => Common(
        $"SELECT DISTINCT [GoodID] AS GoodId FROM {Operations} WHERE [ID] > @Floor AND [ID] <= @Upper " +
        $"AND [ObjectID] IN ({Literals(objectIds)}) AND [GoodID] <> 1");

    /// <summary>Stock of some goods (<c>@S0</c> …) in the given objects (IDs in the text), as <see cref="SelectStock"/>.</summary>
    public virtual string SelectStockOfGoods(IEnumerable<int> objectIds, IReadOnlyList<int> goodIds) => Common(
        $"SELECT [ObjectID] AS ObjectId, [GoodID] AS GoodId, SUM([Qtty]) AS Quantity FROM {Store} " +
        $"WHERE [ObjectID] IN ({Literals(objectIds)}) AND [GoodID] IN ({IdList(goodIds, "S")}) " +
        "GROUP BY [GoodID], [ObjectID] ORDER BY [GoodID], [ObjectID]");

    /// <summary>
    /// <c>Bucket</c> (<c>ID / </c><see cref="ChangeBuckets.Size"/>), <c>Rows</c>, <c>Checksum</c> per ID range of the
    /// goods, over <see cref="WarehouseDialect.GoodsHashColumns"/> and the sale price of the given column. Every engine
    /// hashes a row its own way (the sums are remembered in the database, so a provider's hash must never change silently).
    /// </summary>
    public abstract string SelectGoodsChecksums(PriceColumn price);

    /// <summary>As <see cref="SelectGoodsChecksums"/>, over the partners' <see cref="WarehouseDialect.PartnersHashColumns"/>.</summary>
    public abstract string SelectPartnersChecksums { get; }

    /// <summary>As <see cref="SelectGoodsForShop"/>, for <c>@From ≤ ID &lt; @To</c>.</summary>
    public virtual string SelectGoodsForShopInRange(PriceColumn price) =>
        Common($"SELECT {ShopGoodsColumnsAndFrom(price)} WHERE g.[ID] <> 1 AND g.[ID] >= @From AND g.[ID] < @To ORDER BY g.[ID]");

    /// <summary>As <see cref="SelectPartners"/>, for <c>@From ≤ ID &lt; @To</c>.</summary>
    public virtual string SelectPartnersInRange =>
        Common($"SELECT {PartnerColumnsAndFrom} WHERE [ID] <> 1 AND [ID] >= @From AND [ID] < @To ORDER BY [ID]");

    private const string LinkRowsOfEntity =
        "SELECT [LocalId] AS LocalId, [RemoteId] AS RemoteId, [ContentHash] AS ContentHash FROM [shopikosync_links] " +
        "WHERE [Scope] = @Scope AND [Entity] = @Entity";

    /// <summary>Link rows of a scope and entity for <c>@From ≤ LocalId &lt; @To</c>.</summary>
    public virtual string SelectLinksInRange =>
        Common($"{LinkRowsOfEntity} AND [LocalId] >= @From AND [LocalId] < @To ORDER BY [LocalId]");

    /// <summary>Link rows of a scope and entity for some local IDs (<c>@L0</c> …).</summary>
    public virtual string SelectLinksOf(IReadOnlyList<int> ids) =>
        Common($"{LinkRowsOfEntity} AND [LocalId] IN ({IdList(ids, "L")}) ORDER BY [LocalId]");

    /// <summary>
    /// One <c>Stamp</c> that changes whenever a commit may have changed what the checksums read, computed by the
    /// server; null where the server offers no cheap, trustworthy value (every engine but MySQL).
    /// </summary>
    public virtual string? SelectChangeStamp => null;

    /// <summary>
    /// Starts a transaction whose snapshot is taken at once, for the checksums to be computed beside other reads; null
    /// where the engine takes none (SQL Server's SNAPSHOT isolation is a database setting the merchant may not have on;
    /// Jet has none).
    /// </summary>
    public virtual string? StartChecksumSnapshot => null;

    /// <summary>Ends the transaction <see cref="StartChecksumSnapshot"/> began.</summary>
    public virtual string EndChecksumSnapshot => "COMMIT";

    /// <summary><c>Name</c>, <c>Value</c> of the marks of a scope whose name starts with <c>@Prefix</c> (a LIKE pattern).</summary>
    public virtual string SelectMarks => Common(
        "SELECT [Name] AS Name, [Value] AS [Value] FROM [shopikosync_marks] WHERE [Scope] = @Scope AND [Name] LIKE @Prefix");
}
