namespace Shopiko.Sync.Engine.RunLog;

/// <summary>Runs an engine operation and writes its start and its end to a run log: the one way hosts run a pass.</summary>
public static class RecordedRun
{
    /// <summary>
    /// Writes a <see cref="RunStatus.Running"/> record, runs <paramref name="operation"/>, and writes the final record.
    /// Never throws for a failed run: an exception becomes a <see cref="RunStatus.Failed"/> record with a one-line reason
    /// and a report whose outcome is failed; cancellation becomes <see cref="RunStatus.Cancelled"/>.
    /// </summary>
    /// <param name="log">The run log.</param>
    /// <param name="engineFactory">Creates the engine (inside the recorded run, so configuration errors are recorded too).</param>
    /// <param name="server">The server name as logged.</param>
    /// <param name="operation">What to run.</param>
    /// <param name="trigger">What started it (<c>cli</c>, <c>schedule</c>, <c>manual</c> …).</param>
    /// <param name="options">Run options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Stops the run between items.</param>
    public static async Task<RunRecord> RunAsync(
        IRunLog log,
        Func<ISyncEngine> engineFactory,
        string server,
        SyncOperation operation,
        string trigger,
        SyncRunOptions? options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(engineFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var started = new RunRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Server = server,
            Operation = operation.Name(),
            Trigger = trigger,
            StartedAt = timeProvider.GetUtcNow(),
        };
        await log.WriteAsync(started, CancellationToken.None).ConfigureAwait(false);

        RunRecord finished;
        try
        {
            var report = await engineFactory().RunAsync(operation, options, cancellationToken).ConfigureAwait(false);
            finished = started with
            {
                FinishedAt = timeProvider.GetUtcNow(),
                Status = report.Outcome switch
                {
                    RunOutcome.Succeeded => RunStatus.Succeeded,
                    RunOutcome.Partial => RunStatus.Partial,
                    _ => RunStatus.Failed,
                },
                Error = report.Error is null ? null : OneLine(report.Error),
                Report = report,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            finished = Failed(started, RunStatus.Cancelled, "Stopped on request between two items; everything written is whole.", options, timeProvider);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything the engine or its configuration throws is the run's outcome, not the host's crash.
            finished = Failed(started, RunStatus.Failed, OneLine(ex.Message), options, timeProvider);
        }

        // The end is recorded even when the caller's token fired: a run log that says "running" forever misleads.
        await log.WriteAsync(finished, CancellationToken.None).ConfigureAwait(false);
        return finished;
    }

    private static RunRecord Failed(RunRecord started, RunStatus status, string error, SyncRunOptions? options, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return started with
        {
            FinishedAt = now,
            Status = status,
            Error = error,
            Report = new RunReport
            {
                Server = started.Server,
                Operation = started.Operation,
                DryRun = options?.DryRun ?? false,
                StartedAt = started.StartedAt,
                FinishedAt = now,
                Outcome = RunOutcome.Failed,
                Error = error,
            },
        };
    }

    /// <summary>Collapses a message to one line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', (message ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
