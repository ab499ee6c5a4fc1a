using Shopiko.Sync.Core.Tests.Warehouse.SqlServer;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse.Access;

/// <summary>
/// Every command the store sends to Access (Jet/ACE), tokenized and held against the real schema: Warehouse Pro's
/// Access database has the tables and columns of its MS SQL one (schema.json), so the same names and lengths apply —
/// an assumption, since no Access schema was published; Access compares names case-insensitively, the check does not.
/// Besides, no construct Jet SQL lacks may appear. The live suite on Windows runs them against ACE.
/// </summary>
public sealed class AccessStatementTests
{
    private static readonly Lazy<IReadOnlyList<(StoreStatement Statement, AccessAnalysis Analysis)>> Analysed = new(() =>
        StoreStatements.For(new AccessDialect()).Select(s => (s, AccessAnalysis.Of(s.Sql))).ToList());

    [Fact]
    public void The_enumeration_holds_only_what_the_store_sends_to_Access()
    {
        var dialect = new AccessDialect();
        dialect.InsertsManyRows.Should().BeFalse("one row per INSERT is why the multi-row variants are sent at one row only");
        dialect.BatchesStatements.Should().BeFalse();
        var names = Analysed.Value.Select(a => a.Statement.Name).ToList();
        names.Should().Contain("InsertOperations(1)").And.NotContain("InsertOperations(2)").And.Contain("LastIdentity");
        names.Should().NotContain(n => n.StartsWith("AddToStoreRows", StringComparison.Ordinal) || n.StartsWith("UpsertLinks", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_table_and_column_named_exists_in_the_real_schema_or_the_library_s_own_tables()
    {
        string.Join(Environment.NewLine, Analysed.Value.SelectMany(a => a.Analysis.Problems.Select(p => $"{a.Statement.Name}: {p}")).Distinct())
            .Should().BeEmpty();
    }

    [Fact]
    public void Every_name_is_in_brackets_and_no_reserved_word_is_left_bare()
    {
        string.Join(Environment.NewLine, Analysed.Value.SelectMany(a => a.Analysis.Quoting.Select(p => $"{a.Statement.Name}: {p}")).Distinct())
            .Should().BeEmpty();
    }

    [Fact]
    public void No_construct_Jet_SQL_lacks_appears()
    {
        string.Join(Environment.NewLine, Analysed.Value.SelectMany(a => a.Analysis.Constructs.Select(p => $"{a.Statement.Name}: {p}")).Distinct())
            .Should().BeEmpty();
    }

    [Fact]
    public void Every_string_written_is_bounded_by_its_column_and_every_date_by_smalldatetime_s_range()
    {
        var failures = new SortedSet<string>(StringComparer.Ordinal);
        var checkedWrites = 0;
        foreach (var (statement, analysis) in Analysed.Value)
        {
            foreach (var write in analysis.Writes)
            {
                var table = WarehouseProSchema.Any(write.Table);
                var column = table?.Column(write.Column);
                if (table is null || column is null)
                {
                    continue; // reported by the name check
                }

                checkedWrites++;
                if (WrittenValueBounds.Check(write, table, column) is { } failure)
                {
                    failures.Add($"{failure} ({statement.Name})");
                }
            }
        }

        checkedWrites.Should().BeGreaterThan(50);
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    [Theory]
    [InlineData("SELECT [ID] FROM [Goods] LIMIT 10", "LIMIT")]
    [InlineData("SELECT [ID] FROM [Goods] ORDER BY [ID] OFFSET 10", "OFFSET")]
    [InlineData("MERGE [Goods] AS t USING [Goods] AS s ON t.[ID] = s.[ID]", "MERGE")]
    [InlineData("INSERT INTO [Goods] ([Code]) OUTPUT ?x? VALUES (?Code?)", "OUTPUT")]
    [InlineData("INSERT INTO [Goods] ([Code]) VALUES (?Code?) ON DUPLICATE KEY UPDATE [Code] = ?C?", "DUPLICATE")]
    [InlineData("INSERT INTO [Goods] ([Code]) VALUES (?A?), (?B?)", "several rows")]
    [InlineData("UPDATE [Store] SET [Qtty] = CASE [ID] WHEN ?I? THEN 1 END", "CASE")]
    [InlineData("SELECT COALESCE([Name], '') FROM [Goods]", "COALESCE")]
    [InlineData("SELECT [Name] || [Code] FROM [Goods]", "||")]
    public void A_construct_Jet_lacks_is_caught(string sql, string construct)
    {
        AccessAnalysis.Of(sql).Constructs.Should().Contain(c => c.Contains(construct, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT [Nmae] FROM [Goods]", "[Nmae]")]
    [InlineData("SELECT g.[ID] FROM [Goods] g LEFT JOIN [VATGroups] v ON v.[ID] = g.[TaxGrup]", "[TaxGrup]")]
    [InlineData("INSERT INTO [Partners] ([Email]) VALUES (?Email?)", "[Email]")]
    [InlineData("SELECT [ID] FROM [Good]", "[Good]")]
    public void A_misspelled_name_is_caught(string sql, string name)
    {
        AccessAnalysis.Of(sql).Problems.Should().Contain(p => p.Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT Key FROM [Configuration]")]
    [InlineData("SELECT [Key] AS Value FROM [Configuration]")]
    [InlineData("UPDATE [Configuration] SET [Value] = ?Value? WHERE Desc = 1")]
    public void A_bare_name_or_reserved_word_is_caught(string sql)
    {
        AccessAnalysis.Of(sql).Quoting.Should().NotBeEmpty();
    }
}
