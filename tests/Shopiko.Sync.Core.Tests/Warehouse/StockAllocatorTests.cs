using System.Globalization;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Stock;

namespace Shopiko.Sync.Core.Tests.Warehouse;

/// <summary>
/// How a line moves stock, over tables of cases: rows as <c>id:qtty@price/lotOrder</c>, optionally <c>!expiry</c> (id
/// <c>n</c> for a new row, qtty <c>null</c> for NULL; a row's LotID is its id), portions as <c>qtty@cost#lotId</c>,
/// deltas as <c>id+delta</c>.
/// </summary>
public sealed class StockAllocatorTests
{
    private const decimal GoodCost = 5m;

    public static TheoryData<string, string, decimal, int, CostingMethod, bool, string, string, string, decimal> Cases => new()
    {
        // rows, case, quantity, sign, costing, allow negative → portions, rows after, deltas, shortfall
        { "1:10@4/1", "average: taken from the one row at the good's cost", 3, -1, CostingMethod.Average, true, "3@5#1", "1:7@4/1", "1-3", 0 },
        { "1:2@4/1", "average: goes negative even when refused (the shop sold it)", 5, -1, CostingMethod.Average, false, "5@5#1", "1:-3@4/1", "1-5", 3 },
        { "1:-1@4/1", "average: a row already negative counts as nothing", 2, -1, CostingMethod.Average, true, "2@5#1", "1:-3@4/1", "1-2", 2 },
        { "", "average: no row, one is created negative", 2, -1, CostingMethod.Average, true, "2@5#1", "n:-2@5/1", "", 2 },
        { "7:1@4/1;8:9@4/2", "average: the first row when none is the default lot", 4, -1, CostingMethod.LastPurchase, true, "4@5#1", "7:-3@4/1;8:9@4/2", "7-4", 0 },
        { "1:4@3/1", "quick average is average", 1, -1, CostingMethod.QuickAverage, true, "1@5#1", "1:3@3/1", "1-1", 0 },
        { "1:null@3/1", "a NULL quantity stays NULL, as in the database", 1, -1, CostingMethod.Average, true, "1@5#1", "1:null@3/1", "1-1", 1 },
        { "1:2@3/1;2:5@4/2", "FIFO: oldest lot first, one portion per lot at its price", 4, -1, CostingMethod.Fifo, false, "2@3#1;2@4#2", "1:0@3/1;2:3@4/2", "1-2;2-2", 0 },
        { "1:2@3/1;2:5@4/2", "LIFO: newest lot first", 4, -1, CostingMethod.Lifo, false, "4@4#2", "1:2@3/1;2:1@4/2", "2-4", 0 },
        { "1:2@3/1;2:5@4/2", "LIFO: then the older lot", 6, -1, CostingMethod.Lifo, false, "5@4#2;1@3#1", "1:1@3/1;2:0@4/2", "2-5;1-1", 0 },
        { "1:0@3/1;2:5@4/2", "FIFO: an empty lot is skipped", 1, -1, CostingMethod.Fifo, false, "1@4#2", "1:0@3/1;2:4@4/2", "2-1", 0 },
        { "1:2@3/1;2:1@4/2", "FIFO: the rest from the last lot when negative stock is allowed", 5, -1, CostingMethod.Fifo, true, "2@3#1;1@4#2;2@4#2", "1:0@3/1;2:-2@4/2", "1-2;2-3", 2 },
        { "1:2@3/1;2:1@4/2", "LIFO: the rest from the oldest lot (last in LIFO order)", 5, -1, CostingMethod.Lifo, true, "1@4#2;2@3#1;2@3#1", "1:-2@3/1;2:0@4/2", "2-1;1-4", 2 },
        { "", "FIFO: no lot at all, a default row is created negative", 2, -1, CostingMethod.Fifo, true, "2@5#1", "n:-2@5/1", "", 2 },
        { "1:2@3/1;2:5@4/2", "FEFO: lots without expiry follow LotOrder like FIFO", 3, -1, CostingMethod.Fefo, false, "2@3#1;1@4#2", "1:0@3/1;2:4@4/2", "1-2;2-1", 0 },
        { "1:2@3/1!2027-03-01;2:5@4/2!2027-01-01", "FEFO: the lot expiring first, though later in LotOrder", 3, -1, CostingMethod.Fefo, false, "3@4#2", "1:2@3/1;2:2@4/2", "2-3", 0 },
        { "1:2@3/1!2027-03-01;2:5@4/2!2027-01-01", "FEFO: then the lot expiring next", 6, -1, CostingMethod.Fefo, false, "5@4#2;1@3#1", "1:1@3/1;2:0@4/2", "2-5;1-1", 0 },
        { "1:2@3/1;2:1@4/2!2027-02-01;3:5@2/3!2027-01-15", "FEFO: a lot without expiry after every dated one", 4, -1, CostingMethod.Fefo, false, "4@2#3", "1:2@3/1;2:1@4/2;3:1@2/3", "3-4", 0 },
        { "1:2@3/1;2:1@4/2!2027-02-01;3:3@2/3!2027-01-15", "FEFO: dated lots, then the undated one", 5, -1, CostingMethod.Fefo, false, "3@2#3;1@4#2;1@3#1", "1:1@3/1;2:0@4/2;3:0@2/3", "3-3;2-1;1-1", 0 },
        { "1:2@3/1!2027-01-01;2:5@4/2!2027-01-01", "FEFO: the same expiry in LotOrder order", 3, -1, CostingMethod.Fefo, false, "2@3#1;1@4#2", "1:0@3/1;2:4@4/2", "1-2;2-1", 0 },
        { "1:2@3/1;2:1@4/2!2027-01-01", "FEFO: the rest from the last lot in expiry order (the undated one) when negative stock is allowed", 5, -1, CostingMethod.Fefo, true, "1@4#2;2@3#1;2@3#1", "1:-2@3/1;2:0@4/2", "2-1;1-4", 2 },
        { "1:2@3/1!2027-05-01;2:1@4/2!2027-01-01", "FEFO: the rest from the lot expiring last", 5, -1, CostingMethod.Fefo, true, "1@4#2;2@3#1;2@3#1", "1:-2@3/1;2:0@4/2", "2-1;1-4", 2 },
        { "1:2@3/1;2:5@4/2", "choice follows LotOrder like FIFO", 3, -1, CostingMethod.Choice, false, "2@3#1;1@4#2", "1:0@3/1;2:4@4/2", "1-2;2-1", 0 },
        { "1:1@3/1", "return: into the default lot row at the good's cost", 2, 1, CostingMethod.Average, false, "2@5#1", "1:3@3/1", "1+2", 0 },
        { "2:5@4/2", "return: no default lot row, one is created after the last lot", 2, 1, CostingMethod.Fifo, false, "2@5#1", "2:5@4/2;n:2@5/3", "", 0 },
        { "1:1@3/1", "sales order: stock does not move", 2, 0, CostingMethod.Fifo, false, "2@5#1", "1:1@3/1", "", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_line_moves_stock_as_the_costing_says(
        string rows, string because, decimal quantity, int sign, CostingMethod costing, bool allowNegative,
        string portions, string after, string deltas, decimal shortfall)
    {
        var allocation = StockAllocator.Allocate(Rows(rows), quantity, sign, costing, allowNegative, GoodCost);

        allocation.Refused.Should().BeFalse(because);
        string.Join(";", allocation.Portions.Select(p => $"{p.Quantity}@{p.Cost}#{p.LotId}")).Should().Be(portions, because);
        Format(allocation.Rows).Should().Be(after, because);
        string.Join(";", allocation.Deltas.Select(d => $"{d.RowId}{(d.Delta < 0 ? "" : "+")}{d.Delta}")).Should().Be(deltas, because);
        allocation.Shortfall.Should().Be(shortfall, because);
        allocation.Portions.Sum(p => p.Quantity).Should().Be(quantity, "every unit of the line is on an operation row");
    }

    [Theory]
    [InlineData(CostingMethod.Fifo)]
    [InlineData(CostingMethod.Lifo)]
    [InlineData(CostingMethod.Fefo)]
    public void Lots_refuse_what_they_cannot_cover_when_negative_stock_is_forbidden(CostingMethod costing)
    {
        var rows = Rows("1:2@3/1;2:1@4/2");

        var allocation = StockAllocator.Allocate(rows, 5, -1, costing, allowNegative: false, GoodCost);

        allocation.Refused.Should().BeTrue();
        allocation.Shortfall.Should().Be(2);
        allocation.Rows.Should().BeEquivalentTo(rows, "a refused line changes nothing");
        allocation.Deltas.Should().BeEmpty();
    }

    [Fact]
    public void A_return_comes_back_at_the_given_cost_but_a_new_row_takes_the_goods_cost()
    {
        var allocation = StockAllocator.Allocate(Rows("2:5@4/2"), 2, 1, CostingMethod.Fifo, false, GoodCost, givenCost: 3.25m);

        allocation.Portions.Should().ContainSingle().Which.Should().Be(new StockPortion(2, 3.25m, "", 1));
        Format(allocation.Rows).Should().Be("2:5@4/2;n:2@5/3");
    }

    [Fact]
    public void A_sale_ignores_a_given_cost()
    {
        var allocation = StockAllocator.Allocate(Rows("1:5@4/1"), 2, -1, CostingMethod.Average, true, GoodCost, givenCost: 3.25m);

        allocation.Portions.Should().ContainSingle().Which.Cost.Should().Be(GoodCost);
    }

    [Fact]
    public void A_second_line_of_the_same_good_sees_the_first_and_adds_to_the_new_row()
    {
        var first = StockAllocator.Allocate([], 2, -1, CostingMethod.Average, true, GoodCost);
        var second = StockAllocator.Allocate(first.Rows, 3, -1, CostingMethod.Average, true, GoodCost);

        Format(second.Rows).Should().Be("n:-5@5/1", "one row is inserted with what both lines took");
        second.Deltas.Should().BeEmpty("a new row is inserted, not updated");
        second.Shortfall.Should().Be(3);
    }

    [Fact]
    public void The_lot_text_is_read_as_stored()
    {
        var rows = new[] { new StockHolding(1, 5, 4, "L-17", 9, 1), new StockHolding(2, 5, 4, " ", 1, 2) };

        var allocation = StockAllocator.Allocate(rows, 7, -1, CostingMethod.Fifo, false, GoodCost);

        allocation.Portions.Select(p => (p.Lot, p.LotId)).Should().Equal(("L-17", 9), ("", 1));
    }

    private static StockHolding[] Rows(string text) => text.Length == 0
        ? []
        : [.. text.Split(';').Select(row =>
        {
            var (id, rest) = Split(row, ':');
            var (qtty, rest2) = Split(rest, '@');
            var (price, orderAndExpiry) = Split(rest2, '/');
            var (lotOrder, expires) = orderAndExpiry.Contains('!', StringComparison.Ordinal) ? Split(orderAndExpiry, '!') : (orderAndExpiry, "");
            return new StockHolding(
                int.Parse(id, CultureInfo.InvariantCulture),
                qtty == "null" ? null : decimal.Parse(qtty, CultureInfo.InvariantCulture),
                decimal.Parse(price, CultureInfo.InvariantCulture),
                " ",
                int.Parse(id, CultureInfo.InvariantCulture),
                int.Parse(lotOrder, CultureInfo.InvariantCulture),
                expires.Length == 0 ? null : DateTime.Parse(expires, CultureInfo.InvariantCulture));
        })];

    private static (string, string) Split(string text, char at) => (text[..text.IndexOf(at, StringComparison.Ordinal)], text[(text.IndexOf(at, StringComparison.Ordinal) + 1)..]);

    private static string Format(IEnumerable<StockHolding> rows) => string.Join(";", rows.Select(r =>
        $"{(r.IsNew ? "n" : r.Id.ToString(CultureInfo.InvariantCulture))}:{(r.Quantity is { } q ? q.ToString(CultureInfo.InvariantCulture) : "null")}@{r.Price.ToString(CultureInfo.InvariantCulture)}/{r.LotOrder}"));
}
