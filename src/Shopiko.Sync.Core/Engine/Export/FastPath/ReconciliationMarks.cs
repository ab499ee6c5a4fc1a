using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Engine.Export.FastPath;

/// <summary>
/// The marks a reconciliation leaves behind, taken before it reads (so that what changes during it is seen by the next
/// fast pass): the operations window below the highest ID, every range's checksum, and the change stamp read just before
/// those checksums. When that stamp is as the last reconciliation remembered it, nothing was written to the catalogue
/// since: its remembered checksums are the current ones, and the database is spared computing them again.
/// </summary>
/// <remarks>
/// Nothing can be lost by that: the full comparison reads every row whatever the checksums say, and remembered checksums
/// can only be older than the rows, never newer — a change they do not reflect makes the next catalogue check read that
/// range again, it is never taken as sent. The checksums are still taken before the read, never beside it: a change
/// committed after the read saw its range but before the checksum was computed would then be in neither.
/// </remarks>
internal static class ReconciliationMarks
{
    /// <summary>Takes the marks; <see cref="FastExporter.Captured.CatalogueChecked"/> says whether the checksums were computed.</summary>
    public static async Task<FastExporter.Captured> CaptureAsync(SyncSession session, CancellationToken ct)
    {
        var store = session.Store;
        var export = session.Server.Export;
        var all = await store.ProbeOperationsAsync(0, long.MaxValue, ct).ConfigureAwait(false);
        var upper = all.MaxId ?? 0;
        var floor = OperationsMark.FloorBelow(upper);
        var rows = floor >= upper ? 0 : (await store.ProbeOperationsAsync(floor, upper, ct).ConfigureAwait(false)).Rows;
        var marks = new List<KeyValuePair<string, string?>> { new(OperationsMark.Name, new OperationsMark(floor, upper, rows).ToString()) };
        if (!export.Goods && !export.Partners)
        {
            return new FastExporter.Captured(marks, null, null);
        }

        // The stamp before the checksums: whatever is written after it changes it, so an equal stamp vouches for them.
        var stamp = CatalogueStamp.Of(await store.ReadChangeStampAsync(ct).ConfigureAwait(false), export.PriceColumn, export.Goods, export.Partners);
        var remembered = await session.State.ReadMarkAsync(session.Scope, CatalogueStamp.Name, ct).ConfigureAwait(false);
        var unchanged = CatalogueStamp.Unchanged(remembered, stamp);
        var goods = export.Goods ? await ChecksumsAsync(session, ChangeTable.Goods, unchanged, marks, ct).ConfigureAwait(false) : default;
        var partners = export.Partners ? await ChecksumsAsync(session, ChangeTable.Partners, unchanged, marks, ct).ConfigureAwait(false) : default;
        if (!string.Equals(remembered, stamp, StringComparison.Ordinal))
        {
            // Saved with the checksums, when the export has finished; an unknown stamp forgets the one remembered.
            marks.Add(new(CatalogueStamp.Name, stamp));
        }

        return new FastExporter.Captured(marks, goods.Current, partners.Current, goods.Computed || partners.Computed);
    }

    private static async Task<(IReadOnlyList<RangeChecksum>? Current, bool Computed)> ChecksumsAsync(SyncSession session, ChangeTable table, bool unchanged,
        List<KeyValuePair<string, string?>> marks, CancellationToken ct)
    {
        var prefix = CatalogueMarks.PrefixOf(table);
        var stored = await session.State.ReadMarksAsync(session.Scope, prefix, ct).ConfigureAwait(false);
        var remembered = unchanged ? CatalogueStamp.Remembered(prefix, stored) : null;
        var current = remembered ?? await session.Store.ReadChecksumsAsync(table, session.Server.Export.PriceColumn, ct).ConfigureAwait(false);
        marks.AddRange(CatalogueMarks.Compare(prefix, stored, current).Marks);
        return (current, remembered is null);
    }
}
