using System.Text.Json.Serialization;

namespace Shopiko.Sync.Engine.RunLog;

/// <summary>Where a run stands in the run log.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    /// <summary>Started and not finished (or the process ended before it could record the end).</summary>
    [JsonStringEnumMemberName("running")] Running,
    /// <summary>Everything went through.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    /// <summary>Finished with items quarantined or failed.</summary>
    [JsonStringEnumMemberName("partial")] Partial,
    /// <summary>Stopped by an error.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>Stopped on request between two items; what was written is whole.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>
/// One run of one server as the run log keeps it: written once when the run starts and once more, under the same
/// <see cref="Id"/>, when it ends. The later line wins when the log is read.
/// </summary>
public sealed record RunRecord
{
    /// <summary>Unique id of the run.</summary>
    public required string Id { get; init; }
    /// <summary>The server.</summary>
    public required string Server { get; init; }
    /// <summary><c>export</c>, <c>import</c> or <c>sync</c>.</summary>
    public required string Operation { get; init; }
    /// <summary>What started it: <c>cli</c>, <c>schedule</c>, <c>manual</c>, <c>demo</c>.</summary>
    public string Trigger { get; init; } = "cli";
    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When it ended; null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Where it stands.</summary>
    public RunStatus Status { get; init; } = RunStatus.Running;
    /// <summary>Why it failed or stopped, in one line.</summary>
    public string? Error { get; init; }
    /// <summary>The engine's report, when the run ended with one.</summary>
    public RunReport? Report { get; init; }
}
