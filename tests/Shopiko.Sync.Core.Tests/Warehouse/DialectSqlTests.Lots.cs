using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse;

// The locked stock read carries each lot's expiry (FEFO), read from lots in a subquery (a locking read leaves it
// unlocked) where the database has that table, and a NULL expiry where it does not, so a database without lots opens
// and writes documents as before.
public sealed partial class DialectSqlTests
{
    [Theory]
    [MemberData(nameof(Dialects))]
    public void The_stock_read_reads_lots_only_where_the_database_has_it(string name)
    {
        var dialect = Dialect(name);
        var withLots = dialect.BuildSql(TableNames.Resolve(TableNames.Required.Append("LOTS"), t => t, out _)).SelectStoreRows([3, 5]);
        var withoutLots = dialect.BuildSql(TableNames.Resolve(TableNames.Required, t => t, out _)).SelectStoreRows([3, 5]);

        withLots.Should().Contain("(SELECT l." + dialect.Quote("EndDate") + " FROM " + dialect.Quote("LOTS") + " l WHERE l.").And.Contain(") AS Expires ");
        withoutLots.Should().NotContain("EndDate").And.Contain("NULL AS Expires ");
    }

    [Fact]
    public void A_database_without_lots_is_still_complete()
    {
        TableNames.Resolve(TableNames.Required, t => t, out var missing).Has("lots").Should().BeFalse();
        missing.Should().BeEmpty("lots is optional");
    }
}
