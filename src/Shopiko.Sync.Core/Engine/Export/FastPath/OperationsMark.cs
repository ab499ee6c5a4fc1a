using System.Globalization;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Engine.Export.FastPath;

/// <summary>
/// The fast path's watermark on <c>operations</c>: the operations up to <see cref="Max"/> were looked at, and the window
/// <c>(Floor, Max]</c> below it held <see cref="Rows"/> rows then. Every stock movement is an operation row; a new row
/// raises the highest ID, and a row committed late (another till's transaction, begun earlier) or removed inside the
/// window changes its count — so a pass that finds both unchanged has read only the window's index entries.
/// </summary>
/// <remarks>
/// An edit that keeps its rows' IDs, and a deleted document below the window, are invisible here: the full export's
/// reconciliation finds them and says so in its report.
/// </remarks>
internal readonly record struct OperationsMark(long Floor, long Max, long Rows)
{
    /// <summary>
    /// Operation IDs kept in the window below the highest one seen: rows of documents other tills are still writing
    /// (their IDs are taken before they commit) show up inside it. Its index entries are what an idle pass reads.
    /// </summary>
    public const long Lookback = 500;

    /// <summary>The mark's name in <c>shopikosync_marks</c>.</summary>
    public const string Name = "fast.operations";

    /// <summary>Nothing was added, committed late or removed since the mark: <paramref name="probe"/> is of <c>(Floor, ∞)</c>.</summary>
    public bool Unchanged(OperationsProbe probe) => probe.Rows == Rows && (probe.MaxId ?? Floor) == Max;

    /// <summary>The mark after the operations up to <paramref name="upper"/> were looked at, from a floor of <paramref name="floor"/>.</summary>
    public static long NextFloor(long floor, long upper) => Math.Max(floor, upper - Lookback);

    /// <summary>The window to start from when nothing is remembered: the last <see cref="Lookback"/> IDs below the highest.</summary>
    public static long FloorBelow(long max) => Math.Max(0, max - Lookback);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Floor}:{Max}:{Rows}");

    /// <summary>Parses <see cref="ToString"/>; false for anything else (the fast path is then not armed).</summary>
    public static bool TryParse(string? text, out OperationsMark mark)
    {
        mark = default;
        var parts = text?.Split(':');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var floor)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            || max < floor)
        {
            return false;
        }

        mark = new OperationsMark(floor, max, rows);
        return true;
    }
}
