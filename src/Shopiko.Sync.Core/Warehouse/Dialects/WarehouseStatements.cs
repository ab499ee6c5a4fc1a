using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// Every statement the store runs, one member each, against the actual table names of one database. The base writes a
/// statement once, in the SQL every engine agrees on, spelled as SQL Server spells it: names in brackets, parameters as
/// <c>@Name</c>; <see cref="Common"/> turns that spelling into the engine's own (backticks, <c>?Name?</c>) and nothing
/// else. A provider's subclass (<c>MySqlStatements</c>, …) overrides only the statements its engine needs in another
/// shape, with the whole text as that engine receives it, so one file shows what differs on a provider.
/// </summary>
/// <remarks>
/// The area files hold the statements: <c>.Catalogue</c>, <c>.Goods</c>, <c>.Partners</c>, <c>.Documents</c>,
/// <c>.Numbers</c>, <c>.SyncState</c>, <c>.Changes</c> (the fast path); <see cref="ToSql"/> hands them to the store as
/// <see cref="WarehouseSql"/>.
/// </remarks>
internal abstract partial class WarehouseStatements
{
    private readonly TableNames _tables;

    /// <summary>The multi-row link statements by row count (<see cref="LinkStatement"/>).</summary>
    private readonly string?[] _linkStatements = new string?[WarehouseDialect.MaxRowsPerStatement + 1];

    /// <summary>What <see cref="Common"/> looks for on this engine; null where it spells everything as written (SQL Server).</summary>
    private readonly SearchValues<char>? _marks;

    /// <summary>True where names keep their brackets (Access): they are only skipped, so nothing inside them is read as SQL.</summary>
    private readonly bool _namesAsWritten;

    protected WarehouseStatements(WarehouseDialect dialect, TableNames tables)
    {
        Dialect = dialect;
        _tables = tables;
        _namesAsWritten = dialect.Quote("a]b") == "[a]]b]";
        var parametersAsWritten = dialect.Param("p") == "@p";
        _marks = (_namesAsWritten, parametersAsWritten) switch
        {
            (true, true) => null,
            // Parameters as written (MySQL, SQLite): only names change, and literals and backtick names are skipped.
            (false, true) => SearchValues.Create("['`"),
            _ => SearchValues.Create("[@'`"),
        };
    }

    /// <summary>The engine's quoting, parameters and capabilities.</summary>
    protected WarehouseDialect Dialect { get; }

    // The Warehouse Pro tables as this database spells them, quoted for the engine.
    protected string ConfigurationTable => Table("configuration");
    protected string Currencies => Table("currencies");
    protected string Goods => Table("goods");
    protected string GoodsGroups => Table("goodsgroups");
    protected string NextAcct => Table("nextacct");
    protected string Objects => Table("objects");
    protected string Operations => Table("operations");
    protected string Partners => Table("partners");
    protected string Payments => Table("payments");
    protected string PaymentTypes => Table("paymenttypes");
    protected string Store => Table("store");
    protected string SystemTable => Table("system");
    protected string VatGroups => Table("vatgroups");

    /// <summary>The lots table (lot expiry dates), or null in a database without it.</summary>
    protected string? Lots => _tables.Has("lots") ? Table("lots") : null;

    private string Table(string logical) => Dialect.Quote(_tables[logical]);

    /// <summary>The actual (unquoted) name of a logical table, for statements that name it as a value.</summary>
    protected string TableName(string logical) => _tables[logical];

    /// <summary>
    /// A statement in the common spelling as the engine reads it: each <c>[name]</c> quoted by the dialect, each
    /// <c>@Name</c> its parameter token. Quoted text (<c>'…'</c>) and names the dialect already quoted with backticks
    /// (an interpolated table) pass unchanged; on SQL Server the text is returned as written.
    /// </summary>
    internal string Common(string sql)
    {
        if (_marks is null)
        {
            return sql;
        }

        var text = new StringBuilder(sql.Length + 64);
        var rest = sql.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAny(_marks);
            if (at < 0)
            {
                text.Append(rest);
                return text.ToString();
            }

            text.Append(rest[..at]);
            rest = rest[at..];
            var used = rest[0] switch
            {
                '[' => AppendName(rest, text),
                '@' => AppendParameter(rest, text),
                _ => AppendQuoted(rest, text),
            };
            rest = rest[used..];
        }
    }

    /// <summary><c>[name]</c> (a doubled <c>]</c> inside) as the dialect quotes it (as it is where names keep their brackets); returns the characters read.</summary>
    private int AppendName(ReadOnlySpan<char> sql, StringBuilder text)
    {
        var end = 1;
        var escaped = false;
        while (true)
        {
            var close = sql[end..].IndexOf(']');
            if (close < 0)
            {
                end = sql.Length;
                break;
            }

            end += close;
            if (end + 1 < sql.Length && sql[end + 1] == ']')
            {
                escaped = true;
                end += 2;
                continue;
            }

            break;
        }

        var read = Math.Min(end + 1, sql.Length);
        if (_namesAsWritten)
        {
            text.Append(sql[..read]);
            return read;
        }

        var name = sql[1..Math.Min(end, sql.Length)].ToString();
        text.Append(Dialect.Quote(escaped ? name.Replace("]]", "]", StringComparison.Ordinal) : name));
        return read;
    }

    /// <summary><c>@Name</c> as the dialect's parameter token (a lone <c>@</c> stays); returns the characters read.</summary>
    private int AppendParameter(ReadOnlySpan<char> sql, StringBuilder text)
    {
        var end = 1;
        while (end < sql.Length && (char.IsAsciiLetter(sql[end]) || sql[end] == '_' || (end > 1 && char.IsAsciiDigit(sql[end]))))
        {
            end++;
        }

        if (end == 1)
        {
            text.Append('@');
            return 1;
        }

        text.Append(Dialect.Param(sql[1..end].ToString()));
        return end;
    }

    /// <summary>A literal or a backtick name, copied to its closing quote (a doubled quote stays inside); returns the characters read.</summary>
    private static int AppendQuoted(ReadOnlySpan<char> sql, StringBuilder text)
    {
        var quote = sql[0];
        var end = 1;
        while (true)
        {
            var close = sql[end..].IndexOf(quote);
            if (close < 0)
            {
                end = sql.Length;
                break;
            }

            end += close + 1;
            if (end < sql.Length && sql[end] == quote)
            {
                end++;
                continue;
            }

            break;
        }

        text.Append(sql[..end]);
        return end;
    }

    /// <summary>
    /// <c>@G0, @G1, …</c> (in the engine's parameter token): integer IDs as parameters, so that the text repeats for
    /// every list of the same length (Dapper and the server cache per text; IDs written into it made every document a
    /// new statement).
    /// </summary>
    protected string IdParams(int count, string prefix) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => Dialect.Param(prefix + i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>
    /// The IDs as <see cref="IdParams"/> (see <see cref="WarehouseDialect.AddIdParameters"/>), or written into the text
    /// when there are more than <see cref="WarehouseDialect.MaxIdParameters"/> (SQL Server takes 2,100 parameters per command).
    /// </summary>
    protected string IdList(IReadOnlyList<int> ids, string prefix) =>
        ids.Count <= WarehouseDialect.MaxIdParameters
            ? IdParams(ids.Count, prefix)
            : string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Integer IDs written into the text (object lists: OLE DB cannot expand lists, and there are few objects).</summary>
    protected static string Literals(IEnumerable<int> ids) => string.Join(", ", ids);

    /// <summary>The <c>PriceOut{n}</c> column of a price choice.</summary>
    protected static string PriceName(Configuration.PriceColumn price) =>
        price is >= Configuration.PriceColumn.PriceOut1 and <= Configuration.PriceColumn.PriceOut10
            ? "PriceOut" + (int)price
            : throw new ArgumentOutOfRangeException(nameof(price), price, "Unknown price column.");

    /// <summary>
    /// The text of a multi-row link statement for <paramref name="rows"/> rows, written by <paramref name="write"/> once
    /// per row count: an export writes its links in hundreds of batches of the same size, and the text (thousands of
    /// parameters) is the same each time.
    /// </summary>
    protected string LinkStatement(int rows, Func<int, string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if ((uint)rows >= (uint)_linkStatements.Length)
        {
            return write(rows);
        }

        // A race writes the same text twice, harmlessly.
        return _linkStatements[rows] ??= write(rows);
    }

    /// <summary>
    /// The <c>(LocalId, RemoteId, ContentHash)</c> tuples of a multi-row link statement of <paramref name="rows"/> rows as
    /// <c>(@L0, @R0, @H0), …</c> (with <paramref name="prefix"/> and <paramref name="suffix"/> inside each), whose
    /// parameters (<see cref="LinkRowParameters"/>) go beside <c>Scope</c>, <c>Entity</c> and <c>Now</c>.
    /// </summary>
    protected string LinkRowValues(int rows, string prefix, string suffix)
    {
        var values = new StringBuilder(rows * (32 + prefix.Length + suffix.Length));
        for (var i = 0; i < rows; i++)
        {
            values.Append(i == 0 ? "(" : ", (").Append(prefix)
                .Append(Dialect.Param(LinkParameterNames.Local(i))).Append(", ").Append(Dialect.Param(LinkParameterNames.Remote(i)))
                .Append(", ").Append(Dialect.Param(LinkParameterNames.Hash(i)))
                .Append(suffix).Append(')');
        }

        return values.ToString();
    }

    /// <summary>The parameters of a statement written with <see cref="LinkRowValues"/>.</summary>
    protected static ICommandParameters LinkParameters(LinkRows rows) => new LinkRowParameters(rows);

    /// <summary>The names <c>L{i}</c>, <c>R{i}</c>, <c>H{i}</c>, made once for the row counts a statement holds.</summary>
    private static class LinkParameterNames
    {
        private static readonly string[] Locals = Names("L");
        private static readonly string[] Remotes = Names("R");
        private static readonly string[] Hashes = Names("H");

        public static string Local(int i) => i < Locals.Length ? Locals[i] : "L" + i.ToString(CultureInfo.InvariantCulture);

        public static string Remote(int i) => i < Remotes.Length ? Remotes[i] : "R" + i.ToString(CultureInfo.InvariantCulture);

        public static string Hash(int i) => i < Hashes.Length ? Hashes[i] : "H" + i.ToString(CultureInfo.InvariantCulture);

        private static string[] Names(string prefix) =>
            [.. Enumerable.Range(0, WarehouseDialect.MaxRowsPerStatement).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// <c>Scope</c>, <c>Entity</c>, <c>Now</c> and <c>L{i}</c>, <c>R{i}</c>, <c>H{i}</c> of each row, typed as Dapper
    /// would type them (strings with the size of 4,000 that keeps SQL Server's plan cache to one plan per row count).
    /// </summary>
    private sealed class LinkRowParameters(LinkRows rows) : ICommandParameters
    {
        private const int StringSize = 4000;

        public void AddTo(DbCommand command)
        {
            var list = command.Parameters;
            list.Add(Parameter(command, "Scope", rows.Scope, DbType.String));
            list.Add(Parameter(command, "Entity", rows.Entity, DbType.String));
            list.Add(Parameter(command, "Now", rows.Now, DbType.DateTime));
            for (var i = 0; i < rows.Rows.Count; i++)
            {
                var row = rows.Rows[i];
                list.Add(Parameter(command, LinkParameterNames.Local(i), row.LocalId, DbType.Int32));
                list.Add(Parameter(command, LinkParameterNames.Remote(i), row.RemoteId, DbType.String));
                list.Add(Parameter(command, LinkParameterNames.Hash(i), row.ContentHash, DbType.String));
            }
        }

        private static DbParameter Parameter(DbCommand command, string name, object? value, DbType type)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            if (type == DbType.String && value is string { Length: <= StringSize })
            {
                parameter.Size = StringSize;
            }

            return parameter;
        }
    }
}
