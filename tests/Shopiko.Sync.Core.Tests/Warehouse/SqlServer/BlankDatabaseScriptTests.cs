namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>
/// The library's blank SQL Server database (<c>sqlserver.tables.sql</c>, used by the demo and the SQL Server suite) has
/// the tables of a real Warehouse Pro database: every table it creates is in schema.json with the same columns in the
/// same order, types, string lengths, nullability, identity and primary key. Where the Warehouse Open MySQL script
/// differs from the real MS SQL database, the SQL Server script follows the real one.
/// </summary>
public sealed class BlankDatabaseScriptTests
{
    private static readonly (IReadOnlyList<SchemaTable> Tables, IReadOnlyList<string> Implicit) Script = Load();

    private static IReadOnlyList<SchemaTable> Created => Script.Tables;

    private static IReadOnlyList<string> Implicit => Script.Implicit;

    private static (IReadOnlyList<SchemaTable>, IReadOnlyList<string>) Load()
    {
        var tables = SqlServerScript.Tables(BlankDatabaseScript.Read("sqlserver.tables.sql"), out var implicitColumns);
        return (tables, implicitColumns);
    }

    [Fact]
    public void Every_table_the_script_creates_is_a_table_of_the_real_database()
    {
        Created.Should().NotBeEmpty();
        Created.Select(t => t.Name).Where(n => WarehouseProSchema.Real.Table(n) is null).Should().BeEmpty("schema.json names the real tables exactly");
    }

    [Fact]
    public void Each_created_table_has_the_real_columns_types_lengths_nullability_identity_and_key()
    {
        var differences = new List<string>();
        foreach (var table in Created)
        {
            var real = WarehouseProSchema.Real.Table(table.Name);
            if (real is null)
            {
                continue;
            }

            string Shape(SchemaColumn c) => $"{c.Name} {c.Type}{(c.Length is { } n ? $"({n})" : "")} {(c.Nullable ? "NULL" : "NOT NULL")}";
            var ours = table.Columns.Select(Shape).ToList();
            var theirs = real.Columns.Select(Shape).ToList();
            if (!ours.SequenceEqual(theirs))
            {
                differences.Add($"{table.Name}: script [{string.Join(", ", ours)}] but real [{string.Join(", ", theirs)}]");
            }

            if (table.Identity != real.Identity)
            {
                differences.Add($"{table.Name}: identity {table.Identity ?? "none"} but real {real.Identity ?? "none"}");
            }

            if (!table.PrimaryKey.SequenceEqual(real.PrimaryKey))
            {
                differences.Add($"{table.Name}: key ({string.Join(", ", table.PrimaryKey)}) but real ({string.Join(", ", real.PrimaryKey)})");
            }
        }

        differences.Should().BeEmpty();
    }

    [Fact]
    public void Every_column_states_NULL_or_NOT_NULL_so_the_session_setting_does_not_decide()
    {
        Implicit.Should().BeEmpty();
    }

    [Fact]
    public void The_tables_the_store_needs_are_all_created()
    {
        var dialect = new Shopiko.Sync.Warehouse.Dialects.SqlServerDialect();
        Shopiko.Sync.Warehouse.Dialects.TableNames.Required.Select(dialect.DefaultTableName)
            .Should().BeSubsetOf(Created.Select(t => t.Name));
    }
}
