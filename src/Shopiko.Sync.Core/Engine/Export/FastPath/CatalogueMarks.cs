using System.Globalization;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Engine.Export.FastPath;

/// <summary>
/// The remembered checksums of one table's ID ranges (<c>fast.goods.17</c> = <c>rows:checksum</c>) beside
/// <c>fast.goods.n</c>, the number of ranges, whose presence arms the table's fast path. Pure: the comparisons are
/// tested over tables of cases.
/// </summary>
internal static class CatalogueMarks
{
    /// <summary>The mark prefix of goods.</summary>
    public const string Goods = "fast.goods.";

    /// <summary>The mark prefix of partners.</summary>
    public const string Partners = "fast.partners.";

    /// <summary>The prefix of a table.</summary>
    public static string PrefixOf(ChangeTable table) => table == ChangeTable.Goods ? Goods : Partners;

    /// <summary>The name that arms a table: written by the reconciliation with the others.</summary>
    public static string ArmedName(string prefix) => prefix + "n";

    /// <summary>A remembered range's value.</summary>
    public static string Value(RangeChecksum range) => string.Create(CultureInfo.InvariantCulture, $"{range.Rows}:{range.Checksum}");

    /// <summary>True when the reconciliation has remembered this table's ranges.</summary>
    public static bool Armed(string prefix, IReadOnlyDictionary<string, string?> stored) => stored.GetValueOrDefault(ArmedName(prefix)) is not null;

    /// <summary>
    /// The ranges whose checksum differs from the one remembered (new ones included; ranges that emptied have nothing to
    /// read and are only forgotten), and the marks that remember <paramref name="current"/> once they were sent.
    /// </summary>
    public static (List<int> Changed, List<KeyValuePair<string, string?>> Marks) Compare(
        string prefix, IReadOnlyDictionary<string, string?> stored, IReadOnlyList<RangeChecksum> current)
    {
        var changed = new List<int>();
        var marks = new List<KeyValuePair<string, string?>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in current.OrderBy(r => r.Bucket))
        {
            var name = prefix + range.Bucket.ToString(CultureInfo.InvariantCulture);
            seen.Add(name);
            var value = Value(range);
            if (!string.Equals(stored.GetValueOrDefault(name), value, StringComparison.Ordinal))
            {
                changed.Add(range.Bucket);
                marks.Add(new(name, value));
            }
        }

        foreach (var (name, value) in stored)
        {
            if (value is not null && !seen.Contains(name) && name != ArmedName(prefix))
            {
                marks.Add(new(name, null));
            }
        }

        if (marks.Count > 0 || !Armed(prefix, stored))
        {
            marks.Add(new(ArmedName(prefix), current.Count.ToString(CultureInfo.InvariantCulture)));
        }

        return (changed, marks);
    }
}
