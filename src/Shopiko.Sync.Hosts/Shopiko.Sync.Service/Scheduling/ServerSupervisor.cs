using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sync;
using Shopiko.Sync.Sync.RunLog;

namespace Shopiko.Sync.Service.Scheduling;

/// <summary>
/// All configured servers of the service: starts those with <c>AutoStart</c> when the host starts and drains every
/// server when it stops.
/// </summary>
public sealed class ServerSupervisor : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly IRunLog _log;
    private readonly List<ServerRunner> _servers;

    /// <summary>Creates the runners of the configured servers.</summary>
    public ServerSupervisor(
        IOptions<ShopikoSyncOptions> options,
        IOptions<ServiceOptions> serviceOptions,
        ISyncEngineFactory engines,
        IRunLog log,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serviceOptions);
        ArgumentNullException.ThrowIfNull(loggers);
        _log = log;
        var logger = loggers.CreateLogger<ServerSupervisor>();
        _servers = [.. options.Value.Servers.Select(s => new ServerRunner(
            s, engines, log, time, logger, serviceOptions.Value.StopTimeout, _shutdown.Token))];
    }

    /// <summary>The servers in configuration order.</summary>
    public IReadOnlyList<ServerRunner> Servers => _servers;

    /// <summary>The server named <paramref name="name"/> (case-insensitive), or null.</summary>
    public ServerRunner? Find(string name) =>
        _servers.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            // The page shows the last pass even before this process made one.
            var last = await _log.ReadRecentAsync(server.Name, 1, cancellationToken).ConfigureAwait(false);
            server.LastRun = last.Count > 0 ? last[0] : null;
        }

        foreach (var server in _servers.Where(s => s.Settings.AutoStart))
        {
            server.Start();
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new pass may start from here on; the running ones end at their next item boundary.
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_servers.Select(s => s.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _shutdown.Dispose();
}
