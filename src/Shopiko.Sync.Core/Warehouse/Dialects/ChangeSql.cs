namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The statements of the fast path (change detection without reading the catalogue), built by a dialect beside the
/// others (<see cref="WarehouseSql.Changes"/>). Every one of them reads through a primary key range or an ID list.
/// </summary>
internal sealed class ChangeSql
{
    /// <summary><c>Rows</c> and <c>MaxId</c> of the operations with <c>@Floor &lt; ID ≤ @Upper</c>: an index range, no table rows.</summary>
    public required string ProbeOperations { get; init; }

    /// <summary>The distinct goods of the operations with <c>@Floor &lt; ID ≤ @Upper</c> in the given objects (IDs in the text).</summary>
    public required Func<IEnumerable<int>, string> SelectMovedGoods { get; init; }

    /// <summary>Stock of some goods (<c>@S0</c> …) in the given objects (IDs in the text), as <see cref="WarehouseSql.SelectStock"/>.</summary>
    public required Func<IEnumerable<int>, IReadOnlyList<int>, string> SelectStockOfGoods { get; init; }

    /// <summary><c>Bucket</c>, <c>Rows</c>, <c>Checksum</c> per ID range of the goods (the sale price from the given column).</summary>
    public required Func<Configuration.PriceColumn, string> SelectGoodsChecksums { get; init; }

    /// <summary><c>Bucket</c>, <c>Rows</c>, <c>Checksum</c> per ID range of the partners.</summary>
    public required string SelectPartnersChecksums { get; init; }

    /// <summary>As <see cref="WarehouseSql.SelectGoodsForShop"/>, for <c>@From ≤ ID &lt; @To</c>.</summary>
    public required Func<Configuration.PriceColumn, string> SelectGoodsForShopInRange { get; init; }

    /// <summary>As <see cref="WarehouseSql.SelectPartners"/>, for <c>@From ≤ ID &lt; @To</c>.</summary>
    public required string SelectPartnersInRange { get; init; }

    /// <summary>Link rows of a scope and entity for <c>@From ≤ LocalId &lt; @To</c>.</summary>
    public required string SelectLinksInRange { get; init; }

    /// <summary>Link rows of a scope and entity for some local IDs (<c>@L0</c> …).</summary>
    public required Func<IReadOnlyList<int>, string> SelectLinksOf { get; init; }

    /// <summary><c>Name</c>, <c>Value</c> of the marks of a scope whose name starts with <c>@Prefix</c> (a LIKE pattern).</summary>
    public required string SelectMarks { get; init; }

    /// <summary>
    /// One <c>Stamp</c> (text, null: don't know) that changes whenever a commit may have changed what the catalogue
    /// checksums read, computed by the server; null where the dialect offers none (see <see cref="WarehouseDialect.ChangeStamp"/>).
    /// </summary>
    public string? SelectChangeStamp { get; init; }

    /// <summary>
    /// Starts, on a connection of its own, a read-only transaction whose consistent snapshot is taken at once (not at its
    /// first read): the checksums computed in it are of the database as it was then, whatever commits meanwhile. Null
    /// where the engine takes no such snapshot.
    /// </summary>
    public string? StartChecksumSnapshot { get; init; }

    /// <summary>Ends the transaction of <see cref="StartChecksumSnapshot"/> (a pooled connection must not keep a snapshot open).</summary>
    public string? EndChecksumSnapshot { get; init; }
}
