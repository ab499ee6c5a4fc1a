using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Shopiko.Sync.Sandbox.State;

/// <summary>
/// Keyset paging: a cursor is the (time, sequence) of the last item served, opaque to clients (base64url). New or
/// changed items sort after it, so paging never skips an item that existed when it started.
/// </summary>
internal readonly record struct Cursor(long Ticks, long Seq)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Ticks}.{Seq}")));

    public static bool TryDecode(string? text, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                cursor = new Cursor(ticks, seq);
                return true;
            }
        }
        catch (FormatException)
        {
            // Falls through to "not a cursor of ours".
        }

        return false;
    }

    public bool IsBefore(long ticks, long seq) => Ticks < ticks || (Ticks == ticks && Seq < seq);

    /// <summary>One page of <paramref name="ordered"/> after <paramref name="after"/>, and the next cursor (null on the last page).</summary>
    public static (List<T> Items, string? Next) Page<T>(IEnumerable<T> ordered, Func<T, Cursor> key, Cursor? after, int limit)
    {
        var items = new List<T>(limit);
        var more = false;
        foreach (var item in ordered)
        {
            var k = key(item);
            if (after is { } a && !a.IsBefore(k.Ticks, k.Seq))
            {
                continue;
            }

            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(item);
        }

        return (items, more ? key(items[^1]).Encode() : null);
    }
}
