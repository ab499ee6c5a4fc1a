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
/// range again, it is never taken as sent. So the checksums must be of the database no later than the read begins: a
/// change committed after the read saw its range but before its checksum was computed would be in neither. Where the
/// database takes a consistent snapshot (MySQL/MariaDB), they are computed in one taken before the read, beside it;
/// elsewhere they are computed before the read starts (<see cref="Warehouse.IWarehouseStore.ReadChecksumsInSnapshotAsync"/>).
/// </remarks>
internal static class ReconciliationMarks
{
    /// <summary>
    /// Takes the marks: returns once they are of the database as it is now (the operations window and the stamp read, the
    /// checksums' snapshot taken), with the task that completes them. Its
    /// <see cref="FastExporter.Captured.CatalogueChecked"/> says whether the checksums were computed.
    /// </summary>
    public static async Task<Task<FastExporter.Captured>> BeginAsync(SyncSession session, CancellationToken ct)
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
            return Task.FromResult(new FastExporter.Captured(marks, null, null));
        }

        // The stamp before the checksums: whatever is written after it changes it, so an equal stamp vouches for them.
        var stamp = CatalogueStamp.Of(await store.ReadChangeStampAsync(ct).ConfigureAwait(false), export.PriceColumn, export.Goods, export.Partners);
        var remembered = await session.State.ReadMarkAsync(session.Scope, CatalogueStamp.Name, ct).ConfigureAwait(false);
        var unchanged = CatalogueStamp.Unchanged(remembered, stamp);
        var tables = new List<Table>();
        foreach (var (table, exported) in new[] { (ChangeTable.Goods, export.Goods), (ChangeTable.Partners, export.Partners) })
        {
            if (exported)
            {
                var prefix = CatalogueMarks.PrefixOf(table);
                var stored = await session.State.ReadMarksAsync(session.Scope, prefix, ct).ConfigureAwait(false);
                tables.Add(new Table(table, prefix, stored, unchanged ? CatalogueStamp.Remembered(prefix, stored) : null));
            }
        }

        if (!string.Equals(remembered, stamp, StringComparison.Ordinal))
        {
            // Saved with the checksums, when the export has finished; an unknown stamp forgets the one remembered.
            marks.Add(new(CatalogueStamp.Name, stamp));
        }

        var computing = tables.Where(t => t.Remembered is null).ToList();
        if (computing.Count == 0)
        {
            return Task.FromResult(Captured(marks, tables, []));
        }

        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // On a pool thread: a driver whose async calls run synchronously (SQLite) would otherwise return only when done.
        var checksums = Task.Run(() => store.ReadChecksumsInSnapshotAsync([.. computing.Select(t => t.Name)], export.PriceColumn, () => taken.TrySetResult(), ct), ct);
        // Until the snapshot is taken nothing may be read; a failure before it is the run's.
        await Task.WhenAny(taken.Task, checksums).ConfigureAwait(false);
        if (!taken.Task.IsCompleted)
        {
            await checksums.ConfigureAwait(false);
        }

        return CompleteAsync(marks, tables, computing, checksums);
    }

    private static async Task<FastExporter.Captured> CompleteAsync(
        List<KeyValuePair<string, string?>> marks, List<Table> tables, List<Table> computing, Task<IReadOnlyList<IReadOnlyList<RangeChecksum>>> checksums)
    {
        var computed = await checksums.ConfigureAwait(false);
        return Captured(marks, tables, computing.Select((t, i) => (t.Name, computed[i])).ToDictionary(c => c.Name, c => c.Item2));
    }

    private static FastExporter.Captured Captured(
        List<KeyValuePair<string, string?>> marks, List<Table> tables, Dictionary<ChangeTable, IReadOnlyList<RangeChecksum>> computed)
    {
        IReadOnlyList<RangeChecksum>? goods = null, partners = null;
        foreach (var table in tables)
        {
            var current = table.Remembered ?? computed[table.Name];
            marks.AddRange(CatalogueMarks.Compare(table.Prefix, table.Stored, current).Marks);
            if (table.Name == ChangeTable.Goods)
            {
                goods = current;
            }
            else
            {
                partners = current;
            }
        }

        return new FastExporter.Captured(marks, goods, partners, computed.Count > 0);
    }

    /// <summary>A table the checksums are of: its marks as stored, and the checksums the stamp vouches for (null: compute them).</summary>
    private sealed record Table(ChangeTable Name, string Prefix, IReadOnlyDictionary<string, string?> Stored, IReadOnlyList<RangeChecksum>? Remembered);
}
