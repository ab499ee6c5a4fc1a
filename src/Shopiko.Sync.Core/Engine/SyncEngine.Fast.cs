using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Export.FastPath;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine;

// The fast passes: every few seconds, so each costs next to nothing when nothing changed — what both sides said about
// themselves is asked once per engine (the scheduler keeps one engine for its fast passes), and a quiet pass is a few
// index reads or one small request.
internal sealed partial class SyncEngine
{
    private Sides? _fast;
    private string? _catalogueStamp;

    /// <inheritdoc />
    public bool SupportsFastPasses => true;

    /// <inheritdoc />
    public async Task<RunReport> FastExportAsync(FastExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var report = new RunReport
        {
            Server = server.Name,
            Operation = "fast-export",
            StartedAt = time.GetUtcNow(),
            Export = new ExportReport(),
            FastPath = new FastPathReport(),
        };
        var collector = new RunCollector(report);
        var start = time.GetTimestamp();
        try
        {
            var session = await OpenFastAsync(collector, cancellationToken).ConfigureAwait(false);
            _ = session.StockObjectIds; // fail early with the setting's name when an object is wrong
            var catalogue = options?.CheckCatalogue ?? true;
            string? stamp = null;
            if (catalogue)
            {
                // Nothing written since the last check found the catalogue as remembered: no need to compute it again.
                stamp = await store.ReadChangeStampAsync(cancellationToken).ConfigureAwait(false);
                catalogue = stamp is null || stamp != _catalogueStamp;
            }

            await FastExporter.RunAsync(session, catalogue, cancellationToken).ConfigureAwait(false);
            if (catalogue)
            {
                _catalogueStamp = stamp;
            }

            collector.Succeeded();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is ShopikoSyncException or NotSupportedException)
        {
            // Ask both sides again next time: the failure may have been a changed database or shop.
            _fast = null;
            _catalogueStamp = null;
            collector.Failed(e.Message, (e as ShopikoApiException)?.RetryAfter);
            Log.RunFailed(logger, server.Name, report.Operation, e.Message);
            Log.RunFailedDetail(logger, server.Name, report.Operation, e);
        }
        finally
        {
            collector.Finished(time.GetUtcNow(), Math.Round(time.GetElapsedTime(start).TotalSeconds, 3));
        }

        _metrics.FastPathPass(server.Name, Diagnostics.SyncMetrics.OutcomeTag(report.Outcome));
        if (report.FastPath.Note is { } note)
        {
            Log.FastPathNote(logger, server.Name, note);
        }

        if (report.Export.ItemsSent > 0)
        {
            Log.FastPassSent(logger, server.Name, report.Export.ItemsSent, report.FastPath.GoodsMoved, report.FastPath.RangesChanged, report.Timings["total"]);
        }
        else
        {
            Log.FastPassIdle(logger, server.Name);
        }

        return report;
    }

    /// <inheritdoc />
    public async Task<RunReport> PollOrdersAsync(CancellationToken cancellationToken = default)
    {
        var startedAt = time.GetUtcNow();
        PendingOrdersPeek peek;
        try
        {
            peek = await api.PeekPendingOrdersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ShopikoSyncException e)
        {
            Log.RunFailed(logger, server.Name, "order-poll", e.Message);
            Log.RunFailedDetail(logger, server.Name, "order-poll", e);
            return new RunReport
            {
                Server = server.Name,
                Operation = "order-poll",
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
                Outcome = RunOutcome.Failed,
                Error = e.Message,
                WaitBeforeNext = (e as ShopikoApiException)?.RetryAfter,
            };
        }

        var wait = peek.RateLimit?.WaitBeforeNext(time.GetUtcNow());
        if (!peek.Waiting)
        {
            Log.OrderPollIdle(logger, server.Name);
            return new RunReport
            {
                Server = server.Name,
                Operation = "order-poll",
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow(),
                Outcome = RunOutcome.Succeeded,
                WaitBeforeNext = wait,
            };
        }

        var report = await RunAsync("import", null, export: false, import: true, cancellationToken, ordersOnly: true).ConfigureAwait(false);
        report.WaitBeforeNext = wait;
        return report;
    }

    private async Task<SyncSession> OpenFastAsync(RunCollector collector, CancellationToken ct)
    {
        // What both sides say of themselves is read once and kept while the passes succeed (a failure forgets it).
        var sides = _fast ??= await ReadSidesAsync(ct).ConfigureAwait(false);
        return Session(collector, new SyncRunOptions(), sides);
    }
}
