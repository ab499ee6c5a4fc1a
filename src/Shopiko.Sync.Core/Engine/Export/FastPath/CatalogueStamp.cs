using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Engine.Export.FastPath;

/// <summary>
/// The change stamp the reconciliation read just before it computed the catalogue checksums it remembered
/// (<c>fast.catalogue.stamp</c>). When the stamp reads the same at the next reconciliation, nothing was written to
/// <c>goods</c> or <c>partners</c> since, so the remembered checksums are the current ones and are not computed again.
/// Pure: the decisions are tested over tables of cases.
/// </summary>
/// <remarks>
/// Only a stamp that the library's own writes leave alone can match (MySQL/MariaDB: the tables' last-write times). A
/// stamp of the whole file (SQLite) changes with the marks written right after it, so it never matches and the checksums
/// are computed every time; a provider without a stamp (SQL Server, Access) writes none.
/// </remarks>
internal static class CatalogueStamp
{
    /// <summary>The mark's name in <c>shopikosync_marks</c>.</summary>
    public const string Name = "fast.catalogue.stamp";

    /// <summary>
    /// The mark's value for a stamp read before the checksums of these settings (null: the provider does not know, remember
    /// nothing). The settings the checksums depend on are part of it, so a changed price column or a table whose export was
    /// turned on computes them again. Hashed: the mark has room for 100 characters, a stamp lists table names.
    /// </summary>
    public static string? Of(string? stamp, PriceColumn price, bool goods, bool partners)
    {
        if (stamp is null)
        {
            return null;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{price}|{(goods ? "g" : "-")}{(partners ? "p" : "-")}|{stamp}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    /// <summary>True when the remembered checksums may stand for the current ones: both stamps known and equal.</summary>
    public static bool Unchanged(string? remembered, string? current) =>
        remembered is not null && current is not null && string.Equals(remembered, current, StringComparison.Ordinal);

    /// <summary>
    /// The checksums a table's marks remember (<see cref="CatalogueMarks.Value"/>), or null when they are not a complete set
    /// the reconciliation wrote (not armed, a count that does not match, a value that does not parse): compute them then.
    /// </summary>
    public static List<RangeChecksum>? Remembered(string prefix, IReadOnlyDictionary<string, string?> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!int.TryParse(stored.GetValueOrDefault(CatalogueMarks.ArmedName(prefix)), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        var ranges = new List<RangeChecksum>(count);
        foreach (var (name, value) in stored)
        {
            if (name == CatalogueMarks.ArmedName(prefix) || value is null)
            {
                continue;
            }

            var parts = value.Split(':');
            if (!name.StartsWith(prefix, StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket)
                || parts is not [var rows, var checksum]
                || !long.TryParse(rows, NumberStyles.None, CultureInfo.InvariantCulture, out var rowCount))
            {
                return null;
            }

            ranges.Add(new RangeChecksum(bucket, rowCount, checksum));
        }

        return ranges.Count == count ? [.. ranges.OrderBy(r => r.Bucket)] : null;
    }
}
