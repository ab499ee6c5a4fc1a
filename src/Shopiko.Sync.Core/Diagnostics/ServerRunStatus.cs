using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Diagnostics;

/// <summary>What the last runs of one server came to, as the health check and the gauges see it.</summary>
public sealed record ServerRunStatus
{
    /// <summary>The server.</summary>
    public required string Server { get; init; }

    /// <summary>When the last run ended.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>The last run's operation (<c>import</c>, <c>export</c>, <c>sync</c>).</summary>
    public string? LastOperation { get; init; }

    /// <summary>How the last run ended.</summary>
    public RunOutcome? LastOutcome { get; init; }

    /// <summary>Why the last run failed (<see cref="RunFailureKind.None"/> when it did not).</summary>
    public RunFailureKind LastFailure { get; init; }

    /// <summary>The last run's error message, when it failed.</summary>
    public string? LastError { get; init; }

    /// <summary>When the last run that finished (succeeded or partial) ended.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Items the last run held back.</summary>
    public int Quarantined { get; init; }
}
