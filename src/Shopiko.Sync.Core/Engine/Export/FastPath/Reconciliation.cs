using System.Collections.Concurrent;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Engine.Export.FastPath;

/// <summary>
/// The full export as the fast path's reconciliation. Before it reads, it takes the marks it will leave (so what changes
/// meanwhile is seen by the next fast pass) and, when the fast path is armed, works out what the fast path can see
/// from there: the goods the operations since its watermark moved and the ID ranges whose checksum changed. Whatever
/// the full comparison then sends outside of that, the fast path missed (a document deleted below its window, an edit
/// in place, a restored backup, a VAT rate or a group changed), and the report says so. The marks written when it
/// finished arm the fast path. The catalogue checksums are not computed again when the change stamp says nothing was
/// written to the catalogue since the last reconciliation (<see cref="ReconciliationMarks"/>): the full comparison still
/// reads every row, so nothing it would find is lost by that; where they are, the database computes them beside the
/// read, in a snapshot taken before it, where it can.
/// </summary>
internal static class Reconciliation
{
    /// <summary>Runs the full export as a reconciliation.</summary>
    /// <param name="session">The run.</param>
    /// <param name="firstExportUnderWay">A first export to a shop that was empty (see <see cref="ExportPipeline.RunAsync"/>).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task RunAsync(SyncSession session, bool firstExportUnderWay, CancellationToken ct)
    {
        if (session.DryRun)
        {
            await ExportPipeline.RunAsync(session, firstExportUnderWay, ct).ConfigureAwait(false);
            return;
        }

        var armed = OperationsMark.TryParse(await session.State.ReadMarkAsync(session.Scope, OperationsMark.Name, ct).ConfigureAwait(false), out var mark);
        var capturing = await session.TimeAsync("export.marks", () => ReconciliationMarks.BeginAsync(session, ct)).ConfigureAwait(false);
        var moved = armed ? await session.TimeAsync("export.fast", () => MovedAsync(session, mark, ct)).ConfigureAwait(false) : null;

        // The senders tell the run's collector what the shop accepted, from their own threads; what of it the fast path
        // would have seen is told once the checksums are in.
        var accepted = new ConcurrentQueue<(string Entity, int Id)>();
        using var watch = moved is null ? null : session.Collector.Watch((entity, id) => accepted.Enqueue((entity, id)));
        try
        {
            await ExportPipeline.RunAsync(session, firstExportUnderWay, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The checksums' connection is closed before the run ends; their own failure adds nothing to this one.
            await Task.WhenAny(capturing).ConfigureAwait(false);
            if (e is not OperationCanceledException)
            {
                session.Metrics.ReconciliationPass(session.Server.Name, Diagnostics.SyncMetrics.OutcomeTag(RunOutcome.Failed));
            }

            throw;
        }

        var captured = await session.TimeAsync("export.checksums", () => capturing).ConfigureAwait(false);
        if (moved is not null)
        {
            var visible = new Visible(moved.Value.Goods, moved.Value.All,
                await ChangedAsync(session, CatalogueMarks.Goods, captured.Goods, ct).ConfigureAwait(false),
                await ChangedAsync(session, CatalogueMarks.Partners, captured.Partners, ct).ConfigureAwait(false));
            var missed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (entity, id) in accepted)
            {
                if (!visible.Sees(entity, id))
                {
                    missed[entity] = missed.GetValueOrDefault(entity) + 1;
                }
            }

            var (items, described) = session.Collector.Reconciled(captured.CatalogueChecked, missed);
            if (items > 0)
            {
                Log.FastPathMissed(session.Logger, session.Server.Name, items, described);
            }
        }

        await session.State.SaveMarksAsync(session.Scope, captured.Marks, ct).ConfigureAwait(false);
        session.Metrics.ReconciliationPass(session.Server.Name,
            Diagnostics.SyncMetrics.OutcomeTag(session.Report.Quarantine.Count > 0 ? RunOutcome.Partial : RunOutcome.Succeeded));
    }

    /// <summary>The goods the operations since the fast path's watermark moved (all: more than a fast pass takes).</summary>
    private static async Task<(HashSet<int> Goods, bool All)?> MovedAsync(SyncSession session, OperationsMark mark, CancellationToken ct)
    {
        var store = session.Store;
        var moved = new HashSet<int>();
        var upper = (await store.ProbeOperationsAsync(mark.Floor, long.MaxValue, ct).ConfigureAwait(false)).MaxId ?? mark.Floor;
        await foreach (var id in store.ReadMovedGoodsAsync(mark.Floor, upper, session.StockObjectIds, ct).ConfigureAwait(false))
        {
            if (moved.Count >= FastExporter.MaxMovedGoods)
            {
                // The fast path compares all stock when this many goods moved.
                return (moved, true);
            }

            moved.Add(id);
        }

        return (moved, false);
    }

    private static async Task<HashSet<int>> ChangedAsync(SyncSession session, string prefix, IReadOnlyList<RangeChecksum>? current, CancellationToken ct)
    {
        if (current is null)
        {
            return [];
        }

        var stored = await session.State.ReadMarksAsync(session.Scope, prefix, ct).ConfigureAwait(false);
        return CatalogueMarks.Armed(prefix, stored) ? [.. CatalogueMarks.Compare(prefix, stored, current).Changed] : [];
    }

    /// <summary>What a fast pass would send, by entity name (as <see cref="DeltaSender{TItem}"/> names them).</summary>
    private sealed record Visible(HashSet<int> MovedGoods, bool AllStock, HashSet<int> GoodsRanges, HashSet<int> PartnersRanges)
    {
        public bool Sees(string entity, int id) => entity switch
        {
            // A product the fast path sends brings its stock along; so does a good the operations moved.
            "stock" => AllStock || MovedGoods.Contains(id) || GoodsRanges.Contains(id / ChangeBuckets.Size),
            "products" => GoodsRanges.Contains(id / ChangeBuckets.Size),
            "customers" => PartnersRanges.Contains(id / ChangeBuckets.Size),
            // Categories go with the products of changed ranges.
            "categories" => GoodsRanges.Count > 0,
            _ => false,
        };
    }
}
