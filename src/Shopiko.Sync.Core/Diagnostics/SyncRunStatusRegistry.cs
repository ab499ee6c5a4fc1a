using System.Collections.Concurrent;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Diagnostics;

/// <summary>
/// The last run of every server in this process, kept by the engine (dry runs are not kept: they sync nothing). The
/// health check and the <see cref="SyncDiagnostics.Instruments.TimeSinceLastSuccess"/> gauge read it. One per service
/// provider (registered by <c>AddShopikoSync</c>); it watches from when it is made, so a host resolves it on start.
/// </summary>
public sealed class SyncRunStatusRegistry
{
    private readonly ConcurrentDictionary<string, ServerRunStatus> _servers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty registry; <see cref="WatchingSince"/> is now.</summary>
    public SyncRunStatusRegistry(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        WatchingSince = timeProvider.GetUtcNow();
    }

    /// <summary>Since when runs are being recorded (a server that has not succeeded since is measured from here).</summary>
    public DateTimeOffset WatchingSince { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Every server that has run, by name.</summary>
    public IReadOnlyCollection<ServerRunStatus> Servers => [.. _servers.Values.OrderBy(s => s.Server, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The status of <paramref name="server"/>, or null when it has not run in this process.</summary>
    public ServerRunStatus? Find(string server) => _servers.GetValueOrDefault(server);

    /// <summary>Records a finished run (the engine calls this; a host running its own engine may too).</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="failure">Why it failed, when it did.</param>
    public void Record(RunReport report, RunFailureKind failure = RunFailureKind.None)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.DryRun)
        {
            return;
        }

        var finished = report.FinishedAt == default ? TimeProvider.GetUtcNow() : report.FinishedAt;
        var completed = report.Outcome is RunOutcome.Succeeded or RunOutcome.Partial;
        _servers.AddOrUpdate(
            report.Server,
            _ => Next(null),
            (_, previous) => Next(previous));

        ServerRunStatus Next(ServerRunStatus? previous) => new()
        {
            Server = report.Server,
            LastRunAt = finished,
            LastOperation = report.Operation,
            LastOutcome = report.Outcome,
            LastFailure = report.Outcome == RunOutcome.Failed ? (failure == RunFailureKind.None ? RunFailureKind.Other : failure) : RunFailureKind.None,
            LastError = report.Error,
            LastSuccessAt = completed ? finished : previous?.LastSuccessAt,
            // A failed run knows nothing new about quarantined items; the last finished run's count stands.
            Quarantined = completed ? report.Quarantine.Count : previous?.Quarantined ?? 0,
        };
    }
}
