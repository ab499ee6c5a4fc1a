namespace Shopiko.Sync.Warehouse.Stock;

/// <summary>
/// One stock row (<c>store</c>) of a good in an object, as the allocator sees it. <see cref="Quantity"/> null is a NULL
/// in the database: it counts as nothing available, and adding to it leaves it NULL, as <c>Qtty = Qtty + delta</c> does.
/// </summary>
/// <param name="Id">The row's ID, or <see cref="StockAllocator.NewRow"/> for a row the document will insert.</param>
/// <param name="Quantity">store.Qtty (null: NULL).</param>
/// <param name="Price">store.Price: the lot's cost.</param>
/// <param name="Lot">store.Lot as stored (a blank lot is one space).</param>
/// <param name="LotId">store.LotID.</param>
/// <param name="LotOrder">store.LotOrder: the order lots are taken in.</param>
/// <param name="Expires">The lot's expiry (lots.EndDate), null for a row without a lot or a date: the order FEFO takes lots in.</param>
internal sealed record StockHolding(int Id, decimal? Quantity, decimal Price, string Lot, int? LotId, int? LotOrder, DateTime? Expires = null)
{
    /// <summary>The default lot row (LotID 1, or none given), where stock without lots is kept.</summary>
    public bool IsDefaultLot => LotId is null or 1;

    /// <summary>True for a row the document inserts (not in the database yet).</summary>
    public bool IsNew => Id == StockAllocator.NewRow;
}
