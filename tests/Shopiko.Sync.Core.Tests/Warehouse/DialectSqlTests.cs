using System.Reflection;
using System.Text.RegularExpressions;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse;

/// <summary>
/// The SQL text of every dialect, checked without a server. This is the only place Access and SQL Server SQL is
/// exercised on Linux (their stores need Windows or <c>SHOPIKO_TEST_SQLSERVER</c>), so it checks what those engines
/// are strict about: OLE DB binds parameters by position (each named once, no batches), SQL Server and Access quote
/// with brackets, MySQL with backticks, and every statement names the tables as the database spells them.
/// </summary>
public sealed partial class DialectSqlTests
{
    public static TheoryData<string> Dialects => ["Access", "SqlServer", "MySql", "Sqlite"];

    private static WarehouseDialect Dialect(string name) => name switch
    {
        "Access" => new AccessDialect(),
        "SqlServer" => new SqlServerDialect(),
        "MySql" => new MySqlDialect(),
        "Sqlite" => new SqliteDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A database that spells its tables in mixed case, as real ones do (NextAcct, Goods, …).</summary>
    private static TableNames MixedCaseTables() =>
        TableNames.Resolve(TableNames.Required.Select(t => char.ToUpperInvariant(t[0]) + t[1..]), t => t, out _);

    /// <summary>Every statement a dialect builds: the string ones, and the list-taking ones with sample lists.</summary>
    private static IEnumerable<(string Name, string Sql)> Statements(WarehouseDialect dialect)
    {
        var sql = dialect.BuildSql(MixedCaseTables());
        foreach (var property in typeof(WarehouseSql).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (property.GetValue(sql))
            {
                case string text:
                    yield return (property.Name, text);
                    break;
                case Func<IEnumerable<int>, string> byIds:
                    yield return (property.Name, byIds([3, 5]));
                    break;
                case Func<IReadOnlyList<int>, string> byIdList:
                    yield return (property.Name, byIdList([3, 5]));
                    yield return (property.Name + "(long list)", byIdList([.. Enumerable.Range(2, WarehouseDialect.MaxIdParameters + 1)]));
                    break;
                case Func<int, string> byCount:
                    // One row or ID per statement is what Access is sent.
                    yield return (property.Name, byCount(1));
                    break;
                case Func<string, bool, string> facts:
                    yield return (property.Name + "(order)", facts("SELECT 1", true));
                    yield return (property.Name + "(no order)", facts("SELECT 1", false));
                    break;
                case Func<IEnumerable<int>, bool, string> byIdsPerObject:
                    yield return (property.Name + "(all objects)", byIdsPerObject([2, 19], false));
                    yield return (property.Name + "(per object)", byIdsPerObject([2, 19], true));
                    break;
            }
        }
    }

    [Fact]
    public void Every_statement_of_the_store_is_built_by_every_dialect()
    {
        foreach (var name in Dialects)
        {
            Statements(Dialect(name)).Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Sql), name);
        }
    }

    [Fact]
    public void Access_binds_by_position_so_each_parameter_is_named_once_and_no_statement_is_a_batch()
    {
        foreach (var (name, sql) in Statements(new AccessDialect()))
        {
            var parameters = AccessParameter().Matches(sql).Select(m => m.Groups[1].Value).ToList();
            parameters.Should().OnlyHaveUniqueItems($"OLE DB binds {name} by position");
            sql.Replace("@@IDENTITY", "", StringComparison.Ordinal).Should().NotContain("@", $"{name} must use ?name? parameters on Access");
            sql.Should().NotContain(";", $"Jet runs one statement per command ({name})");
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Id_lists_of_a_document_are_parameters_so_the_text_repeats_until_the_list_is_too_long(string name)
    {
        var dialect = Dialect(name);
        var sql = dialect.BuildSql(MixedCaseTables());

        sql.SelectDocumentGoods([7, 9]).Should().Be(sql.SelectDocumentGoods([8, 10])).And.Contain(dialect.Param("G1"));
        sql.SelectStoreRows([7, 9]).Should().Be(sql.SelectStoreRows([8, 10])).And.Contain(dialect.Param("S1"));
        var many = Enumerable.Range(2, WarehouseDialect.MaxIdParameters + 1).ToList();
        sql.SelectDocumentGoods(many).Should().Contain(", 502)").And.NotContain(dialect.Param("G0"));
        sql.SelectStoreRows(many).Should().Contain(", 502)").And.NotContain(dialect.Param("S0"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_document_s_lines_payments_and_stock_changes_take_one_statement_where_values_take_several_rows(string name)
    {
        var dialect = Dialect(name);
        var sql = dialect.BuildSql(MixedCaseTables());

        dialect.InsertsManyRows.Should().Be(name != "Access");
        sql.InsertOperations(3).Should().Contain(dialect.Param("GoodId2")).And.Contain(dialect.Param("Note2"));
        sql.InsertPayments(2).Should().Contain(dialect.Param("Qtty1")).And.Contain(dialect.Param("Type1"));
        sql.AddToStoreRows(2).Should().Contain($"WHEN {dialect.Param("I1")} THEN {dialect.Param("D1")}");
        sql.AcknowledgeOrders(2).Should().Contain(dialect.Param("O1")).And.Contain(dialect.Param("R1"));
        (sql.SelectDocumentFacts is null).Should().Be(name == "Access", "Access takes no SELECT without a table");
    }

    [Fact]
    public void Access_reads_the_new_identity_in_its_own_command_and_uses_Jet_functions()
    {
        var sql = new AccessDialect().BuildSql(MixedCaseTables());
        sql.LastIdentity.Should().Be("SELECT @@IDENTITY");
        sql.InsertGood.Should().StartWith("INSERT INTO [Goods]").And.NotContain("IDENTITY");
        sql.SelectGoodsByCode.Should().Contain("UCASE(TRIM(g.[Code]))").And.NotContain("UPPER(");
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Tables_are_named_as_the_database_spells_them_and_quoted_for_the_engine(string name)
    {
        var dialect = Dialect(name);
        var (open, close) = name is "MySql" or "Sqlite" ? ("`", "`") : ("[", "]");
        var sql = dialect.BuildSql(MixedCaseTables());

        sql.InsertNextAcct.Should().StartWith($"INSERT INTO {open}Nextacct{close}");
        sql.SelectGoods.Should().Contain($"FROM {open}Goods{close} g");
        // Key, Date and Type are reserved words somewhere; they are always quoted.
        sql.SelectConfiguration.Should().Contain($"{open}Key{close} AS CfgKey");
        sql.InsertOperations(1).Should().Contain($"{open}Date{close}");
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void The_service_rows_with_ID_1_are_never_exported_and_group_ids_are_read_as_ABS(string name)
    {
        var sql = Dialect(name).BuildSql(MixedCaseTables());
        var q = Dialect(name).Quote("ID");

        sql.SelectGoods.Should().Contain($"g.{q} <> 1");
        sql.SelectPartners.Should().Contain($"{q} <> 1");
        sql.SelectGoods.Should().Contain($"ABS(g.{Dialect(name).Quote("GroupID")})");
        sql.SelectStock([4]).Should().Contain($"{Dialect(name).Quote("GoodID")} <> 1").And.Contain("IN (4)");
    }

    [Fact]
    public void Identity_retrieval_fits_each_engine()
    {
        new SqlServerDialect().BuildSql(MixedCaseTables()).InsertPartner.Should().EndWith("SELECT CAST(SCOPE_IDENTITY() AS int)");
        new MySqlDialect().BuildSql(MixedCaseTables()).InsertPartner.Should().EndWith("SELECT LAST_INSERT_ID()");
        new SqliteDialect().BuildSql(MixedCaseTables()).InsertPartner.Should().EndWith("SELECT last_insert_rowid()");
    }

    [Theory]
    [InlineData("Access", "[a]]b`c\"d]")]
    [InlineData("SqlServer", "[a]]b`c\"d]")]
    [InlineData("MySql", "`a]b``c\"d`")]
    [InlineData("Sqlite", "`a]b``c\"d`")]
    public void Quoting_doubles_the_engines_own_closing_quote_and_nothing_else(string name, string expected)
    {
        // Only the engine's closing quote is special inside a quoted name; doubling anything else would change the name.
        Dialect(name).Quote("a]b`c\"d").Should().Be(expected);
    }

    [Fact]
    public void The_sync_state_tables_carry_the_library_prefix_on_every_engine()
    {
        foreach (var name in Dialects)
        {
            var ddl = Dialect(name).SyncStateDdl;
            ddl.Should().NotBeEmpty();
            ddl.Should().OnlyContain(s => s.Contains("shopikosync_", StringComparison.Ordinal), name);
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_dialect_declares_the_multi_row_link_upsert_exactly_when_its_statements_write_one(string name)
    {
        var dialect = Dialect(name);
        var statements = dialect.CreateStatements(MixedCaseTables());
        var overridden = statements.GetType().GetMethod(nameof(WarehouseStatements.UpsertLinks))!.DeclaringType != typeof(WarehouseStatements);

        overridden.Should().Be(dialect.UpsertsLinkRows, "the capability is declared beside the statement it promises");
        (dialect.BuildSql(MixedCaseTables()).UpsertLinks is null).Should().Be(!dialect.UpsertsLinkRows);
        dialect.UpsertsLinkRows.Should().Be(name != "Access", "Jet has no upsert: the store updates, then inserts, row by row");
    }

    [Theory]
    [InlineData("SqlServer", "SELECT [a]]b], `t`, [o'b @x] FROM [Goods] WHERE [c] = @P1 AND [d] = '[x] @y ''z' AND [e] IN (@A_0)")]
    [InlineData("Access", "SELECT [a]]b], `t`, [o'b @x] FROM [Goods] WHERE [c] = ?P1? AND [d] = '[x] @y ''z' AND [e] IN (?A_0?)")]
    [InlineData("MySql", "SELECT `a]b`, `t`, `o'b @x` FROM `Goods` WHERE `c` = @P1 AND `d` = '[x] @y ''z' AND `e` IN (@A_0)")]
    [InlineData("Sqlite", "SELECT `a]b`, `t`, `o'b @x` FROM `Goods` WHERE `c` = @P1 AND `d` = '[x] @y ''z' AND `e` IN (@A_0)")]
    public void The_common_spelling_becomes_the_engine_s_quotes_and_parameters_and_nothing_else(string name, string expected)
    {
        // Brackets are names and @Name parameters; a literal and a name already in backticks pass as they are, and
        // nothing inside a name is read as a quote or a parameter.
        var statements = Dialect(name).CreateStatements(MixedCaseTables());
        statements.Common("SELECT [a]]b], `t`, [o'b @x] FROM [Goods] WHERE [c] = @P1 AND [d] = '[x] @y ''z' AND [e] IN (@A_0)").Should().Be(expected);
    }

    [GeneratedRegex(@"\?(\w+)\?")]
    private static partial Regex AccessParameter();
}
