using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Shopiko.Sync.Sync.Export.FastPath;

/// <summary>
/// The full export as the fast path's reconciliation: when the fast path is armed, a fast pass runs first (so what it
/// can see is not counted against it), then the full comparison; whatever that still has to send, the fast path
/// missed, and the report says so. The marks taken before the full read are remembered when it finished, which arms
/// the fast path (or re-arms it after a restored backup).
/// </summary>
internal static class Reconciliation
{
    public static async Task RunAsync(SyncSession session, CancellationToken ct)
    {
        if (session.DryRun)
        {
            await ExportPipeline.RunAsync(session, ct).ConfigureAwait(false);
            return;
        }

        var armed = OperationsMark.TryParse(await session.Store.ReadMarkAsync(session.Scope, OperationsMark.Name, ct).ConfigureAwait(false), out _);
        var captured = await session.TimeAsync("export.marks", () => FastExporter.CaptureAsync(session, ct)).ConfigureAwait(false);
        if (armed)
        {
            await session.TimeAsync("export.fast", () => FastExporter.RunAsync(session, checkCatalogue: true, ct, captured)).ConfigureAwait(false);
        }

        var export = session.Report.Export!;
        var before = Counts(export);
        await ExportPipeline.RunAsync(session, ct).ConfigureAwait(false);
        if (armed)
        {
            var after = Counts(export);
            var fast = session.Report.FastPath ??= new FastPathReport { Armed = true };
            foreach (var (entity, count) in after)
            {
                var missed = count - before[entity];
                if (missed > 0)
                {
                    fast.MissedItems += missed;
                    fast.Missed.Add(string.Create(CultureInfo.InvariantCulture, $"{entity}: {missed}"));
                }
            }

            if (fast.MissedItems > 0)
            {
                Log.FastPathMissed(session.Logger, session.Server.Name, fast.MissedItems, string.Join(", ", fast.Missed));
            }
        }

        await session.Store.SaveMarksAsync(session.Scope, captured.Marks, ct).ConfigureAwait(false);
    }

    private static Dictionary<string, int> Counts(ExportReport export) => new(StringComparer.Ordinal)
    {
        ["categories"] = export.Categories.Created + export.Categories.Updated,
        ["products"] = export.Products.Created + export.Products.Updated,
        ["customers"] = export.Customers.Created + export.Customers.Updated,
        ["stock"] = export.Stock.Created + export.Stock.Updated,
    };
}
