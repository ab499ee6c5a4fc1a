using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service.Settings;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service.Scheduling;

/// <summary>
/// One configured server: its two schedules (import and export, each with its start mode, delay and interval, on the
/// injected clock), its manual runs, and the one gate that keeps passes of this server from ever overlapping. Its
/// settings can change while it runs: a waiting schedule re-plans at once, a running pass ends with the settings it
/// started with and the next pass uses the new ones.
/// </summary>
public sealed partial class ServerRunner
{
    private readonly ISyncEngineFactory _engines;
    private readonly IRunLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopTimeout;
    private readonly CancellationToken _shutdown;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();

    private CancellationTokenSource? _scheduleCts;
    private CancellationTokenSource? _runCts;
    private CancellationTokenSource _settingsChanged = new();
    private Task _schedules = Task.CompletedTask;
    private Task _manualRun = Task.CompletedTask;

    internal ServerRunner(
        ServerEntry entry,
        ISyncEngineFactory engines,
        IRunLog log,
        TimeProvider time,
        ILogger logger,
        TimeSpan stopTimeout,
        CancellationToken shutdown)
    {
        Settings = entry.Options;
        Index = entry.Index;
        Setting = entry.Setting;
        Problems = entry.Problems;
        Warnings = entry.Warnings;
        _engines = engines;
        _log = log;
        _time = time;
        _logger = logger;
        _stopTimeout = stopTimeout;
        _shutdown = shutdown;
    }

    /// <summary>Raised after every pass, once its end is in the run log.</summary>
    public event Action<RunRecord>? RunFinished;

    /// <summary>The server's settings (defaults where a value did not bind).</summary>
    public ServerOptions Settings { get; private set; }

    /// <summary>Its place in <c>ShopikoSync:Servers</c>.</summary>
    public int Index { get; private set; }

    /// <summary>Where its settings live, e.g. <c>ShopikoSync:Servers:0</c>.</summary>
    public string Setting { get; private set; }

    /// <summary>What looks wrong in its settings without keeping it from running.</summary>
    public IReadOnlyList<SettingProblem> Warnings { get; private set; }

    /// <summary>Why its settings keep it from running; empty when they do not.</summary>
    public IReadOnlyList<SettingProblem> Problems { get; private set; }

    /// <summary>The server's name.</summary>
    public string Name => Settings.Name;

    /// <summary>Started, stopped or stopping.</summary>
    public ServerState State { get; private set; } = ServerState.Stopped;

    /// <summary>When Старт was last pressed (or the service started it), while it runs.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>The operation running now, if any.</summary>
    public SyncOperation? CurrentOperation { get; private set; }

    /// <summary>The last pass (from the run log at start-up, then live).</summary>
    public RunRecord? LastRun { get; internal set; }

    /// <summary>When the last pass that went through (succeeded or partial) ended.</summary>
    public DateTimeOffset? LastSuccessAt { get; internal set; }

    /// <summary>When the current streak of failed passes began; null when the last pass did not fail.</summary>
    public DateTimeOffset? FailingSince { get; internal set; }

    /// <summary>When the import schedule next fires (null: not waiting).</summary>
    public DateTimeOffset? NextImportAt { get; private set; }

    /// <summary>When the export schedule next fires (null: not waiting).</summary>
    public DateTimeOffset? NextExportAt { get; private set; }

    /// <summary>Its standing now (never "running" while every pass fails).</summary>
    public ServerHealth Health => ServerHealth.Evaluate(State, Problems.Count == 0, LastSuccessAt, FailingSince, StartedAt, Settings, _time.GetUtcNow());

    /// <summary>Starts the schedules (Старт). Does nothing when already running; refused while the settings are invalid.</summary>
    /// <returns>Null when started (or already running), else why not.</returns>
    public string? Start()
    {
        lock (_lock)
        {
            if (Problems.Count > 0)
            {
                return $"{Name} cannot start: {Problems[0].Message}";
            }

            if (State != ServerState.Stopped || _shutdown.IsCancellationRequested)
            {
                return null;
            }

            _scheduleCts = CancellationTokenSource.CreateLinkedTokenSource(_shutdown);
            State = ServerState.Running;
            StartedAt = _time.GetUtcNow();
            var token = _scheduleCts.Token;
            // Import is started first so that, when both start with the server, its pass takes the gate first and the
            // export that follows already sends the stock the imported orders left.
            _schedules = Task.WhenAll(
                ScheduleAsync(SyncOperation.Import, token),
                ScheduleAsync(SyncOperation.Export, token),
                FastSchedulesAsync(token));
        }

        Log.ServerStarted(_logger, Name);
        return null;
    }

    /// <summary>
    /// Stops the schedules (Стоп) and asks the running pass to end at its next item boundary — the document being
    /// written is committed or rolled back whole — waiting for it up to the configured bound.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task schedules;
        Task manual;
        lock (_lock)
        {
            if (State == ServerState.Stopped && _runCts is null)
            {
                return;
            }

            State = ServerState.Stopping;
            _scheduleCts?.Cancel();
            _runCts?.Cancel();
            schedules = _schedules;
            manual = _manualRun;
        }

        var drained = true;
        try
        {
            await Task.WhenAll(schedules, manual).WaitAsync(_stopTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            drained = false;
            Log.StopTimedOut(_logger, Name, _stopTimeout);
        }

        lock (_lock)
        {
            if (drained)
            {
                // A pass still ending holds tokens of this source; it is left to the collector in that case.
                _scheduleCts?.Dispose();
            }

            _scheduleCts = null;
            State = ServerState.Stopped;
            StartedAt = null;
            NextImportAt = null;
            NextExportAt = null;
        }

        Log.ServerStopped(_logger, Name);
    }

    /// <summary>
    /// New settings (Редакция). Waiting schedules re-plan from now with them; a running pass finishes with the settings
    /// it began with. The caller stops a server whose new settings are invalid.
    /// </summary>
    internal void Update(ServerEntry entry)
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            Settings = entry.Options;
            Index = entry.Index;
            Setting = entry.Setting;
            Problems = entry.Problems;
            Warnings = entry.Warnings;
            previous = _settingsChanged;
            _settingsChanged = new CancellationTokenSource();
        }

        // Not disposed: a schedule may still be linking to its token; it holds no timer.
        previous.Cancel();
    }

    /// <summary>Runs <paramref name="operation"/> now in the background, unless a pass of this server is running.</summary>
    public RunRequestOutcome TryRunNow(SyncOperation operation)
    {
        if (_shutdown.IsCancellationRequested)
        {
            return RunRequestOutcome.ShuttingDown;
        }

        if (Problems.Count > 0)
        {
            return RunRequestOutcome.Invalid;
        }

        if (!_gate.Wait(0))
        {
            return RunRequestOutcome.Busy;
        }

        var run = RunHoldingGateAsync(operation, "manual", _shutdown);
        lock (_lock)
        {
            _manualRun = run;
        }

        return RunRequestOutcome.Started;
    }

    private async Task ScheduleAsync(SyncOperation operation, CancellationToken cancellationToken)
    {
        // Before the first pass of this start the start mode decides the wait; after it, the interval.
        var ranOnce = false;
        try
        {
            while (true)
            {
                CancellationToken changed;
                JobOptions job;
                lock (_lock)
                {
                    changed = _settingsChanged.Token;
                    job = operation == SyncOperation.Import ? Settings.Import : Settings.Export;
                }

                TimeSpan? wait = job.Start == StartMode.Disabled ? null
                    : !ranOnce ? (job.Start == StartMode.Delayed ? job.Delay : TimeSpan.Zero)
                    : job.Interval > TimeSpan.Zero ? job.Interval : null;
                if (wait != TimeSpan.Zero && !await WaitAsync(operation, wait, changed, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                await RunHoldingGateAsync(operation, "schedule", cancellationToken).ConfigureAwait(false);
                ranOnce = true;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SetNext(operation, null);
        }
    }

    /// <summary>Waits <paramref name="wait"/> (null: until the settings change); false when the settings changed first.</summary>
    private async Task<bool> WaitAsync(SyncOperation operation, TimeSpan? wait, CancellationToken changed, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, changed);
        // The timer exists before the next-run time is published, so whoever sees it (a test advancing a fake clock)
        // knows the wait has begun. The interval counts from the end of a pass, so a slow pass never piles runs up.
        var delay = Task.Delay(wait ?? Timeout.InfiniteTimeSpan, _time, either.Token);
        SetNext(operation, wait is { } w ? _time.GetUtcNow() + w : null);
        try
        {
            await delay.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            SetNext(operation, null);
        }
    }

    /// <summary>Runs one pass; the caller holds the gate, which is released here.</summary>
    private async Task RunHoldingGateAsync(SyncOperation operation, string trigger, CancellationToken cancellationToken)
    {
        CancellationTokenSource runCts;
        lock (_lock)
        {
            runCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown);
            _runCts = runCts;
            CurrentOperation = operation;
        }

        try
        {
            // Off the caller's thread: a start request or the host's start-up must not wait for the pass.
            await Task.Yield();
            Log.RunStarted(_logger, Name, operation.Name(), trigger);
            var name = Name;
            var record = await RecordedRun.RunAsync(
                _log, () => _engines.Create(name), name, operation, trigger, new SyncRunOptions(), _time, runCts.Token).ConfigureAwait(false);
            Remember(record);
            if (record.Error is null)
            {
                Log.RunEnded(_logger, Name, operation.Name(), record.Status);
            }
            else
            {
                Log.RunEndedWithError(_logger, Name, operation.Name(), record.Status, record.Error);
            }

            RunFinished?.Invoke(record);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.RunLogFailed(_logger, Name, ex);
        }
        finally
        {
            lock (_lock)
            {
                CurrentOperation = null;
                _runCts = null;
            }

            runCts.Dispose();
            _gate.Release();
        }
    }

    private void Remember(RunRecord record)
    {
        LastRun = record;
        switch (record.Status)
        {
            case RunStatus.Succeeded or RunStatus.Partial:
                LastSuccessAt = record.FinishedAt;
                FailingSince = null;
                break;
            case RunStatus.Failed:
                FailingSince ??= record.StartedAt;
                break;
        }
    }

    private void SetNext(SyncOperation operation, DateTimeOffset? at)
    {
        if (operation == SyncOperation.Import)
        {
            NextImportAt = at;
        }
        else
        {
            NextExportAt = at;
        }
    }
}
