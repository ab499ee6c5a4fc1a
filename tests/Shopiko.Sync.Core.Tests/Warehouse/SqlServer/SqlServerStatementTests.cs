using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>
/// Every command the store sends to SQL Server, parsed by SQL Server's own parser (ScriptDom, the SQL Server 2008
/// grammar: the oldest server the library accepts) and walked: each table and column it names exists in the real
/// Warehouse Pro schema (schema.json) or the library's own DDL, every name is in brackets, and the command stays within
/// SQL Server's limits. No server is needed; the live suite runs on Windows CI (.github/workflows/windows.yml).
/// </summary>
public sealed class SqlServerStatementTests
{
    private static readonly Lazy<IReadOnlyList<(StoreStatement Statement, SqlServerAnalysis Analysis)>> Analysed = new(() =>
        StoreStatements.For(new SqlServerDialect()).Select(s => (s, SqlServerAnalysis.Of(s.Sql))).ToList());

    [Fact]
    public void The_enumeration_covers_every_statement_and_row_count_the_store_uses()
    {
        var names = Analysed.Value.Select(a => a.Statement.Name).ToList();
        names.Should().Contain("InsertOperations(1)").And.Contain("InsertOperations(2)").And.Contain($"InsertOperations({StoreStatements.MaxOperationRows})");
        names.Should().Contain($"UpsertLinks({WarehouseDialect.MaxRowsPerStatement} rows)").And.Contain($"SelectStoreRows({StoreStatements.LongIdList} ids)");
        names.Should().Contain(n => n.StartsWith("Document batch(", StringComparison.Ordinal)).And.Contain(n => n.StartsWith("SelectDocumentFacts+", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_statement_parses_with_the_SQL_Server_2008_parser()
    {
        var failures = Analysed.Value.SelectMany(a => a.Analysis.Problems.Where(p => p.StartsWith("parse error", StringComparison.Ordinal))
            .Select(p => $"{a.Statement.Name}: {p}"));
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    [Fact]
    public void No_statement_calls_a_function_newer_than_SQL_Server_2008()
    {
        var failures = Analysed.Value.SelectMany(a => a.Analysis.Newer.Select(p => $"{a.Statement.Name}: {p}")).Distinct();
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
        SqlServerAnalysis.Of("SELECT UPPER(TRIM([Code])) FROM [Goods]").Newer.Should().ContainSingle().Which.Should().Contain("TRIM needs SQL Server 2017");
    }

    [Fact]
    public void Every_table_and_column_named_exists_in_the_real_schema_or_the_library_s_own_tables()
    {
        var failures = Analysed.Value.SelectMany(a => a.Analysis.Problems.Select(p => $"{a.Statement.Name}: {p}")).Distinct();
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    [Fact]
    public void Every_table_and_column_name_is_in_brackets_and_no_reserved_word_is_left_bare()
    {
        var failures = Analysed.Value.SelectMany(a => a.Analysis.Quoting.Select(p => $"{a.Statement.Name}: {p}")).Distinct();
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    [Fact]
    public void No_command_passes_SQL_Server_s_2100_parameters_or_1000_rows_in_one_INSERT()
    {
        var tooMany = Analysed.Value.Where(a => a.Analysis.Parameters.Count > StoreStatements.SqlServerMaxParameters)
            .Select(a => $"{a.Statement.Name}: {a.Analysis.Parameters.Count} parameters");
        var tooLong = Analysed.Value.Where(a => a.Analysis.MostInsertRows > StoreStatements.SqlServerMaxInsertRows)
            .Select(a => $"{a.Statement.Name}: {a.Analysis.MostInsertRows} rows");
        string.Join(Environment.NewLine, tooMany.Concat(tooLong)).Should().BeEmpty();
    }

    [Fact]
    public void A_long_document_s_writes_go_as_several_commands_within_the_parameter_limit_in_their_order()
    {
        var dialect = new SqlServerDialect();
        var commands = StoreStatements.DocumentBatch(dialect, dialect.BuildSql(StoreStatements.RealTables()), 3 * StoreStatements.MaxOperationRows);

        commands.Should().HaveCountGreaterThan(1).And.OnlyContain(c => c.Parameters.Count <= StoreStatements.SqlServerMaxParameters);
        // Parameters are renamed Name_i after the statement's place in the batch: every statement is sent once, in order.
        var order = commands.SelectMany(c => c.Parameters.Select(p => int.Parse(p[(p.LastIndexOf('_') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Distinct()).ToList();
        order.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        order.Should().HaveCount(3 + 1 + 3 + 1 + 1, "three stock updates, a stock row, three INSERTs of lines, the payments and the order record");
    }

    [Fact]
    public void The_library_s_own_tables_and_the_seed_parse_with_the_SQL_Server_2008_parser()
    {
        foreach (var ddl in new SqlServerDialect().SyncStateDdl)
        {
            SqlServerScript.Parse(ddl).Errors.Should().BeEmpty(ddl);
        }

        foreach (var statement in BlankDatabaseScript.SqlServerSeed())
        {
            SqlServerScript.Parse(statement).Errors.Should().BeEmpty(statement);
        }
    }

    [Fact]
    public void The_SQL_Server_dialect_s_own_catalogue_queries_parse_with_the_SQL_Server_2008_parser()
    {
        // Its constants (e.g. the column limits read at open) query system views, so they are parsed but not name-checked.
        var texts = typeof(SqlServerDialect).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (f.Name, Sql: (string)f.GetRawConstantValue()!)).ToList();
        texts.Should().NotBeEmpty();
        foreach (var (name, sql) in texts)
        {
            SqlServerScript.Parse(sql).Errors.Should().BeEmpty(name);
        }
    }

    [Theory]
    [InlineData("SELECT Key FROM [Configuration]")]
    [InlineData("SELECT [Key] AS User FROM [Configuration]")]
    [InlineData("UPDATE [Configuration] SET [Value] = @Value WHERE Desc = 1")]
    public void A_reserved_word_left_bare_is_caught(string sql)
    {
        var analysis = SqlServerAnalysis.Of(sql);
        analysis.Problems.Concat(analysis.Quoting).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("SELECT [Nmae] FROM [Goods]", "[Nmae]")]
    [InlineData("SELECT g.[ID] FROM [Goods] g LEFT JOIN [VATGroups] v ON v.[ID] = g.[TaxGrup]", "g.[TaxGrup]")]
    [InlineData("INSERT INTO [Partners] ([Email]) VALUES (@Email)", "[Email]")]
    [InlineData("SELECT [ID] FROM [Good]", "[Good]")]
    public void A_misspelled_name_is_caught(string sql, string name)
    {
        SqlServerAnalysis.Of(sql).Problems.Should().NotBeEmpty().And.Contain(p => p.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_string_written_is_bounded_by_its_column_and_every_smalldatetime_by_its_range()
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
                if (WrittenValueBounds.Check(write with { Parameter = BaseName(write.Parameter) }, table, column) is { } failure)
                {
                    failures.Add($"{failure} ({statement.Name})");
                }
            }
        }

        checkedWrites.Should().BeGreaterThan(100);
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    [Fact]
    public void The_library_s_own_values_fit_the_columns_of_its_own_tables()
    {
        foreach (var ((table, column), (length, why)) in WrittenValueBounds.Library)
        {
            var target = WarehouseProSchema.Any(table)?.Column(column);
            target.Should().NotBeNull($"{table}.{column} is written by the store");
            length.Should().BeLessThanOrEqualTo(target!.Length!.Value, $"{table}.{column} holds {why}");
        }
    }

    /// <summary><c>@Lot3_2</c> (row 3 of the third statement of a batch) as <c>@Lot</c>, for messages that group alike.</summary>
    private static string? BaseName(string? parameter) =>
        parameter is null ? null : System.Text.RegularExpressions.Regex.Replace(parameter, @"(\d+)?(_\d+)?$", "");
}
