using System.Reflection;
using System.Text.RegularExpressions;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse;

/// <summary>The fast path's SQL in every dialect, checked without a server (as <see cref="DialectSqlTests"/>).</summary>
public sealed partial class ChangeSqlTests
{
    private static WarehouseDialect Dialect(string name) => name switch
    {
        "Access" => new AccessDialect(),
        "SqlServer" => new SqlServerDialect(),
        "MySql" => new MySqlDialect(),
        "Sqlite" => new SqliteDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static IEnumerable<(string Name, string Sql)> Statements(string dialect)
    {
        var tables = TableNames.Resolve(TableNames.Required.Select(t => char.ToUpperInvariant(t[0]) + t[1..]), t => t, out _);
        var sql = Dialect(dialect).BuildSql(tables).Changes;
        foreach (var property in typeof(ChangeSql).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (property.GetValue(sql))
            {
                case string text:
                    yield return (property.Name, text);
                    break;
                case Func<IEnumerable<int>, string> byObjects:
                    yield return (property.Name, byObjects([2, 5]));
                    break;
                case Func<IEnumerable<int>, IReadOnlyList<int>, string> byObjectsAndGoods:
                    yield return (property.Name, byObjectsAndGoods([2, 5], [7, 9]));
                    break;
                case Func<IReadOnlyList<int>, string> byIds:
                    yield return (property.Name, byIds([7, 9]));
                    break;
                case Func<PriceColumn, string> byPrice:
                    yield return (property.Name, byPrice(PriceColumn.PriceOut2));
                    break;
                case null:
                    break; // a statement the dialect does not offer
                default:
                    throw new InvalidOperationException($"{property.Name}: a statement shape the test does not know");
            }
        }
    }

    [Theory]
    [InlineData("Access")]
    [InlineData("SqlServer")]
    [InlineData("MySql")]
    [InlineData("Sqlite")]
    public void Every_statement_names_the_tables_as_the_database_spells_them_and_reads_through_an_id(string dialect)
    {
        foreach (var (name, sql) in Statements(dialect))
        {
            sql.Should().NotContainAny([" goods ", " operations ", " store ", " partners "], $"{name} must use the database's spelling");
            if (name != nameof(ChangeSql.SelectGoodsChecksums) && name != nameof(ChangeSql.SelectPartnersChecksums)
                && name != nameof(ChangeSql.SelectChangeStamp) && name != nameof(ChangeSql.StartChecksumSnapshot)
                && name != nameof(ChangeSql.EndChecksumSnapshot))
            {
                sql.Should().MatchRegex(@"(ID|LocalId|Name)\W*\s*(>|>=|IN|LIKE|=)", $"{name} reads through a key");
            }
        }
    }

    [Theory]
    [InlineData("Access")]
    [InlineData("SqlServer")]
    [InlineData("Sqlite")]
    public void Only_mysql_has_the_server_computed_change_stamp(string dialect) =>
        Statements(dialect).Should().NotContain(s => s.Name == nameof(ChangeSql.SelectChangeStamp));

    [Theory]
    [InlineData("Access")]
    [InlineData("SqlServer")]
    public void Sql_server_and_access_compute_the_checksums_before_the_read_not_in_a_snapshot(string dialect) =>
        Statements(dialect).Should().NotContain(s => s.Name == nameof(ChangeSql.StartChecksumSnapshot) || s.Name == nameof(ChangeSql.EndChecksumSnapshot));

    [Fact]
    public void The_sqlite_checksum_snapshot_is_taken_by_a_first_read_in_a_deferred_transaction()
    {
        Statements("Sqlite").Single(s => s.Name == nameof(ChangeSql.StartChecksumSnapshot)).Sql.Should().Be("BEGIN DEFERRED; SELECT COUNT(*) FROM sqlite_master");
        Statements("Sqlite").Single(s => s.Name == nameof(ChangeSql.EndChecksumSnapshot)).Sql.Should().Be("COMMIT");
    }

    [Fact]
    public void The_mysql_checksum_snapshot_is_taken_at_once_at_repeatable_read_and_writes_nothing() =>
        Statements("MySql").Single(s => s.Name == nameof(ChangeSql.StartChecksumSnapshot)).Sql.Should()
            .StartWith("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;", "a consistent snapshot exists at REPEATABLE READ only")
            .And.EndWith("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");

    [Fact]
    public void The_mysql_change_stamp_reads_the_checksummed_tables_and_says_dont_know_when_a_change_could_hide()
    {
        var sql = Statements("MySql").Single(s => s.Name == nameof(ChangeSql.SelectChangeStamp)).Sql;

        sql.Should().Contain("information_schema.TABLES").And.Contain("TABLE_SCHEMA = DATABASE()")
            .And.Contain("TABLE_NAME IN ('Goods', 'Partners')", "the tables the checksums read, as the database spells them")
            .And.Contain("UPDATE_TIME IS NOT NULL AND t.UPDATE_TIME < NOW() - INTERVAL 1 SECOND", "a time of this second could hide a commit")
            .And.Contain("ENGINE = 'InnoDB'")
            .And.Contain("information_schema.INNODB_TRX", "an open transaction may commit later with an old start time")
            .And.Contain("s.Tables = 2 AND s.Known = 2");
    }

    [Fact]
    public void Access_binds_each_parameter_once_and_divides_with_a_backslash()
    {
        foreach (var (name, sql) in Statements("Access"))
        {
            AccessParameter().Matches(sql).Select(m => m.Groups[1].Value).Should().OnlyHaveUniqueItems($"OLE DB binds {name} by position");
            sql.Should().NotContain("@", name);
        }

        Statements("Access").Single(s => s.Name == nameof(ChangeSql.SelectGoodsChecksums)).Sql.Should().Contain(@"[ID] \ 1024");
    }

    [Theory]
    [InlineData("MySql", "CRC32(CONCAT_WS(", "`ID` DIV 1024")]
    [InlineData("SqlServer", "BINARY_CHECKSUM(", "[ID] / 1024")]
    [InlineData("Sqlite", "shopikosync_rowhash(", "`ID` / 1024")]
    [InlineData("Access", "LEN(", @"[ID] \ 1024")]
    public void The_checksums_hash_every_exported_column_per_range_of_ids(string dialect, string hash, string bucket)
    {
        var goods = Statements(dialect).Single(s => s.Name == nameof(ChangeSql.SelectGoodsChecksums)).Sql;
        goods.Should().Contain(hash).And.Contain(bucket).And.Contain("PriceOut2").And.Contain("GROUP BY");
        foreach (var column in WarehouseDialect.GoodsHashColumns)
        {
            goods.Should().Contain(column);
        }
    }

    [Theory]
    [InlineData("Access", "[", "]")]
    [InlineData("SqlServer", "[", "]")]
    [InlineData("MySql", "`", "`")]
    [InlineData("Sqlite", "`", "`")]
    public void The_partner_checksums_hash_every_exported_column_quoted(string dialect, string open, string close)
    {
        var partners = Statements(dialect).Single(s => s.Name == nameof(ChangeSql.SelectPartnersChecksums)).Sql;
        foreach (var column in WarehouseDialect.PartnersHashColumns)
        {
            partners.Should().Contain(open + column + close);
        }

        var goods = Statements(dialect).Single(s => s.Name == nameof(ChangeSql.SelectGoodsChecksums)).Sql;
        foreach (var column in WarehouseDialect.GoodsHashColumns.Append("PriceOut2"))
        {
            goods.Should().Contain(open + column + close);
        }
    }

    /// <summary>The columns of the checksums that hold numbers (their own text read back by VAL cannot overflow).</summary>
    private static readonly HashSet<string> NumberColumns = ["GroupID", "TaxGroup", "Deleted", "PriceOut2"];

    [Fact]
    public void Access_never_reads_a_text_with_VAL_so_no_text_can_overflow_the_row_hash()
    {
        // VAL('2E999') overflows (the statement fails for the whole table) and VAL('1D5') is 100000: a code, a phone or
        // a tax number may hold such text. Text is hashed by its length and character codes only.
        foreach (var name in new[] { nameof(ChangeSql.SelectGoodsChecksums), nameof(ChangeSql.SelectPartnersChecksums) })
        {
            var sql = Statements("Access").Single(s => s.Name == name).Sql;
            var valued = AccessVal().Matches(sql).Select(m => m.Groups[1].Value).ToList();
            valued.Should().NotBeEmpty().And.OnlyContain(c => NumberColumns.Contains(c), $"{name} applies VAL to numbers only");
            var texts = (name == nameof(ChangeSql.SelectGoodsChecksums) ? WarehouseDialect.GoodsHashColumns : WarehouseDialect.PartnersHashColumns)
                .Where(c => !NumberColumns.Contains(c)).ToList();
            texts.Should().NotBeEmpty();
            foreach (var column in texts)
            {
                sql.Should().Contain($"LEN([{column}] & '') + ASC([{column}] & ' ') + ASC(MID([{column}] & ' ', LEN([{column}] & '') \\ 2 + 1, 1)) + ASC(RIGHT(' ' & [{column}], 1))",
                    $"{column} is a text: its length and first, middle and last character codes");
            }

            var analysis = Access.AccessAnalysis.Of(sql);
            analysis.Problems.Concat(analysis.Quoting).Concat(analysis.Constructs).Should().BeEmpty(name);
        }
    }

    [GeneratedRegex(@"VAL\(\[(\w+)\] & ''\)")]
    private static partial Regex AccessVal();

    [GeneratedRegex(@"\?(\w+)\?")]
    private static partial Regex AccessParameter();
}
