using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Diagnostics.Health;

/// <summary>
/// Every configured server's health: unhealthy when it has had no successful run within
/// <see cref="ShopikoSyncHealthCheckOptions.MissedIntervals"/> intervals or its last run failed on configuration or
/// authentication; degraded when its last run quarantined items or failed in a way a later run may recover from.
/// The result's data holds a <see cref="ServerHealthReport"/> per server, by name.
/// </summary>
internal sealed class ShopikoSyncHealthCheck(
    SyncRunStatusRegistry registry,
    IOptionsMonitor<ShopikoSyncOptions> options,
    IOptionsMonitor<ShopikoSyncHealthCheckOptions> checkOptions,
    TimeProvider time,
    string name) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var missed = checkOptions.Get(name).MissedIntervals;
        var configured = options.CurrentValue.Servers;
        var names = configured.Select(s => s.Name)
            .Concat(registry.Servers.Select(s => s.Server))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var reports = names
            .Select(n => ServerHealth.Evaluate(
                n,
                configured.FirstOrDefault(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase)),
                registry.Find(n),
                registry.WatchingSince,
                now,
                missed))
            .ToList();
        var data = reports.ToDictionary(r => r.Server, r => (object)r, StringComparer.OrdinalIgnoreCase);
        var worst = reports.Count == 0 ? HealthStatus.Healthy : reports.Min(r => r.Status);
        var description = worst == HealthStatus.Healthy
            ? $"{reports.Count} server(s) healthy."
            : string.Join(" ", reports.Where(r => r.Status != HealthStatus.Healthy).Select(r => $"{r.Server}: {r.Reason}"));
        return Task.FromResult(new HealthCheckResult(worst == HealthStatus.Unhealthy ? context.Registration.FailureStatus : worst, description, data: data));
    }
}
