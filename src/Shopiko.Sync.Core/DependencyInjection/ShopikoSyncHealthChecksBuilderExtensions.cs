using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Diagnostics.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shopiko.Sync health check.</summary>
public static class ShopikoSyncHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of every configured server: unhealthy when a server has had no successful run within
    /// <paramref name="missedIntervals"/> of its intervals, or its last run failed on configuration or authentication;
    /// degraded when its last run quarantined items. Needs <c>AddShopikoSync</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="missedIntervals">Intervals without a successful run before a server is unhealthy.</param>
    /// <param name="failureStatus">Reported instead of <see cref="HealthStatus.Unhealthy"/> (null: unhealthy).</param>
    /// <param name="tags">Tags to filter checks by.</param>
    public static IHealthChecksBuilder AddShopikoSync(
        this IHealthChecksBuilder builder,
        string name = "shopiko-sync",
        int missedIntervals = 3,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(missedIntervals, 1);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SyncRunStatusRegistry>();
        builder.Services.Configure<ShopikoSyncHealthCheckOptions>(name, o => o.MissedIntervals = missedIntervals);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new ShopikoSyncHealthCheck(
                sp.GetRequiredService<SyncRunStatusRegistry>(),
                sp.GetRequiredService<IOptionsMonitor<ShopikoSyncOptions>>(),
                sp.GetRequiredService<IOptionsMonitor<ShopikoSyncHealthCheckOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                name),
            failureStatus,
            tags));
    }
}
