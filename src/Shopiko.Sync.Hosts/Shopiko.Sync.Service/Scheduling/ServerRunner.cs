using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sync;
using Shopiko.Sync.Sync.RunLog;

namespace Shopiko.Sync.Service.Scheduling;

/// <summary>
/// One configured server: its two schedules (import and export, each with its start mode, delay and interval, on the
/// injected clock), its manual runs, and the one gate that keeps passes of this server from ever overlapping.
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
    private Task _schedules = Task.CompletedTask;
    private Task _manualRun = Task.CompletedTask;

    internal ServerRunner(
        ServerOptions settings,
        ISyncEngineFactory engines,
        IRunLog log,
        TimeProvider time,
        ILogger logger,
        TimeSpan stopTimeout,
        CancellationToken shutdown)
    {
        Settings = settings;
        _engines = engines;
        _log = log;
        _time = time;
        _logger = logger;
        _stopTimeout = stopTimeout;
        _shutdown = shutdown;
    }

    /// <summary>Raised after every pass, once its end is in the run log.</summary>
    public event Action<RunRecord>? RunFinished;

    /// <summary>The server's settings.</summary>
    public ServerOptions Settings { get; }

    /// <summary>The server's name.</summary>
    public string Name => Settings.Name;

    /// <summary>Started, stopped or stopping.</summary>
    public ServerState State { get; private set; } = ServerState.Stopped;

    /// <summary>The operation running now, if any.</summary>
    public SyncOperation? CurrentOperation { get; private set; }

    /// <summary>The last pass (from the run log at start-up, then live).</summary>
    public RunRecord? LastRun { get; internal set; }

    /// <summary>When the import schedule next fires (null: not waiting).</summary>
    public DateTimeOffset? NextImportAt { get; private set; }

    /// <summary>When the export schedule next fires (null: not waiting).</summary>
    public DateTimeOffset? NextExportAt { get; private set; }

    /// <summary>Starts the schedules (Старт). Does nothing when already running.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (State != ServerState.Stopped || _shutdown.IsCancellationRequested)
            {
                return;
            }

            _scheduleCts = CancellationTokenSource.CreateLinkedTokenSource(_shutdown);
            State = ServerState.Running;
            var token = _scheduleCts.Token;
            // Import is started first so that, when both start with the server, its pass takes the gate first and the
            // export that follows already sends the stock the imported orders left.
            _schedules = Task.WhenAll(
                ScheduleAsync(SyncOperation.Import, Settings.Import, token),
                ScheduleAsync(SyncOperation.Export, Settings.Export, token),
                FastSchedulesAsync(token));
        }

        Log.ServerStarted(_logger, Name);
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
            NextImportAt = null;
            NextExportAt = null;
        }

        Log.ServerStopped(_logger, Name);
    }

    /// <summary>Runs <paramref name="operation"/> now in the background, unless a pass of this server is running.</summary>
    public RunRequestOutcome TryRunNow(SyncOperation operation)
    {
        if (_shutdown.IsCancellationRequested)
        {
            return RunRequestOutcome.ShuttingDown;
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

    private async Task ScheduleAsync(SyncOperation operation, JobOptions job, CancellationToken cancellationToken)
    {
        if (job.Start == StartMode.Disabled)
        {
            return;
        }

        try
        {
            var wait = job.Start == StartMode.Delayed ? job.Delay : TimeSpan.Zero;
            while (true)
            {
                if (wait > TimeSpan.Zero)
                {
                    var due = _time.GetUtcNow() + wait;
                    // The timer exists before the next-run time is published, so whoever sees it (a test advancing a
                    // fake clock) knows the wait has begun.
                    var delay = Task.Delay(wait, _time, cancellationToken);
                    SetNext(operation, due);
                    await delay.ConfigureAwait(false);
                    SetNext(operation, null);
                }

                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                await RunHoldingGateAsync(operation, "schedule", cancellationToken).ConfigureAwait(false);

                // The interval counts from the end of a pass, so a slow pass never piles runs up behind it.
                if (job.Interval <= TimeSpan.Zero)
                {
                    return;
                }

                wait = job.Interval;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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
            var record = await RecordedRun.RunAsync(
                _log, () => _engines.Create(Name), Name, operation, trigger, new SyncRunOptions(), _time, runCts.Token).ConfigureAwait(false);
            LastRun = record;
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
