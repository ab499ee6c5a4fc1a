using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service.Scheduling;

// The two fast schedules of a server (issue 12): the fast export every Export:FastInterval and the order poll every
// Import:OrderPollInterval, beside the full passes and under the same gate, so no pass of a server ever overlaps
// another. They follow their job's start mode and delay. A pass that did nothing is not written to the run log (one
// every two seconds would bury the passes that matter); one that sent, imported or failed is, with trigger "fast".
public sealed partial class ServerRunner
{
    private const string FastTrigger = "fast";

    private ISyncEngine? _fastEngine;
    private DateTimeOffset _fastEngineSince;
    private DateTimeOffset? _lastCatalogueCheck;

    /// <summary>When the fast export next runs (null: not waiting, or off).</summary>
    public DateTimeOffset? NextFastExportAt { get; private set; }

    /// <summary>When the order poll next runs (null: not waiting, or off).</summary>
    public DateTimeOffset? NextOrderPollAt { get; private set; }

    /// <summary>The fast export's interval (<c>Export:FastInterval</c>; zero: off).</summary>
    public TimeSpan FastExportInterval => Settings.Export.FastInterval;

    /// <summary>The order poll's interval (<c>Import:OrderPollInterval</c>; zero: off).</summary>
    public TimeSpan OrderPollInterval => Settings.Import.OrderPollInterval;

    private Task FastSchedulesAsync(CancellationToken cancellationToken) => Task.WhenAll(
        FastLoopAsync(export: true, Settings.Export, Settings.Export.FastInterval, cancellationToken),
        FastLoopAsync(export: false, Settings.Import, Settings.Import.OrderPollInterval, cancellationToken));

    private async Task FastLoopAsync(bool export, JobOptions job, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (job.Start == StartMode.Disabled || interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            if (_engines.Create(Name) is { SupportsFastPasses: false })
            {
                // This engine has no fast passes: the full schedules are all there is.
                return;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A configuration error: the passes below record it (and the full schedules do too).
        }

        try
        {
            // Behind the full pass that starts with the server: its export arms the fast path, its import takes the orders.
            var wait = (job.Start == StartMode.Delayed ? job.Delay : TimeSpan.Zero) + interval;
            var failures = 0;
            while (true)
            {
                var due = _time.GetUtcNow() + wait;
                var delay = Task.Delay(wait, _time, cancellationToken);
                SetFastNext(export, due);
                await delay.ConfigureAwait(false);
                SetFastNext(export, null);

                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                RunReport? report;
                try
                {
                    report = await FastPassAsync(export, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }

                if (report is null)
                {
                    // This engine has no fast passes: the full schedules are all there is.
                    return;
                }

                failures = report.Outcome == RunOutcome.Failed ? failures + 1 : 0;
                wait = FastSchedule.NextWait(interval, failures, report.WaitBeforeNext);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SetFastNext(export, null);
        }
    }

    /// <summary>One fast pass (the caller holds the gate); null when the engine has none.</summary>
    private async Task<RunReport?> FastPassAsync(bool export, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        RunReport report;
        try
        {
            var engine = FastEngine();
            if (!engine.SupportsFastPasses)
            {
                return null;
            }

            if (export)
            {
                var catalogue = FastSchedule.CatalogueDue(started, _lastCatalogueCheck, Settings.Export.CatalogueCheckInterval);
                report = await engine.FastExportAsync(new FastExportOptions { CheckCatalogue = catalogue }, cancellationToken).ConfigureAwait(false);
                if (catalogue)
                {
                    _lastCatalogueCheck = started;
                }
            }
            else
            {
                report = await engine.PollOrdersAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A configuration error (the full schedules record it too) or anything else: the next attempt makes a new engine.
            _fastEngine = null;
            report = new RunReport
            {
                Server = Name,
                Operation = export ? "fast-export" : "order-poll",
                StartedAt = started,
                FinishedAt = _time.GetUtcNow(),
                Outcome = RunOutcome.Failed,
                Error = RecordedRun.OneLine(ex.Message),
            };
        }

        if (report.Outcome == RunOutcome.Failed)
        {
            _fastEngine = null;
        }

        if (DidSomething(report))
        {
            await RecordFastAsync(report).ConfigureAwait(false);
        }

        return report;
    }

    /// <summary>
    /// The engine of the fast passes, kept between them (what both sides said about themselves is asked once), and made
    /// anew after every full export so that it sees changed objects and shop settings.
    /// </summary>
    private ISyncEngine FastEngine()
    {
        var lastFull = LastRun is { Trigger: not FastTrigger, FinishedAt: { } finished } ? finished : DateTimeOffset.MinValue;
        if (_fastEngine is null || lastFull > _fastEngineSince)
        {
            _fastEngine = _engines.Create(Name);
            _fastEngineSince = _time.GetUtcNow();
        }

        return _fastEngine;
    }

    private static bool DidSomething(RunReport report) =>
        report.Outcome != RunOutcome.Succeeded
        || report.Export?.ItemsSent > 0
        || report.Import is { } i && (i.OrdersImported > 0 || i.OrdersReversed > 0 || i.OrdersAlreadyImported > 0 || i.Documents.Count > 0);

    private async Task RecordFastAsync(RunReport report)
    {
        var record = new RunRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Server = Name,
            Operation = report.Operation,
            Trigger = FastTrigger,
            StartedAt = report.StartedAt,
            FinishedAt = report.FinishedAt,
            Status = report.Outcome switch
            {
                RunOutcome.Succeeded => RunStatus.Succeeded,
                RunOutcome.Partial => RunStatus.Partial,
                _ => RunStatus.Failed,
            },
            Error = report.Error is null ? null : RecordedRun.OneLine(report.Error),
            Report = report,
        };
        try
        {
            await _log.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
            LastRun = record;
            if (record.Error is null)
            {
                Log.RunEnded(_logger, Name, record.Operation, record.Status);
            }
            else
            {
                Log.RunEndedWithError(_logger, Name, record.Operation, record.Status, record.Error);
            }

            RunFinished?.Invoke(record);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.RunLogFailed(_logger, Name, ex);
        }
    }

    private void SetFastNext(bool export, DateTimeOffset? at)
    {
        if (export)
        {
            NextFastExportAt = at;
        }
        else
        {
            NextOrderPollAt = at;
        }
    }
}
