using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>A value a statement writes into a column: a parameter (<c>@Lot3</c>) or a string literal.</summary>
internal sealed record ColumnWrite(string Table, string Column, string? Parameter, string? Literal);

/// <summary>What a parsed statement names and writes, found by walking its ScriptDom tree.</summary>
internal sealed class SqlServerAnalysis
{
    /// <summary>Parse errors, tables and columns that do not exist.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Table and column names not in brackets, and reserved words used bare as any name (aliases too).</summary>
    public List<string> Quoting { get; } = [];

    /// <summary>Built-in functions newer than SQL Server 2008, which its parser reads as any function call.</summary>
    public List<string> Newer { get; } = [];

    /// <summary>Built-in functions added after SQL Server 2008, with the version that added them.</summary>
    private static readonly Dictionary<string, string> NewerFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CONCAT"] = "2012", ["IIF"] = "2012", ["CHOOSE"] = "2012", ["FORMAT"] = "2012", ["TRY_CAST"] = "2012", ["TRY_PARSE"] = "2012",
        ["PARSE"] = "2012", ["EOMONTH"] = "2012", ["DATEFROMPARTS"] = "2012", ["DATETIMEFROMPARTS"] = "2012", ["LAG"] = "2012", ["LEAD"] = "2012",
        ["FIRST_VALUE"] = "2012", ["LAST_VALUE"] = "2012", ["STRING_SPLIT"] = "2016", ["JSON_VALUE"] = "2016", ["OPENJSON"] = "2016",
        ["COMPRESS"] = "2016", ["TRIM"] = "2017", ["CONCAT_WS"] = "2017", ["STRING_AGG"] = "2017", ["TRANSLATE"] = "2017",
        ["GREATEST"] = "2022", ["LEAST"] = "2022", ["DATE_BUCKET"] = "2022", ["GENERATE_SERIES"] = "2022", ["STRING_ESCAPE"] = "2016",
    };

    /// <summary>Every value written into a column.</summary>
    public List<ColumnWrite> Writes { get; } = [];

    /// <summary>The distinct parameters of the command.</summary>
    public HashSet<string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most rows one INSERT … VALUES carries.</summary>
    public int MostInsertRows { get; private set; }

    /// <summary>Parses <paramref name="sql"/> with the SQL Server 2008 parser and walks it; parse errors are problems.</summary>
    public static SqlServerAnalysis Of(string sql)
    {
        var analysis = new SqlServerAnalysis();
        var (fragment, errors) = SqlServerScript.Parse(sql);
        analysis.Problems.AddRange(errors.Select(e => "parse error " + e));
        if (fragment is null || errors.Count > 0)
        {
            return analysis;
        }

        var nodes = new NodeCollector();
        fragment.Accept(nodes);
        analysis.Walk(nodes);
        return analysis;
    }

    /// <summary>A table source visible in a scope: a real or own table, or a derived table with its column names.</summary>
    private sealed record Source(string? Alias, SchemaTable? Table, string? TableName, IReadOnlyList<string>? DerivedColumns, TSqlFragment Node);

    private void Walk(NodeCollector nodes)
    {
        // Scopes are the query and DML specifications (and each statement, for clauses outside them); a name belongs to
        // the innermost scope whose text holds it and is looked up there first, then outwards.
        var scopes = nodes.Scopes.Select(s => (Node: s, Sources: new List<Source>())).ToList();
        List<(TSqlFragment Node, List<Source> Sources)> Chain(TSqlFragment node) =>
            [.. scopes.Where(s => Contains(s.Node, node) && s.Node != node).OrderBy(s => s.Node.FragmentLength)];

        foreach (var table in nodes.Tables)
        {
            var name = table.SchemaObject.BaseIdentifier.Value;
            var found = WarehouseProSchema.Any(name);
            if (found is null)
            {
                Problems.Add($"table [{name}] is not in schema.json nor among the library's own tables");
            }

            Chain(table).FirstOrDefault().Sources?.Add(new Source(table.Alias?.Value, found, name, null, table));
            RequireBrackets(table.SchemaObject.BaseIdentifier, "table");
        }

        foreach (var merge in nodes.Merges)
        {
            // MERGE … AS t: the alias belongs to the MERGE, not to the table reference.
            var target = (NamedTableReference)merge.Target;
            var scope = scopes.First(s => s.Node == merge);
            scope.Sources.Add(new Source(merge.TableAlias?.Value, WarehouseProSchema.Any(target.SchemaObject.BaseIdentifier.Value), target.SchemaObject.BaseIdentifier.Value, null, target));
        }

        foreach (var derived in nodes.QueryDerived)
        {
            Chain(derived).FirstOrDefault().Sources?.Add(new Source(derived.Alias?.Value, null, null, OutputColumns(derived.QueryExpression), derived));
        }

        foreach (var inline in nodes.InlineDerived)
        {
            Chain(inline).FirstOrDefault().Sources?.Add(new Source(inline.Alias?.Value, null, null, inline.Columns.Select(c => c.Value).ToList(), inline));
            foreach (var column in inline.Columns)
            {
                RequireBrackets(column, "column");
            }
        }

        foreach (var column in nodes.Columns.Where(c => c.ColumnType == ColumnType.Regular))
        {
            var parts = column.MultiPartIdentifier.Identifiers;
            RequireBrackets(parts[^1], "column");
            var qualifier = parts.Count > 1 ? parts[^2].Value : null;
            if (!Resolves(Chain(column), qualifier, parts[^1].Value, column))
            {
                Problems.Add($"column {(qualifier is null ? "" : qualifier + ".")}[{parts[^1].Value}] is not a column of {Describe(Chain(column), qualifier)}");
            }
        }

        foreach (var identifier in nodes.Identifiers.Where(i => i.QuoteType == QuoteType.NotQuoted && ReservedWords.TSql.Contains(i.Value)))
        {
            Quoting.Add($"the reserved word {identifier.Value} is used as a name without brackets");
        }

        foreach (var variable in nodes.Variables)
        {
            Parameters.Add(variable.Name);
        }

        foreach (var function in nodes.Functions)
        {
            if (NewerFunctions.TryGetValue(function.FunctionName.Value, out var version))
            {
                Newer.Add($"{function.FunctionName.Value.ToUpperInvariant()} needs SQL Server {version}; the oldest supported is 2008");
            }
        }

        foreach (var insert in nodes.Inserts)
        {
            var target = (NamedTableReference)insert.Target;
            var columns = insert.Columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).ToList();
            switch (insert.InsertSource)
            {
                case ValuesInsertSource values:
                    MostInsertRows = Math.Max(MostInsertRows, values.RowValues.Count);
                    foreach (var row in values.RowValues)
                    {
                        WriteRow(target.SchemaObject.BaseIdentifier.Value, columns, row.ColumnValues, null, nodes);
                    }

                    break;
                case SelectInsertSource { Select: QuerySpecification select }:
                    WriteRow(target.SchemaObject.BaseIdentifier.Value, columns,
                        select.SelectElements.Select(e => e is SelectScalarExpression s ? s.Expression : null).ToList(), null, nodes);
                    break;
                default:
                    Problems.Add("an INSERT whose source this check does not know");
                    break;
            }
        }

        foreach (var update in nodes.Updates)
        {
            var target = ((NamedTableReference)update.Target).SchemaObject.BaseIdentifier.Value;
            WriteSets(target, update.SetClauses, null, nodes);
        }

        foreach (var merge in nodes.Merges)
        {
            var target = ((NamedTableReference)merge.Target).SchemaObject.BaseIdentifier.Value;
            var source = merge.TableReference as InlineDerivedTable;
            foreach (var clause in merge.ActionClauses)
            {
                switch (clause.Action)
                {
                    case UpdateMergeAction update:
                        WriteSets(target, update.SetClauses, source, nodes);
                        break;
                    case InsertMergeAction { Source: ValuesInsertSource values } insert:
                        foreach (var row in values.RowValues)
                        {
                            WriteRow(target, insert.Columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).ToList(), row.ColumnValues, source, nodes);
                        }

                        break;
                }
            }
        }
    }

    private void WriteSets(string table, IList<SetClause> clauses, InlineDerivedTable? source, NodeCollector nodes)
    {
        foreach (var set in clauses.OfType<AssignmentSetClause>())
        {
            WriteValue(table, set.Column.MultiPartIdentifier.Identifiers[^1].Value, set.NewValue, source, nodes);
        }
    }

    private void WriteRow(string table, IReadOnlyList<string> columns, IList<ScalarExpression?> values, InlineDerivedTable? source, NodeCollector nodes)
    {
        if (columns.Count != values.Count)
        {
            Problems.Add($"[{table}]: {columns.Count} columns but {values.Count} values");
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            WriteValue(table, columns[i], values[i], source, nodes);
        }
    }

    /// <summary>Records what an expression puts into a column: its parameters (through a MERGE source's columns too) and a literal.</summary>
    private void WriteValue(string table, string column, ScalarExpression? value, InlineDerivedTable? source, NodeCollector nodes)
    {
        if (value is StringLiteral literal)
        {
            Writes.Add(new ColumnWrite(table, column, null, literal.Value));
            return;
        }

        if (value is null)
        {
            return;
        }

        foreach (var variable in nodes.Variables.Where(v => Contains(value, v)))
        {
            Writes.Add(new ColumnWrite(table, column, variable.Name, null));
        }

        if (source is null)
        {
            return;
        }

        foreach (var reference in nodes.Columns.Where(c => Contains(value, c) && c.MultiPartIdentifier.Identifiers.Count == 2
            && string.Equals(c.MultiPartIdentifier.Identifiers[0].Value, source.Alias?.Value, StringComparison.OrdinalIgnoreCase)))
        {
            var index = source.Columns.Select(c => c.Value).ToList().FindIndex(c => string.Equals(c, reference.MultiPartIdentifier.Identifiers[1].Value, StringComparison.OrdinalIgnoreCase));
            foreach (var row in source.RowValues.Where(_ => index >= 0))
            {
                WriteValue(table, column, row.ColumnValues[index], null, nodes);
            }
        }
    }

    private static bool Resolves(List<(TSqlFragment Node, List<Source> Sources)> chain, string? qualifier, string column, TSqlFragment reference)
    {
        foreach (var (node, sources) in chain)
        {
            var candidates = qualifier is null
                ? sources
                : sources.Where(s => string.Equals(s.Alias ?? s.TableName, qualifier, StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Any(s => s.Table?.Column(column) is not null || s.DerivedColumns?.Contains(column, StringComparer.Ordinal) == true))
            {
                return true;
            }

            // ORDER BY may name an output column of its own SELECT.
            if (qualifier is null && node is QuerySpecification { OrderByClause: { } orderBy } query && Contains(orderBy, reference)
                && OutputColumns(query).Contains(column, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(List<(TSqlFragment Node, List<Source> Sources)> chain, string? qualifier)
    {
        var names = chain.SelectMany(s => s.Sources)
            .Where(s => qualifier is null || string.Equals(s.Alias ?? s.TableName, qualifier, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.TableName is null ? "derived " + s.Alias : $"[{s.TableName}]" + (s.Table is null ? " (unknown)" : ""))
            .Distinct();
        return string.Join(", ", names) is { Length: > 0 } text ? text : "any table in scope";
    }

    private static IReadOnlyList<string> OutputColumns(QueryExpression query) => query switch
    {
        QuerySpecification spec => spec.SelectElements.OfType<SelectScalarExpression>()
            .Select(e => e.ColumnName?.Value ?? (e.Expression as ColumnReferenceExpression)?.MultiPartIdentifier.Identifiers[^1].Value)
            .OfType<string>().ToList(),
        BinaryQueryExpression binary => OutputColumns(binary.FirstQueryExpression),
        QueryParenthesisExpression parenthesis => OutputColumns(parenthesis.QueryExpression),
        _ => [],
    };

    private void RequireBrackets(Identifier identifier, string what)
    {
        if (identifier.QuoteType != QuoteType.SquareBracket)
        {
            Quoting.Add($"the {what} name {identifier.Value} is not in brackets");
        }
    }

    private static bool Contains(TSqlFragment outer, TSqlFragment inner) =>
        inner.StartOffset >= outer.StartOffset && inner.StartOffset + inner.FragmentLength <= outer.StartOffset + outer.FragmentLength;

    /// <summary>Every node of the kinds the walk needs, in one pass.</summary>
    private sealed class NodeCollector : TSqlFragmentVisitor
    {
        public List<TSqlFragment> Scopes { get; } = [];
        public List<NamedTableReference> Tables { get; } = [];
        public List<QueryDerivedTable> QueryDerived { get; } = [];
        public List<InlineDerivedTable> InlineDerived { get; } = [];
        public List<ColumnReferenceExpression> Columns { get; } = [];
        public List<Identifier> Identifiers { get; } = [];
        public List<VariableReference> Variables { get; } = [];
        public List<InsertSpecification> Inserts { get; } = [];
        public List<UpdateSpecification> Updates { get; } = [];
        public List<MergeSpecification> Merges { get; } = [];

        public override void Visit(TSqlStatement node) => Scopes.Add(node);
        public override void Visit(QuerySpecification node) => Scopes.Add(node);
        public override void Visit(DeleteSpecification node) => Scopes.Add(node);

        public override void Visit(InsertSpecification node)
        {
            Scopes.Add(node);
            Inserts.Add(node);
        }

        public override void Visit(UpdateSpecification node)
        {
            Scopes.Add(node);
            Updates.Add(node);
        }

        public override void Visit(MergeSpecification node)
        {
            Scopes.Add(node);
            Merges.Add(node);
        }

        public override void Visit(NamedTableReference node) => Tables.Add(node);

        public override void Visit(QueryDerivedTable node) => QueryDerived.Add(node);
        public override void Visit(InlineDerivedTable node) => InlineDerived.Add(node);
        public override void Visit(ColumnReferenceExpression node) => Columns.Add(node);
        public override void Visit(Identifier node) => Identifiers.Add(node);
        public override void Visit(VariableReference node) => Variables.Add(node);
        public List<FunctionCall> Functions { get; } = [];
        public override void Visit(FunctionCall node) => Functions.Add(node);
    }
}
