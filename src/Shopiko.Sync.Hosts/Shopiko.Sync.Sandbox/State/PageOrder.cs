namespace Shopiko.Sync.Sandbox.State;

/// <summary>
/// The (time, sequence) order a list is paged in, sorted once after the state changed rather than once per page: a
/// page is then a binary search and a copy of at most <c>limit</c> entries, so listing n records costs O(n log n) in
/// all instead of O(n log n) a page. Only touched under SandboxState's lock.
/// </summary>
internal sealed class PageOrder<T>(IReadOnlyList<T> source, Func<T, Cursor> key)
{
    private T[]? _sorted;

    /// <summary>The state changed (an entry was added or its time moved): sort again before the next page.</summary>
    public void Invalidate() => _sorted = null;

    /// <summary>
    /// Up to <paramref name="limit"/> entries at or after <paramref name="sinceTicks"/> and after <paramref name="after"/>
    /// that <paramref name="include"/> keeps, and the next cursor (null on the last page), as <see cref="Cursor.Page{T}"/>
    /// would give them.
    /// </summary>
    public (List<T> Items, string? Next) Page(long? sinceTicks, Cursor? after, int limit, Func<T, bool>? include = null)
    {
        var sorted = _sorted ??= Sort();
        var start = 0;
        if (sinceTicks is { } since)
        {
            start = FirstAfter(sorted, new Cursor(since, long.MinValue), inclusive: true);
        }

        if (after is { } cursor)
        {
            start = Math.Max(start, FirstAfter(sorted, cursor, inclusive: false));
        }

        var items = new List<T>(Math.Min(limit, sorted.Length - start));
        for (var i = start; i < sorted.Length; i++)
        {
            if (include is not null && !include(sorted[i]))
            {
                continue;
            }

            if (items.Count == limit)
            {
                return (items, key(items[^1]).Encode());
            }

            items.Add(sorted[i]);
        }

        return (items, null);
    }

    private T[] Sort()
    {
        var sorted = source.ToArray();
        var keys = Array.ConvertAll(sorted, e => key(e));
        Array.Sort(keys, sorted, Comparer<Cursor>.Create(Compare));
        return sorted;
    }

    /// <summary>The first index whose key is after <paramref name="bound"/> (or equal to it when inclusive).</summary>
    private int FirstAfter(T[] sorted, Cursor bound, bool inclusive)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var c = Compare(key(sorted[middle]), bound);
            if (c > 0 || (inclusive && c == 0))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static int Compare(Cursor a, Cursor b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Seq.CompareTo(b.Seq);
}
