using Shopiko.Sync.Shop;
using Shopiko.Sync.Engine.Export.FastPath;
using Shopiko.Sync.Warehouse.Changes;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Engine.FastPath;

/// <summary>The fast path's decisions (issue 12), as pure functions over tables of cases.</summary>
public sealed class FastPathDecisionTests
{
    public static TheoryData<long, long, long, long, long?, bool> Probes => new()
    {
        // mark floor, max, rows; probe rows, probe max; unchanged?
        { 100, 600, 500, 500, 600, true },
        { 100, 600, 500, 501, 601, false },   // a new row
        { 100, 600, 500, 501, 600, false },   // a row committed late inside the window
        { 100, 600, 500, 499, 600, false },   // a row removed inside the window
        { 100, 600, 500, 499, 599, false },   // the top row removed (a deleted document)
        { 0, 0, 0, 0, null, true },           // an empty operations table
        { 0, 0, 0, 1, 1, false },             // its first row
        { 700, 900, 3, 0, null, false },      // a restored backup: nothing above the floor any more
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public void A_pass_is_quiet_only_when_the_window_count_and_the_highest_id_are_both_as_remembered(long floor, long max, long rows, long probeRows, long? probeMax, bool unchanged) =>
        new OperationsMark(floor, max, rows).Unchanged(new OperationsProbe(probeRows, probeMax)).Should().Be(unchanged);

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(0, 10_000, 9_500)]
    [InlineData(9_800, 10_000, 9_800)]
    public void The_window_keeps_the_last_ids_below_the_highest_and_never_moves_back(long floor, long upper, long expected) =>
        OperationsMark.NextFloor(floor, upper).Should().Be(expected);

    [Theory]
    [InlineData("1:2:3", true)]
    [InlineData("0:0:0", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("5:4:0", false)]
    [InlineData("1:2", false)]
    [InlineData("-1:2:3", false)]
    [InlineData("a:b:c", false)]
    public void The_watermark_reads_back_what_it_wrote_and_nothing_else(string? text, bool parses)
    {
        OperationsMark.TryParse(text, out var mark).Should().Be(parses);
        if (parses)
        {
            mark.ToString().Should().Be(text);
        }
    }

    [Fact]
    public void Only_ranges_whose_checksum_differs_are_read_and_emptied_ones_are_forgotten()
    {
        var stored = new Dictionary<string, string?>
        {
            ["fast.goods.n"] = "3",
            ["fast.goods.0"] = "1000:111",
            ["fast.goods.1"] = "1024:222",
            ["fast.goods.2"] = "10:333",
        };
        RangeChecksum[] current = [new(0, 1000, "111"), new(1, 1024, "223"), new(3, 1, "444")];

        var (changed, marks) = CatalogueMarks.Compare(CatalogueMarks.Goods, stored, current);

        changed.Should().Equal(1, 3);
        marks.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["fast.goods.1"] = "1024:223",
            ["fast.goods.3"] = "1:444",
            ["fast.goods.2"] = null,
            ["fast.goods.n"] = "3",
        });
    }

    [Fact]
    public void Unchanged_checksums_write_nothing()
    {
        var stored = new Dictionary<string, string?> { ["fast.partners.n"] = "1", ["fast.partners.0"] = "5:9" };

        var (changed, marks) = CatalogueMarks.Compare(CatalogueMarks.Partners, stored, [new(0, 5, "9")]);

        changed.Should().BeEmpty();
        marks.Should().BeEmpty();
        CatalogueMarks.Armed(CatalogueMarks.Partners, stored).Should().BeTrue();
        CatalogueMarks.Armed(CatalogueMarks.Goods, stored).Should().BeFalse();
    }

    public static TheoryData<int, int, int, double?> RateLimits => new()
    {
        // limit, remaining, seconds to reset, expected wait s
        { 600, 500, 30, null },
        { 600, 61, 30, null },
        { 600, 60, 30, 0.5 },
        { 600, 1, 30, 30 },
        { 600, 0, 30, 30 },
        { 600, 0, -5, 0 },
        { 0, 0, 10, 10 },
    };

    [Theory]
    [MemberData(nameof(RateLimits))]
    public void A_poller_slows_down_as_the_rate_limit_runs_out_and_stops_until_it_resets(int limit, int remaining, int resetIn, double? wait)
    {
        var now = new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);

        var chosen = new ShopRateLimit(limit, remaining, now.AddSeconds(resetIn)).WaitBeforeNext(now);

        chosen.Should().Be(wait is { } w ? TimeSpan.FromSeconds(w) : null);
    }

    [Theory]
    [InlineData("600", "12", "1764626400", true)]
    [InlineData(null, "12", "1764626400", false)]
    [InlineData("600", "x", "1764626400", false)]
    [InlineData("600", "12", "-1", false)]
    public void The_rate_limit_headers_parse_only_when_all_three_are_numbers(string? limit, string? remaining, string? reset, bool parses) =>
        (ShopRateLimit.Parse(limit, remaining, reset) is not null).Should().Be(parses);
}
