using System.Text.RegularExpressions;
using Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

namespace Shopiko.Sync.Core.Tests.Warehouse.Access;

/// <summary>
/// What an Access (Jet/ACE) statement names and writes, found with a tokenizer: no Jet parser exists off Windows. It
/// knows the shapes the dialect writes (SELECT … FROM … JOIN, INSERT … VALUES, INSERT … SELECT, UPDATE … SET,
/// DELETE); a word it does not know is reported, so a construct Jet lacks or a bare name cannot slip through.
/// </summary>
internal sealed partial class AccessAnalysis
{
    /// <summary>The words the dialect may write bare: Jet keywords and functions it uses.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IS", "IN", "AS", "ORDER", "BY", "GROUP", "DESC", "ASC",
        "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "LEFT", "JOIN", "ON", "UNION", "ALL", "DISTINCT",
        "COUNT", "SUM", "MAX", "MIN", "ABS", "UCASE", "TRIM",
        // The fast path's row hash (LEN, ASC above, MID, RIGHT, VAL: Jet functions) and mark read (LIKE: a Jet operator, not a name).
        "LEN", "MID", "RIGHT", "VAL", "LIKE",
    };

    /// <summary>Constructs Jet/ACE SQL does not have, with what the dialect must do instead.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LIMIT"] = "Jet has no LIMIT (TOP n only)",
        ["OFFSET"] = "Jet has no OFFSET",
        ["MERGE"] = "Jet has no MERGE: UPDATE, then INSERT when nothing matched",
        ["OUTPUT"] = "Jet has no OUTPUT clause: read @@IDENTITY in its own command",
        ["DUPLICATE"] = "Jet has no ON DUPLICATE KEY",
        ["CASE"] = "Jet has no CASE (IIF only)",
        ["COALESCE"] = "Jet has no COALESCE (IIF(x IS NULL, …) or Nz only)",
        ["CAST"] = "Jet has no CAST (CLng, CStr …)",
        ["CONVERT"] = "Jet has no CONVERT",
        ["NULLIF"] = "Jet has no NULLIF",
        ["ISNULL"] = "Jet's IsNull takes one argument",
        ["SUBSTRING"] = "Jet has no SUBSTRING (Mid)",
        ["GETDATE"] = "Jet has no GETDATE (Now)",
        ["UPPER"] = "Jet has no UPPER (UCase)",
    };

    private readonly List<Token> _tokens;

    private AccessAnalysis(string sql) => _tokens = Tokenize(sql, Problems);

    /// <summary>Unknown tables and columns, unreadable text.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Names not in brackets, reserved words left bare.</summary>
    public List<string> Quoting { get; } = [];

    /// <summary>Constructs Jet SQL lacks.</summary>
    public List<string> Constructs { get; } = [];

    /// <summary>Every value written into a column.</summary>
    public List<ColumnWrite> Writes { get; } = [];

    public static AccessAnalysis Of(string sql)
    {
        var analysis = new AccessAnalysis(sql);
        analysis.Walk();
        return analysis;
    }

    private enum Kind { Bracket, Word, Parameter, String, Number, Symbol, System }

    private sealed record Token(Kind Kind, string Text)
    {
        /// <summary>The name inside brackets, or the word.</summary>
        public string Name => Kind == Kind.Bracket ? Text[1..^1].Replace("]]", "]", StringComparison.Ordinal) : Text;

        public bool Is(string word) => Kind == Kind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

        public bool IsSymbol(string symbol) => Kind == Kind.Symbol && Text == symbol;
    }

    private static List<Token> Tokenize(string sql, List<string> problems)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(sql))
        {
            var g = m.Groups;
            Kind? kind = g["b"].Success ? Kind.Bracket : g["p"].Success ? Kind.Parameter : g["s"].Success ? Kind.String
                : g["y"].Success ? Kind.System : g["n"].Success ? Kind.Number : g["w"].Success ? Kind.Word : g["o"].Success ? Kind.Symbol : null;
            if (kind is { } k)
            {
                tokens.Add(new Token(k, m.Value));
            }
            else if (!string.IsNullOrWhiteSpace(m.Value))
            {
                problems.Add($"unreadable text '{m.Value}'");
            }
        }

        return tokens;
    }

    private void Walk()
    {
        var aliases = new Dictionary<string, SchemaTable?>(StringComparer.OrdinalIgnoreCase);
        var outputs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tableTokens = new HashSet<int>();
        var aliasTokens = new HashSet<int>();

        for (var i = 0; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.IsSymbol("||"))
            {
                Constructs.Add("|| (Jet concatenates with &)");
            }

            if (t.IsSymbol(";"))
            {
                Constructs.Add("; (Jet runs one statement per command)");
            }

            if (t.Kind == Kind.System && !t.Text.Equals("@@IDENTITY", StringComparison.OrdinalIgnoreCase))
            {
                Constructs.Add(t.Text + " (Jet knows @@IDENTITY only)");
            }

            if (t.Kind == Kind.Word && Unsupported.TryGetValue(t.Text, out var why))
            {
                Constructs.Add($"{t.Text.ToUpperInvariant()}: {why}");
            }

            if (t.Is("VALUES") && Next(i) is { } open && open.IsSymbol("(") && _tokens.ElementAtOrDefault(Close(i + 1) + 1) is { } after && after.IsSymbol(","))
            {
                Constructs.Add("VALUES with several rows (Jet takes one row per INSERT)");
            }

            // A table follows FROM, JOIN, INTO and UPDATE; an alias may follow it (bare or after AS).
            if (t.Kind == Kind.Bracket && i > 0 && (_tokens[i - 1].Is("FROM") || _tokens[i - 1].Is("JOIN") || _tokens[i - 1].Is("INTO") || _tokens[i - 1].Is("UPDATE")))
            {
                tableTokens.Add(i);
                var table = WarehouseProSchema.Any(t.Name);
                if (table is null)
                {
                    Problems.Add($"table {t.Text} is not in schema.json nor among the library's own tables");
                }

                aliases[t.Name] = table;
                var a = i + 1;
                if (Next(i) is { } asWord && asWord.Is("AS"))
                {
                    a++;
                }

                if (_tokens.ElementAtOrDefault(a) is { Kind: Kind.Word or Kind.Bracket } alias && !Keywords.Contains(alias.Text))
                {
                    aliases[alias.Name] = table;
                    aliasTokens.Add(a);
                }
            }

            // An output or derived-table alias: after AS, or a name right after a closing parenthesis.
            if ((t.Is("AS") || t.IsSymbol(")")) && Next(i) is { Kind: Kind.Word or Kind.Bracket } name && !Keywords.Contains(name.Text) && !aliasTokens.Contains(i + 1))
            {
                outputs.Add(name.Name);
                aliasTokens.Add(i + 1);
                if (t.IsSymbol(")"))
                {
                    aliases[name.Name] = null;
                }
            }
        }

        var tables = aliases.Values.OfType<SchemaTable>().Distinct().ToList();
        for (var i = 0; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (tableTokens.Contains(i))
            {
                continue;
            }

            if (aliasTokens.Contains(i))
            {
                if (t.Kind == Kind.Word && ReservedWords.Jet.Contains(t.Text))
                {
                    Quoting.Add($"the alias {t.Text} is a Jet reserved word and not in brackets");
                }

                continue;
            }

            // DESC and ASC are keywords only where they end an ORDER BY item ("WHERE Desc = 1" names a column); ASC( is
            // Jet's character code function.
            var sortWord = (t.Is("DESC") || t.Is("ASC")) && Next(i) is { } following && !following.IsSymbol(",")
                && !(t.Is("ASC") && following.IsSymbol("("));
            if (t.Kind == Kind.Word && (!Keywords.Contains(t.Text) || sortWord) && !Unsupported.ContainsKey(t.Text))
            {
                // A word that is neither a keyword nor an alias (g in g.[ID]) is a name: it would have to be in brackets.
                if (aliases.ContainsKey(t.Text))
                {
                    continue;
                }

                Quoting.Add($"the name {t.Text} is not in brackets{(ReservedWords.Jet.Contains(t.Text) ? " (a Jet reserved word)" : "")}");
                continue;
            }

            if (t.Kind != Kind.Bracket)
            {
                continue;
            }

            var qualified = i >= 2 && _tokens[i - 1].IsSymbol(".");
            if (qualified)
            {
                var qualifier = _tokens[i - 2].Name;
                if (aliases.TryGetValue(qualifier, out var owner) && owner is not null && owner.Column(t.Name) is null)
                {
                    Problems.Add($"column {qualifier}.{t.Text} is not a column of [{owner.Name}]");
                }
                else if (!aliases.ContainsKey(qualifier))
                {
                    Problems.Add($"{qualifier}.{t.Text}: {qualifier} is no table or alias of the statement");
                }

                continue;
            }

            if (tables.All(table => table.Column(t.Name) is null) && !outputs.Contains(t.Name))
            {
                Problems.Add($"column {t.Text} is not a column of {string.Join(", ", tables.Select(x => $"[{x.Name}]"))}");
            }
        }

        FindWrites();
    }

    /// <summary>INSERT … (columns) VALUES (values) / SELECT values FROM, and UPDATE … SET column = value, ….</summary>
    private void FindWrites()
    {
        if (_tokens.Count > 3 && _tokens[0].Is("INSERT") && _tokens[1].Is("INTO") && _tokens[3].IsSymbol("("))
        {
            var table = _tokens[2].Name;
            var columnsEnd = Close(3);
            var columns = Split(4, columnsEnd).Select(c => c.Count == 1 ? c[0].Name : "?").ToList();
            var source = columnsEnd + 1;
            List<List<Token>> values;
            if (_tokens.ElementAtOrDefault(source)?.Is("VALUES") == true)
            {
                values = Split(source + 2, Close(source + 1));
            }
            else if (_tokens.ElementAtOrDefault(source)?.Is("SELECT") == true)
            {
                var from = _tokens.FindIndex(source, t => t.Is("FROM"));
                values = Split(source + 1, from < 0 ? _tokens.Count : from);
            }
            else
            {
                Problems.Add("an INSERT whose source this check does not know");
                return;
            }

            if (values.Count != columns.Count)
            {
                Problems.Add($"[{table}]: {columns.Count} columns but {values.Count} values");
                return;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                Write(table, columns[c], values[c]);
            }
        }
        else if (_tokens.Count > 3 && _tokens[0].Is("UPDATE") && _tokens[2].Is("SET"))
        {
            var table = _tokens[1].Name;
            var end = _tokens.FindIndex(3, t => t.Is("WHERE"));
            foreach (var assignment in Split(3, end < 0 ? _tokens.Count : end))
            {
                if (assignment.Count >= 3 && assignment[1].IsSymbol("="))
                {
                    Write(table, assignment[0].Name, assignment.Skip(2).ToList());
                }
            }
        }
    }

    private void Write(string table, string column, List<Token> value)
    {
        if (value is [{ Kind: Kind.String } literal])
        {
            Writes.Add(new ColumnWrite(table, column, null, literal.Text[1..^1].Replace("''", "'", StringComparison.Ordinal)));
            return;
        }

        foreach (var parameter in value.Where(v => v.Kind == Kind.Parameter))
        {
            Writes.Add(new ColumnWrite(table, column, parameter.Text, null));
        }
    }

    /// <summary>The tokens from <paramref name="start"/> to <paramref name="end"/> (exclusive) split at commas outside parentheses.</summary>
    private List<List<Token>> Split(int start, int end)
    {
        var parts = new List<List<Token>> { new() };
        var depth = 0;
        for (var i = start; i < end && i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            depth += t.IsSymbol("(") ? 1 : t.IsSymbol(")") ? -1 : 0;
            if (depth == 0 && t.IsSymbol(","))
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(t);
            }
        }

        return parts;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>.</summary>
    private int Close(int open)
    {
        var depth = 0;
        for (var i = open; i < _tokens.Count; i++)
        {
            depth += _tokens[i].IsSymbol("(") ? 1 : _tokens[i].IsSymbol(")") ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return _tokens.Count;
    }

    private Token? Next(int i) => _tokens.ElementAtOrDefault(i + 1);

    // Symbols include Jet's integer division (backslash) and string concatenation (&), both valid Jet operators.
    [GeneratedRegex(@"(?<b>\[(?:[^\]]|\]\])*\])|(?<p>\?\w+\?)|(?<s>'(?:[^']|'')*')|(?<y>@@\w+)|(?<n>\d+(?:\.\d+)?)|(?<w>[A-Za-z_]\w*)|(?<o><>|<=|>=|\|\||[(),.;=<>*+\-\\&])|(?<x>\S)")]
    private static partial Regex TokenPattern();
}
