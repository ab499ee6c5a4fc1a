using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Diagnostics.Health;

/// <summary>One server's health as the check reports it (also the JSON of <c>/health</c>).</summary>
/// <param name="Server">The server.</param>
/// <param name="Status">Healthy, degraded or unhealthy.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Run">The last runs, when the server has run.</param>
public sealed record ServerHealthReport(string Server, HealthStatus Status, string Reason, ServerRunStatus? Run);

/// <summary>The decision: pure, over a server's settings, its last runs and the time.</summary>
internal static class ServerHealth
{
    public static ServerHealthReport Evaluate(
        string name, ServerOptions? settings, ServerRunStatus? run, DateTimeOffset watchingSince, DateTimeOffset now, int missedIntervals)
    {
        if (run is { LastOutcome: RunOutcome.Failed, LastFailure: RunFailureKind.Configuration or RunFailureKind.Authentication })
        {
            var what = run.LastFailure == RunFailureKind.Authentication ? "the shop refused the credentials" : "a setting is wrong";
            return new(name, HealthStatus.Unhealthy, $"The last run failed because {what}: {run.LastError}", run);
        }

        if (Interval(settings) is { } interval)
        {
            var allowed = interval * Math.Max(1, missedIntervals);
            var since = run?.LastSuccessAt ?? watchingSince + FirstDelay(settings!);
            if (now - since > allowed)
            {
                var last = run?.LastSuccessAt is { } at ? $"since {at:u}" : "since the service started";
                return new(name, HealthStatus.Unhealthy, $"No successful run {last} ({Math.Max(1, missedIntervals)} intervals of {interval} missed).", run);
            }
        }

        if (run is { LastOutcome: RunOutcome.Failed })
        {
            return new(name, HealthStatus.Degraded, $"The last run failed ({RunFailures.Tag(run.LastFailure)}); a later run may recover: {run.LastError}", run);
        }

        if (run is { Quarantined: > 0 })
        {
            return new(name, HealthStatus.Degraded, $"{run.Quarantined} item(s) quarantined by the last run.", run);
        }

        return new(name, HealthStatus.Healthy, run is null ? "No run yet." : $"Last run {run.LastOutcome?.ToString().ToLowerInvariant()} at {run.LastRunAt:u}.", run);
    }

    /// <summary>The shorter repeat interval of the server's scheduled jobs; null when nothing repeats.</summary>
    internal static TimeSpan? Interval(ServerOptions? settings)
    {
        if (settings is null)
        {
            return null;
        }

        var intervals = new JobOptions[] { settings.Import, settings.Export }
            .Where(j => j.Start != StartMode.Disabled && j.Interval > TimeSpan.Zero)
            .Select(j => j.Interval)
            .ToList();
        return intervals.Count == 0 ? null : intervals.Min();
    }

    private static TimeSpan FirstDelay(ServerOptions settings) =>
        new JobOptions[] { settings.Import, settings.Export }
            .Where(j => j.Start == StartMode.Delayed)
            .Select(j => j.Delay)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
}
