using System.Text.Json.Serialization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service.Scheduling;

/// <summary>What the page (and monitoring) should say about a server.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthKind>))]
public enum HealthKind
{
    /// <summary>Its settings are invalid; it cannot start.</summary>
    [JsonStringEnumMemberName("invalid")] Invalid,
    /// <summary>Stopped by the user (or never started).</summary>
    [JsonStringEnumMemberName("stopped")] Stopped,
    /// <summary>Draining its pass.</summary>
    [JsonStringEnumMemberName("stopping")] Stopping,
    /// <summary>Running and its last pass went through.</summary>
    [JsonStringEnumMemberName("running")] Running,
    /// <summary>Running, and every pass since <see cref="ServerHealth.Since"/> failed.</summary>
    [JsonStringEnumMemberName("failing")] Failing,
}

/// <summary>A server's standing: never "running" while it fails, and a warning when nothing succeeded for too long.</summary>
/// <param name="Kind">The standing.</param>
/// <param name="Since">When the failures began (<see cref="HealthKind.Failing"/>).</param>
/// <param name="Stale">True when no pass succeeded within three intervals of the shortest enabled schedule.</param>
/// <param name="NoSuccessSince">The last success, or when the server started if it never succeeded since (with <paramref name="Stale"/>).</param>
public sealed record ServerHealth(HealthKind Kind, DateTimeOffset? Since, bool Stale, DateTimeOffset? NoSuccessSince)
{
    /// <summary>How many intervals without a success make a warning.</summary>
    public const int StaleAfterIntervals = 3;

    /// <summary>Decides a server's standing from its state and history.</summary>
    /// <param name="state">Started, stopped or stopping.</param>
    /// <param name="valid">Whether its settings are valid.</param>
    /// <param name="lastSuccess">When its last pass that went through ended.</param>
    /// <param name="failingSince">When its current streak of failed passes began (null: the last pass did not fail).</param>
    /// <param name="startedAt">When it was started (Старт), while running.</param>
    /// <param name="settings">Its schedules.</param>
    /// <param name="now">The clock.</param>
    public static ServerHealth Evaluate(
        ServerState state, bool valid, DateTimeOffset? lastSuccess, DateTimeOffset? failingSince, DateTimeOffset? startedAt,
        ServerOptions settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!valid)
        {
            return new ServerHealth(HealthKind.Invalid, null, false, null);
        }

        if (state == ServerState.Stopped)
        {
            return new ServerHealth(HealthKind.Stopped, null, false, null);
        }

        var kind = state == ServerState.Stopping ? HealthKind.Stopping : failingSince is null ? HealthKind.Running : HealthKind.Failing;
        var interval = ShortestInterval(settings);
        var reference = Max(lastSuccess, startedAt);
        var stale = state == ServerState.Running && interval is { } i && reference is { } r && now - r > i * StaleAfterIntervals;
        return new ServerHealth(kind, kind == HealthKind.Failing ? failingSince : null, stale, stale ? lastSuccess ?? startedAt : null);
    }

    /// <summary>
    /// The last success and the start of the current failure streak, from run-log records newest first (the service's
    /// memory across restarts).
    /// </summary>
    public static (DateTimeOffset? LastSuccess, DateTimeOffset? FailingSince, string? LastError) FromHistory(IReadOnlyList<RunRecord> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        DateTimeOffset? lastSuccess = null;
        DateTimeOffset? failingSince = null;
        string? lastError = null;
        var streak = true;
        foreach (var record in newestFirst)
        {
            switch (record.Status)
            {
                case RunStatus.Succeeded or RunStatus.Partial:
                    lastSuccess ??= record.FinishedAt ?? record.StartedAt;
                    streak = false;
                    break;
                case RunStatus.Failed when streak:
                    failingSince = record.StartedAt;
                    lastError ??= record.Error;
                    break;
            }

            if (lastSuccess is not null)
            {
                break;
            }
        }

        return (lastSuccess, failingSince, lastError);
    }

    private static TimeSpan? ShortestInterval(ServerOptions settings)
    {
        TimeSpan? shortest = null;
        foreach (JobOptions job in new JobOptions[] { settings.Import, settings.Export })
        {
            if (job.Start != StartMode.Disabled && job.Interval > TimeSpan.Zero && (shortest is null || job.Interval < shortest))
            {
                shortest = job.Interval;
            }
        }

        return shortest;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
