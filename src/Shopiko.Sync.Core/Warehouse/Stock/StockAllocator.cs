using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Stock;

/// <summary>
/// How a document line moves the stock of its good in one object, as Warehouse Pro costs it (<c>configkey23</c>,
/// <c>configkey12</c>): a pure rule over the rows read, with no I/O; the document writer reads, allocates, then writes
/// everything in one batch.
/// </summary>
/// <remarks>
/// <para>Stock coming back (<c>sign &gt; 0</c>, a return) goes to the default lot row, created when missing after the
/// last lot; its portion carries the given cost (the booked row's cost) when there is one, else the good's cost.</para>
/// <para>Stock going out with average, last-purchase or quick-average costing leaves the default row (else the first
/// row) and may go negative whatever <c>configkey12</c> says: the shop already sold it and Warehouse Pro can hold it.</para>
/// <para>With lots (FIFO, LIFO, choice, FEFO) it is taken from the lot rows in LotOrder order (LIFO: newest first; FEFO:
/// the lot expiring first, <c>lots.EndDate</c> read with the rows, lots without a date after the dated ones, the same
/// date in LotOrder order), one portion per lot at that lot's price; what the lots cannot cover is refused when negative
/// stock is forbidden, else taken from the last lot in that order, which goes negative, as the program does. Choice
/// follows LotOrder like FIFO: there is no user to choose a lot.</para>
/// </remarks>
internal static class StockAllocator
{
    /// <summary>The ID of a stock row the document inserts.</summary>
    public const int NewRow = -1;

    /// <summary>The portion of a line whose stock does not move (sign 0, a service): the whole quantity at the good's cost.</summary>
    public static StockPortion Unmoved(decimal quantity, decimal cost) => new(quantity, cost, "", 1);

    /// <summary>Allocates <paramref name="quantity"/> (positive) of a good over its <paramref name="rows"/> (in lot order).</summary>
    /// <param name="rows">The good's stock rows in the object, in lot order (LotOrder, then ID).</param>
    /// <param name="quantity">The line's quantity.</param>
    /// <param name="costing">The database's costing method (configkey23).</param>
    /// <param name="allowNegative">Whether negative stock is allowed (configkey12); only lot costing refuses.</param>
    /// <param name="cost">The good's cost (goods.PriceIn): the price of rows created and of stock without lots.</param>
    /// <param name="sign">-1 stock goes out, +1 it comes back, 0 it does not move.</param>
    /// <param name="givenCost">The cost stock comes back at (a return of a booked row); only with <paramref name="sign"/> &gt; 0.</param>
    public static StockAllocation Allocate(
        IReadOnlyList<StockHolding> rows, decimal quantity, int sign, CostingMethod costing, bool allowNegative, decimal cost, decimal? givenCost = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var state = rows.ToList();
        var deltas = new List<(int RowId, decimal Delta)>();

        if (sign == 0)
        {
            return Result([Unmoved(quantity, cost)]);
        }

        if (sign > 0)
        {
            var target = state.FindIndex(r => r.IsDefaultLot);
            if (target < 0)
            {
                Insert(quantity, cost, (state.Max(r => r.LotOrder) ?? 0) + 1);
            }
            else
            {
                Add(target, quantity);
            }

            return Result([new StockPortion(quantity, givenCost ?? cost, "", 1)]);
        }

        if (!UsesLots(costing))
        {
            var before = state.Sum(r => r.Quantity ?? 0);
            var row = state.FindIndex(r => r.IsDefaultLot);
            if (row < 0 && state.Count > 0)
            {
                row = 0;
            }

            if (row < 0)
            {
                Insert(-quantity, cost, 1);
            }
            else
            {
                Add(row, -quantity);
            }

            return Result([new StockPortion(quantity, cost, "", 1)], before < quantity ? quantity - Math.Max(before, 0) : 0);
        }

        var order = Enumerable.Range(0, state.Count).ToList();
        if (costing == CostingMethod.Lifo)
        {
            order.Reverse();
        }
        else if (costing == CostingMethod.Fefo)
        {
            // A stable sort of the rows (already in lot order): earliest expiry first, no expiry last, ties by lot order.
            order = [.. order.OrderBy(i => state[i].Expires is null).ThenBy(i => state[i].Expires)];
        }

        var portions = new List<StockPortion>();
        var remaining = quantity;
        foreach (var index in order)
        {
            var available = state[index].Quantity ?? 0;
            if (remaining == 0 || available <= 0)
            {
                continue;
            }

            var take = Math.Min(available, remaining);
            Add(index, -take);
            portions.Add(PortionOf(state[index], take));
            remaining -= take;
        }

        if (remaining == 0)
        {
            return Result(portions);
        }

        if (!allowNegative)
        {
            return new StockAllocation(portions, rows, [], remaining, Refused: true);
        }

        if (order.Count == 0)
        {
            Insert(-remaining, cost, 1);
            portions.Add(new StockPortion(remaining, cost, "", 1));
        }
        else
        {
            var last = order[^1];
            Add(last, -remaining);
            portions.Add(PortionOf(state[last], remaining));
        }

        return Result(portions, remaining);

        StockAllocation Result(List<StockPortion> taken, decimal shortfall = 0) =>
            new(taken, state, deltas.GroupBy(d => d.RowId).Select(g => (g.Key, g.Sum(d => d.Delta))).ToList(), shortfall, Refused: false);

        void Add(int index, decimal delta)
        {
            var row = state[index];
            state[index] = row with { Quantity = row.Quantity + delta };
            if (!row.IsNew)
            {
                deltas.Add((row.Id, delta));
            }
        }

        // A new row goes in lot order (after the existing rows of the same LotOrder).
        void Insert(decimal amount, decimal price, int lotOrder)
        {
            state.Add(new StockHolding(NewRow, amount, price, " ", 1, lotOrder));
            state = [.. state.OrderBy(r => r.LotOrder ?? 0).ThenBy(r => r.IsNew ? int.MaxValue : r.Id)];
        }
    }

    /// <summary>True when stock is kept in several lot rows per (object, good).</summary>
    public static bool UsesLots(CostingMethod costing) =>
        costing is CostingMethod.Fifo or CostingMethod.Lifo or CostingMethod.Choice or CostingMethod.Fefo;

    private static StockPortion PortionOf(StockHolding row, decimal quantity) => new(quantity, row.Price, Text.Read(row.Lot), row.LotId ?? 1);
}
