namespace Shopiko.Sync.Warehouse.Stock;

/// <summary>A part of a line's quantity and the lot (or plain stock row) it is taken from or put into.</summary>
internal sealed record StockPortion(decimal Quantity, decimal Cost, string Lot, int LotId);

/// <summary>What one line does to the stock of its good.</summary>
/// <param name="Portions">One operation row each, in order (one per lot taken).</param>
/// <param name="Rows">The good's rows after the line, in lot order; a row the document inserts has <see cref="StockAllocator.NewRow"/> as ID and the quantity to insert.</param>
/// <param name="Deltas">What the line adds to each existing row (negative when taken), at most once per row.</param>
/// <param name="Shortfall">The quantity the stock did not cover (it went negative, or the line is refused).</param>
/// <param name="Refused">True when the costing forbids the shortfall: nothing of the line may be written.</param>
internal sealed record StockAllocation(
    IReadOnlyList<StockPortion> Portions,
    IReadOnlyList<StockHolding> Rows,
    IReadOnlyList<(int RowId, decimal Delta)> Deltas,
    decimal Shortfall,
    bool Refused);
