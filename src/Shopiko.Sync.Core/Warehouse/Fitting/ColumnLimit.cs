using System.Globalization;

namespace Shopiko.Sync.Warehouse.Fitting;

/// <summary>Which characters a text column can hold.</summary>
internal enum Repertoire
{
    /// <summary>Every Unicode character (utf8mb4, nvarchar, Access TEXT, SQLite).</summary>
    Unicode,

    /// <summary>Only the Basic Multilingual Plane: MySQL's 3-byte utf8 (utf8mb3) and ucs2 hold no character above U+FFFF (emoji).</summary>
    Bmp,

    /// <summary>Only what one code page encodes (a non-Unicode column: MySQL latin1/cp1251, SQL Server varchar).</summary>
    CodePage,
}

/// <summary>How a column counts its length.</summary>
internal enum LengthUnit
{
    /// <summary>Unicode code points (MySQL/MariaDB CHARACTER_MAXIMUM_LENGTH).</summary>
    CodePoints,

    /// <summary>UTF-16 code units (SQL Server nvarchar(n), Access TEXT(n)): a character above U+FFFF counts two.</summary>
    Utf16,

    /// <summary>Bytes in the column's code page (SQL Server varchar(n)).</summary>
    Bytes,
}

/// <summary>What one text column can hold, as the database itself declares it.</summary>
/// <param name="MaxLength">The longest value in <paramref name="Unit"/>; null when the column is not limited.</param>
/// <param name="Unit">What the length counts.</param>
/// <param name="Repertoire">Which characters it holds.</param>
/// <param name="CodePage">The code page of a <see cref="Repertoire.CodePage"/> column or of <see cref="LengthUnit.Bytes"/>; 0 otherwise.</param>
/// <param name="Charset">The character set as the database names it (<c>utf8mb3</c>, <c>cp1251</c>), for messages.</param>
internal sealed record ColumnLimit(int? MaxLength, LengthUnit Unit, Repertoire Repertoire, int CodePage = 0, string Charset = "")
{
    /// <summary>Any length, any character (SQLite, or a column the database did not describe).</summary>
    public static ColumnLimit Unlimited { get; } = new(null, LengthUnit.Utf16, Repertoire.Unicode);

    /// <summary>
    /// A MySQL/MariaDB column from <c>information_schema.COLUMNS</c>: CHARACTER_MAXIMUM_LENGTH counts characters;
    /// CHARACTER_SET_NAME tells what they may be.
    /// </summary>
    public static ColumnLimit FromMySql(long? maxLength, string? charset)
    {
        var name = (charset ?? "").Trim().ToLowerInvariant();
        var length = Clamp(maxLength);
        return name switch
        {
            "utf8mb4" or "utf16" or "utf16le" or "utf32" or "binary" or "" => new ColumnLimit(length, LengthUnit.CodePoints, Repertoire.Unicode, 0, name),
            "utf8" or "utf8mb3" or "ucs2" => new ColumnLimit(length, LengthUnit.CodePoints, Repertoire.Bmp, 0, name),
            _ => MySqlCodePage(name) is { } codePage
                ? new ColumnLimit(length, LengthUnit.CodePoints, Repertoire.CodePage, codePage, name)
                // A character set with no .NET code page: hold it to the BMP, the safe side for any multi-byte set.
                : new ColumnLimit(length, LengthUnit.CodePoints, Repertoire.Bmp, 0, name),
        };
    }

    /// <summary>
    /// A SQL Server column from <c>sys.columns</c>/<c>sys.types</c>: max_length is in bytes (-1 for MAX); n-types hold
    /// UTF-16, the others the code page of their collation (65001 for a _UTF8 collation).
    /// </summary>
    public static ColumnLimit FromSqlServer(string typeName, int maxLengthBytes, int? codePage)
    {
        var type = (typeName ?? "").Trim().ToLowerInvariant();
        switch (type)
        {
            case "nvarchar" or "nchar":
                return new ColumnLimit(maxLengthBytes < 0 ? null : maxLengthBytes / 2, LengthUnit.Utf16, Repertoire.Unicode, 0, type);
            case "ntext":
                return new ColumnLimit(null, LengthUnit.Utf16, Repertoire.Unicode, 0, type);
            case "varchar" or "char" or "text":
                var length = type == "text" || maxLengthBytes < 0 ? (int?)null : maxLengthBytes;
                var page = codePage ?? 0;
                return page is 65001 or 0
                    ? new ColumnLimit(length, LengthUnit.Bytes, Repertoire.Unicode, 65001, $"{type} (UTF-8)")
                    : new ColumnLimit(length, LengthUnit.Bytes, Repertoire.CodePage, page, $"{type} (code page {page.ToString(CultureInfo.InvariantCulture)})");
            default:
                return Unlimited;
        }
    }

    /// <summary>An Access (Jet/ACE) column from the OLE DB Columns rowset: TEXT(n) holds n Unicode characters; memo is not limited.</summary>
    public static ColumnLimit FromAccess(long? maxLength) =>
        new(maxLength is null or <= 0 or > 255 ? null : (int)maxLength, LengthUnit.Utf16, Repertoire.Unicode, 0, "TEXT");

    /// <summary>How the column is described in a message: <c>goods.Name (255, utf8mb3)</c>.</summary>
    public string Describe(string table, string column)
    {
        var parts = new List<string>(2);
        if (MaxLength is { } max)
        {
            parts.Add(max.ToString(CultureInfo.InvariantCulture) + (Unit == LengthUnit.Bytes ? " bytes" : ""));
        }

        if (Charset.Length > 0)
        {
            parts.Add(Charset);
        }

        return parts.Count == 0 ? $"{table}.{column}" : $"{table}.{column} ({string.Join(", ", parts)})";
    }

    private static int? Clamp(long? value) => value is null or <= 0 ? null : (int)Math.Min(value.Value, int.MaxValue);

    // MySQL's single-byte character sets and the Windows/ISO code pages they are (MySQL's latin1 is cp1252).
    private static int? MySqlCodePage(string charset) => charset switch
    {
        "latin1" => 1252,
        "cp1250" => 1250,
        "cp1251" => 1251,
        "cp1256" => 1256,
        "cp1257" => 1257,
        "latin2" => 28592,
        "latin5" => 28599,
        "latin7" => 28603,
        "greek" => 28597,
        "hebrew" => 28598,
        "koi8r" => 20866,
        "koi8u" => 21866,
        "cp866" => 866,
        "cp850" => 850,
        "cp852" => 852,
        "ascii" => 20127,
        _ => null,
    };
}

/// <summary>The text columns of one database, by logical table and column (case-insensitive).</summary>
internal sealed class ColumnLimits
{
    private readonly Dictionary<(string Table, string Column), ColumnLimit> _columns;

    private ColumnLimits(Dictionary<(string, string), ColumnLimit> columns) => _columns = columns;

    /// <summary>No limits known (SQLite): every value fits.</summary>
    public static ColumnLimits None { get; } = new([]);

    /// <summary>The limits the database reported, one row per column.</summary>
    public static ColumnLimits Of(IEnumerable<ColumnLimitRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = new Dictionary<(string, string), ColumnLimit>();
        foreach (var row in rows)
        {
            columns.TryAdd((row.Table.ToLowerInvariant(), row.Column.ToLowerInvariant()), row.Limit);
        }

        return new ColumnLimits(columns);
    }

    /// <summary>How many columns are described.</summary>
    public int Count => _columns.Count;

    /// <summary>The limit of a column, or <see cref="ColumnLimit.Unlimited"/> when the database did not describe it.</summary>
    public ColumnLimit this[string table, string column] =>
        _columns.GetValueOrDefault((table.ToLowerInvariant(), column.ToLowerInvariant())) ?? ColumnLimit.Unlimited;
}

/// <summary>One text column as a dialect read it from the database's catalogue.</summary>
/// <param name="Table">The table name as the database spells it.</param>
/// <param name="Column">The column name.</param>
/// <param name="Limit">What it holds.</param>
internal sealed record ColumnLimitRow(string Table, string Column, ColumnLimit Limit);
