using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse;

/// <summary>The order fingerprint column: in a new table's DDL, and added to an older table by every dialect.</summary>
public sealed class SyncStateUpgradeSqlTests
{
    public static TheoryData<string> Dialects => ["Access", "SqlServer", "MySql", "Sqlite"];

    private static WarehouseDialect Dialect(string name) => name switch
    {
        "Access" => new AccessDialect(),
        "SqlServer" => new SqlServerDialect(),
        "MySql" => new MySqlDialect(),
        _ => new SqliteDialect(),
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_new_orders_table_has_the_fingerprint_and_an_older_one_gets_it_added(string name)
    {
        var dialect = Dialect(name);

        dialect.SyncStateDdl.Single(d => d.Contains("shopikosync_orders", StringComparison.Ordinal))
            .Should().Contain(dialect.Quote("Fingerprint"));
        var upgrade = dialect.SyncStateUpgrades.Should().ContainSingle().Subject;
        upgrade.Table.Should().Be(SyncStateTables.Orders);
        upgrade.Column.Should().Be("Fingerprint");
        upgrade.Alter.Should().StartWith($"ALTER TABLE {dialect.Quote(SyncStateTables.Orders)} ADD")
            .And.Contain(dialect.Quote("Fingerprint")).And.NotContain("NOT NULL").And.NotContain(";");
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void The_order_record_reads_and_writes_the_fingerprint(string name)
    {
        var dialect = Dialect(name);
        var sql = dialect.BuildSql(TableNames.Resolve(TableNames.Required, t => t, out _));

        foreach (var statement in new[] { sql.InsertImportedOrder, sql.SelectImportedOrder, sql.SelectImportedOrders(2), sql.SelectUnacknowledgedOrders })
        {
            statement.Should().Contain(dialect.Quote("Fingerprint"));
        }

        sql.InsertImportedOrder.Should().Contain(dialect.Param("Fingerprint"));
    }
}
