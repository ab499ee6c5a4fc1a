using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine.Export.FastPath;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Core.Tests.Engine.FastPath;

/// <summary>When the reconciliation may take the remembered catalogue checksums for the current ones (issue 12).</summary>
public sealed class CatalogueStampTests
{
    public static TheoryData<string?, string?, bool> Stamps => new()
    {
        // remembered, current; unchanged?
        { "A1", "A1", true },
        { "A1", "B2", false },   // something was written since
        { null, "A1", false },   // nothing remembered (the first reconciliation, or a stamp that was unknown then)
        { "A1", null, false },   // the provider does not know now (a restart, a transaction open since the last write)
        { null, null, false },   // no stamp at all (SQL Server, Access)
        { "a1", "A1", false },   // compared exactly
    };

    [Theory]
    [MemberData(nameof(Stamps))]
    public void The_checksums_are_skipped_only_when_both_stamps_are_known_and_equal(string? remembered, string? current, bool unchanged) =>
        CatalogueStamp.Unchanged(remembered, current).Should().Be(unchanged);

    [Fact]
    public void The_stamp_mark_changes_with_the_settings_the_checksums_depend_on_and_fits_a_mark()
    {
        var stamp = "goods:1764626400|partners:1764626300";
        var value = CatalogueStamp.Of(stamp, PriceColumn.PriceOut2, goods: true, partners: true);

        value.Should().NotBeNull().And.HaveLength(32);
        CatalogueStamp.Of(stamp, PriceColumn.PriceOut2, goods: true, partners: true).Should().Be(value);
        CatalogueStamp.Of("goods:1764626401|partners:1764626300", PriceColumn.PriceOut2, true, true).Should().NotBe(value);
        CatalogueStamp.Of(stamp, PriceColumn.PriceOut3, true, true).Should().NotBe(value, "the goods checksums hash the price column");
        CatalogueStamp.Of(stamp, PriceColumn.PriceOut2, true, false).Should().NotBe(value, "partners turned on again need their checksums computed");
        CatalogueStamp.Of(null, PriceColumn.PriceOut2, true, true).Should().BeNull("an unknown stamp vouches for nothing");
    }

    [Fact]
    public void The_remembered_checksums_read_back_as_the_compare_wrote_them()
    {
        RangeChecksum[] current = [new(0, 1000, "111"), new(1, 1024, "-222"), new(97, 3, "333")];
        var (_, marks) = CatalogueMarks.Compare(CatalogueMarks.Goods, new Dictionary<string, string?>(), current);
        var stored = marks.ToDictionary(m => m.Key, m => m.Value);

        var remembered = CatalogueStamp.Remembered(CatalogueMarks.Goods, stored);

        remembered.Should().Equal(current);
        CatalogueMarks.Compare(CatalogueMarks.Goods, stored, remembered!).Marks.Should().BeEmpty("the current checksums are the remembered ones: nothing to write");
    }

    public static TheoryData<Dictionary<string, string?>, int?> StoredSets => new()
    {
        { new() { ["fast.goods.n"] = "2", ["fast.goods.0"] = "5:9", ["fast.goods.1"] = "3:7" }, 2 },
        { new() { ["fast.goods.n"] = "1", ["fast.goods.0"] = "5:9", ["fast.goods.1"] = null }, 1 },   // a range that emptied
        { new() { ["fast.goods.n"] = "0" }, 0 },                                                      // no goods at all
        { new() { ["fast.goods.0"] = "5:9" }, null },                                                 // not armed
        { new() { ["fast.goods.n"] = "2", ["fast.goods.0"] = "5:9" }, null },                         // a range missing
        { new() { ["fast.goods.n"] = "1", ["fast.goods.0"] = "5" }, null },                           // a value that does not parse
        { new() { ["fast.goods.n"] = "1", ["fast.goods.x"] = "5:9" }, null },                         // a name that does not parse
        { new() { ["fast.goods.n"] = "many" }, null },
    };

    [Theory]
    [MemberData(nameof(StoredSets))]
    public void Only_a_complete_set_of_marks_stands_for_the_checksums(Dictionary<string, string?> stored, int? ranges) =>
        (CatalogueStamp.Remembered(CatalogueMarks.Goods, stored)?.Count).Should().Be(ranges);
}
