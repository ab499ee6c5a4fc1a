using System.Text.Json;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Shopiko.Sync.Warehouse.Dialects;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>A column as a database holds it: SQL type name, string length (null for other types), nullability.</summary>
internal sealed record SchemaColumn(string Name, string Type, int? Length, bool Nullable);

/// <summary>A table: columns in database order, primary key columns, identity column.</summary>
internal sealed record SchemaTable(string Name, IReadOnlyList<SchemaColumn> Columns, IReadOnlyList<string> PrimaryKey, string? Identity)
{
    /// <summary>The column spelled exactly <paramref name="name"/> (collations are usually case-insensitive, the names are used as given).</summary>
    public SchemaColumn? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>
/// The tables every SQL Server and Access statement is held against: the real Warehouse Pro tables from
/// <c>shared/fixtures/warehouse-pro-mssql/schema.json</c> (facts of a real database), and the library's own
/// <c>shopikosync_*</c> tables from the dialect's own DDL (parsed with ScriptDom, so the check follows the script).
/// </summary>
internal sealed class WarehouseProSchema
{
    /// <summary>Overrides where schema.json is (the default is <c>../shared/fixtures/warehouse-pro-mssql/</c> beside the repository).</summary>
    public const string PathVariable = "SHOPIKO_WAREHOUSE_PRO_SCHEMA";

    private readonly Dictionary<string, SchemaTable> _tables;

    private WarehouseProSchema(IEnumerable<SchemaTable> tables) => _tables = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The real Warehouse Pro tables.</summary>
    public static WarehouseProSchema Real { get; } = LoadReal();

    /// <summary>The library's own tables on SQL Server (<see cref="SqlServerDialect.SyncStateDdl"/>).</summary>
    public static WarehouseProSchema Own { get; } = new(new SqlServerDialect().SyncStateDdl.SelectMany(s => SqlServerScript.Tables(s)));

    public IReadOnlyCollection<SchemaTable> Tables => _tables.Values;

    /// <summary>The table spelled exactly <paramref name="name"/>, or null.</summary>
    public SchemaTable? Table(string name) => _tables.GetValueOrDefault(name);

    /// <summary>A real or own table spelled exactly <paramref name="name"/>.</summary>
    public static SchemaTable? Any(string name) => Real.Table(name) ?? Own.Table(name);

    /// <summary>Where schema.json is read from.</summary>
    public static string RealPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            return Path.GetFullPath(Path.Combine(Shopiko.Sync.Testing.TestPaths.RepositoryRoot, "..", "shared", "fixtures", "warehouse-pro-mssql", "schema.json"));
        }
    }

    private static WarehouseProSchema LoadReal()
    {
        var path = RealPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Warehouse Pro MS SQL schema facts are not at {path}. They live in shared/fixtures/warehouse-pro-mssql/ beside the " +
                $"repository; set {PathVariable} to the schema.json to use another copy.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var tables = new List<SchemaTable>();
        foreach (var table in document.RootElement.GetProperty("tables").EnumerateObject())
        {
            var columns = table.Value.GetProperty("columns").EnumerateArray().Select(c => new SchemaColumn(
                c.GetProperty("name").GetString()!,
                c.GetProperty("type").GetString()!,
                c.TryGetProperty("length", out var length) ? length.GetInt32() : null,
                c.GetProperty("nullable").GetBoolean())).ToList();
            var key = table.Value.GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()!).ToList();
            var identity = table.Value.TryGetProperty("identity", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            tables.Add(new SchemaTable(table.Name, columns, key, identity));
        }

        return new WarehouseProSchema(tables);
    }
}

/// <summary>Parsing T-SQL with the parser of the oldest SQL Server the library supports.</summary>
internal static class SqlServerScript
{
    /// <summary>
    /// SQL Server 2008 (10.0), the oldest the library supports (<see cref="SqlServerVersion.MinimumMajor"/>): the
    /// statements need MERGE, row constructors in VALUES and datetime2, all new in 2008.
    /// </summary>
    public static TSqlParser Parser() => new TSql100Parser(initialQuotedIdentifiers: true);

    /// <summary>Parses <paramref name="sql"/>; the errors as "line:column message".</summary>
    public static (TSqlFragment? Fragment, IReadOnlyList<string> Errors) Parse(string sql)
    {
        using var reader = new StringReader(sql);
        var fragment = Parser().Parse(reader, out var errors);
        return (fragment, errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList());
    }

    /// <summary>Parses a script that must parse, failing with its errors otherwise.</summary>
    public static TSqlFragment ParseOrThrow(string sql, string what)
    {
        var (fragment, errors) = Parse(sql);
        if (errors.Count > 0 || fragment is null)
        {
            throw new InvalidOperationException($"{what} does not parse as SQL Server 2008 T-SQL: {string.Join("; ", errors)}");
        }

        return fragment;
    }

    /// <summary>The tables a script creates, as written (types, lengths, identity, nullability, primary key).</summary>
    public static IEnumerable<SchemaTable> Tables(string script) => Tables(script, out _);

    /// <summary>As <see cref="Tables(string)"/>, with the columns (<c>Table.Column</c>) that state neither NULL nor NOT NULL.</summary>
    public static IReadOnlyList<SchemaTable> Tables(string script, out IReadOnlyList<string> implicitNullability)
    {
        var visitor = new CreateTableVisitor();
        ParseOrThrow(script, "The script").Accept(visitor);
        implicitNullability = visitor.Implicit;
        return visitor.Tables;
    }

    private sealed class CreateTableVisitor : TSqlFragmentVisitor
    {
        public List<SchemaTable> Tables { get; } = [];

        public List<string> Implicit { get; } = [];

        public override void ExplicitVisit(CreateTableStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            var columns = new List<SchemaColumn>();
            var key = new List<string>();
            string? identity = null;
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                var name = column.ColumnIdentifier.Value;
                var (type, length) = TypeOf(column.DataType);
                if (column.IdentityOptions is not null)
                {
                    identity = name;
                }

                var primaryKey = column.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey);
                if (primaryKey)
                {
                    key.Add(name);
                }

                // Nullability as written; without NULL/NOT NULL it is the session's ANSI_NULL_DFLT setting (NULL for
                // SqlClient), except for key and identity columns, which are NOT NULL.
                var nullable = column.Constraints.OfType<NullableConstraintDefinition>().Select(n => (bool?)n.Nullable).FirstOrDefault();
                if (nullable is null)
                {
                    Implicit.Add(table + "." + name);
                }

                columns.Add(new SchemaColumn(name, type, length, nullable ?? !(primaryKey || column.IdentityOptions is not null)));
            }

            foreach (var constraint in node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(u => u.IsPrimaryKey))
            {
                key.AddRange(constraint.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));
            }

            Tables.Add(new SchemaTable(table, columns, key, identity));
        }
    }

    /// <summary>The type name in lower case and the length of a string type (<c>max</c> as -1).</summary>
    public static (string Type, int? Length) TypeOf(DataTypeReference type)
    {
        var name = type.Name.BaseIdentifier.Value.ToLowerInvariant();
        if (type is ParameterizedDataTypeReference { Parameters.Count: > 0 } p && name is "nvarchar" or "varchar" or "nchar" or "char")
        {
            var value = p.Parameters[0];
            return (name, value is MaxLiteral ? -1 : int.Parse(value.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return (name, null);
    }
}
