namespace Shopiko.Sync.Warehouse.Changes;

/// <summary>What the operations table holds in an ID window: how many rows and the highest ID (null when none).</summary>
/// <param name="Rows">Rows with <c>floor &lt; ID ≤ upper</c>.</param>
/// <param name="MaxId">The highest of their IDs, or null when there are none.</param>
public readonly record struct OperationsProbe(long Rows, long? MaxId);

/// <summary>A table whose rows the fast path watches through per-range checksums.</summary>
public enum ChangeTable
{
    /// <summary><c>goods</c>: the columns a shop product is made of.</summary>
    Goods,

    /// <summary><c>partners</c>: the columns a shop customer is made of.</summary>
    Partners,
}

/// <summary>
/// The checksum the database computed over one range of IDs (<see cref="ChangeBuckets.Size"/> IDs per bucket): its row
/// count and an aggregate of a per-row hash of the exported columns. Equal checksums mean "nothing to read here".
/// </summary>
/// <param name="Bucket">ID / <see cref="ChangeBuckets.Size"/>.</param>
/// <param name="Rows">Rows in the range.</param>
/// <param name="Checksum">The aggregate, as text (each engine returns its own numeric type).</param>
public readonly record struct RangeChecksum(int Bucket, long Rows, string Checksum);

/// <summary>How IDs are grouped into checksum ranges.</summary>
public static class ChangeBuckets
{
    /// <summary>
    /// IDs per range: a changed range costs reading this many rows at most, and a catalogue of 100,000 goods has about a
    /// hundred ranges to compare.
    /// </summary>
    public const int Size = 1024;

    /// <summary>The first ID of a bucket.</summary>
    public static int From(int bucket) => bucket * Size;

    /// <summary>The first ID after a bucket.</summary>
    public static int To(int bucket) => (bucket + 1) * Size;
}

/// <summary>Shared texts of change detection.</summary>
public static class ChangeDetection
{
    /// <summary>What a store without change detection says.</summary>
    public const string NotSupportedMessage =
        "This warehouse store cannot tell what changed; the full export (Export:Interval) keeps the shop up to date instead.";

    /// <summary>
    /// The checksums of each table one after the other, then <paramref name="computed"/>: the way of
    /// <see cref="IWarehouseStore.ReadChecksumsInSnapshotAsync"/> where the database takes no snapshot.
    /// </summary>
    internal static async Task<IReadOnlyList<IReadOnlyList<RangeChecksum>>> ReadInTurnAsync(
        IWarehouseStore store, IReadOnlyList<ChangeTable> tables, Configuration.PriceColumn price, Action computed, CancellationToken cancellationToken)
    {
        var checksums = new List<IReadOnlyList<RangeChecksum>>(tables.Count);
        foreach (var table in tables)
        {
            checksums.Add(await store.ReadChecksumsAsync(table, price, cancellationToken).ConfigureAwait(false));
        }

        computed();
        return checksums;
    }
}
