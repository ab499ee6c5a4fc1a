namespace Shopiko.Sync.Diagnostics.Health;

/// <summary>When the Shopiko.Sync health check calls a server unhealthy.</summary>
public sealed class ShopikoSyncHealthCheckOptions
{
    /// <summary>
    /// A server is unhealthy when it has had no successful run for this many of its intervals (the shorter of its
    /// import and export intervals, counted from its start delay). At least 1.
    /// </summary>
    public int MissedIntervals { get; set; } = 3;
}
