using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The row hash of the fast path's checksums on SQLite, which has no hash function of its own: a 32-bit FNV-1a over
/// the values' text, registered on every connection the store opens. 32 bits, so that SQLite's SUM over a range of
/// IDs never overflows; stable across processes and versions (never <see cref="string.GetHashCode()"/>), because the
/// sums are remembered in the database.
/// </summary>
internal static class RowHashFunction
{
    public const string Name = "shopikosync_rowhash";

    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<long>(Name, static values => Hash(values), isDeterministic: true);

    /// <summary>The hash of one row's values (in [0, 2³²)).</summary>
    internal static long Hash(object?[] values)
    {
        var hash = Offset;
        foreach (var value in values)
        {
            var text = value switch
            {
                null or DBNull => "\u0000",
                string s => s,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                byte[] b => Convert.ToBase64String(b),
                _ => value.ToString() ?? "",
            };
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }

            // A separator, so that ("ab", "c") and ("a", "bc") differ.
            hash = (hash ^ 0x1F) * Prime;
        }

        return hash;
    }
}
