using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The row hash of the fast path's checksums on SQLite, which has no hash function of its own: a 32-bit FNV-1a over
/// the values' text, registered on every connection the store opens. 32 bits, so that SQLite's SUM over a range of
/// IDs never overflows; stable across processes and versions (never <see cref="string.GetHashCode()"/>), because the
/// sums are remembered in the database.
/// </summary>
/// <remarks>
/// The function runs once per goods and partners row of every checksum read. It is registered on the native handle
/// and reads each argument where SQLite holds it: the ADO.NET way, which earlier versions used, boxes every value and
/// makes a string of every text. Both ways hash the same characters, so the sums remembered by an earlier version stay
/// valid (pinned by a test against the earlier way).
/// </remarks>
internal static class RowHashFunction
{
    public const string Name = "shopikosync_rowhash";

    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;
    private const uint Separator = 0x1F;

    // What a NULL hashes as, so that NULL and '' differ.
    private const char NullMark = '\u0000';

    private static readonly delegate_function_scalar Native = static (context, _, values) => Call(context, values);

    public static void Register(SqliteConnection connection)
    {
        var result = raw.sqlite3_create_function(
            connection.Handle, Name, -1, raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC, null, Native);
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, connection.Handle);
        }
    }

    /// <summary>The hash of one row's values (in [0, 2³²)), read from SQLite's own memory.</summary>
    private static long Hash(sqlite3_value[] values)
    {
        var hash = Offset;
        Span<char> small = stackalloc char[256];
        foreach (var value in values)
        {
            hash = Add(hash, Text(value, small));
        }

        return hash;
    }

    /// <summary>
    /// One value as text, as the earlier versions hashed it (the ADO.NET provider's value formatted invariantly): in
    /// <paramref name="small"/> where it fits, so that a row makes no string.
    /// </summary>
    private static ReadOnlySpan<char> Text(sqlite3_value value, Span<char> small)
    {
        int length;
        switch (raw.sqlite3_value_type(value))
        {
            case raw.SQLITE_NULL:
                small[0] = NullMark;
                return small[..1];
            case raw.SQLITE_INTEGER:
                raw.sqlite3_value_int64(value).TryFormat(small, out length, default, CultureInfo.InvariantCulture);
                return small[..length];
            case raw.SQLITE_FLOAT:
                raw.sqlite3_value_double(value).TryFormat(small, out length, "R", CultureInfo.InvariantCulture);
                return small[..length];
            case raw.SQLITE_TEXT:
                // Asking for the text first makes SQLite hold it as UTF-8 (a UTF-16 database's values are converted in
                // place), so that the bytes below are UTF-8 whatever the file's encoding. UTF-8 never decodes to more
                // UTF-16 characters than it has bytes.
                _ = raw.sqlite3_value_text(value);
                var utf8 = raw.sqlite3_value_blob(value);
                return utf8.Length <= small.Length ? small[..Encoding.UTF8.GetChars(utf8, small)] : Encoding.UTF8.GetString(utf8);
            default:
                return Convert.ToBase64String(raw.sqlite3_value_blob(value));
        }
    }

    private static void Call(sqlite3_context context, sqlite3_value[] values)
    {
        try
        {
            raw.sqlite3_result_int64(context, Hash(values));
        }
        catch (Exception e)
        {
            raw.sqlite3_result_error(context, e.Message);
        }
    }

    private static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        return (hash ^ Separator) * Prime;
    }
}
