using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Service.Settings;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service.Scheduling;

/// <summary>
/// All configured servers of the service, valid or not: starts those with <c>AutoStart</c> when the host starts,
/// applies changed settings without a restart (<see cref="ApplyAsync"/>) and drains every server when it stops. A
/// server whose settings are invalid is kept in the list with its problems and never holds the others back.
/// </summary>
public sealed class ServerSupervisor : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _applying = new(1, 1);
    private readonly ServerCatalog _catalog;
    private readonly ISyncEngineFactory _engines;
    private readonly IRunLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopTimeout;
    private volatile IReadOnlyList<ServerRunner> _servers;

    internal ServerSupervisor(
        ServerCatalog catalog,
        IOptions<ServiceOptions> serviceOptions,
        ISyncEngineFactory engines,
        IRunLog log,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(serviceOptions);
        ArgumentNullException.ThrowIfNull(loggers);
        _catalog = catalog;
        _engines = engines;
        _log = log;
        _time = time;
        _logger = loggers.CreateLogger<ServerSupervisor>();
        _stopTimeout = serviceOptions.Value.StopTimeout;
        _servers = [.. catalog.Read().Select(NewRunner)];
    }

    /// <summary>The servers in configuration order, invalid ones included.</summary>
    public IReadOnlyList<ServerRunner> Servers => _servers;

    /// <summary>The server named <paramref name="name"/> (case-insensitive), or null.</summary>
    public ServerRunner? Find(string name) =>
        _servers.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            await LoadHistoryAsync(server, cancellationToken).ConfigureAwait(false);
            ReportProblems(server);
        }

        foreach (var server in _servers.Where(s => s.Settings.AutoStart))
        {
            server.Start();
        }
    }

    /// <summary>
    /// Reads the settings again and brings the running servers in line: a new server starts when it starts
    /// automatically, a changed one takes its settings for its next pass (and stops if they became invalid), a removed
    /// one stops before it leaves the list.
    /// </summary>
    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        await _applying.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = _catalog.Read();
            var old = _servers;
            var next = new List<ServerRunner>(entries.Count);
            var added = new List<ServerRunner>();
            foreach (var entry in entries)
            {
                var existing = old.FirstOrDefault(s => string.Equals(s.Name, entry.Name, StringComparison.OrdinalIgnoreCase) && !next.Contains(s));
                if (existing is null)
                {
                    existing = NewRunner(entry);
                    await LoadHistoryAsync(existing, cancellationToken).ConfigureAwait(false);
                    added.Add(existing);
                }
                else
                {
                    existing.Update(entry);
                    if (!entry.IsValid)
                    {
                        await existing.StopAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                ReportProblems(existing);
                next.Add(existing);
            }

            foreach (var removed in old.Where(s => !next.Contains(s)))
            {
                await removed.StopAsync(cancellationToken).ConfigureAwait(false);
                Log.ServerRemoved(_logger, removed.Name);
            }

            _servers = next;
            foreach (var server in added.Where(s => s.Settings.AutoStart))
            {
                server.Start();
            }
        }
        finally
        {
            _applying.Release();
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

    private ServerRunner NewRunner(ServerEntry entry) =>
        new(entry, _engines, _log, _time, _logger, _stopTimeout, _shutdown.Token);

    private async Task LoadHistoryAsync(ServerRunner server, CancellationToken cancellationToken)
    {
        // The page shows the last pass, the last success and a failure streak even before this process made a pass.
        var recent = await _log.ReadRecentAsync(server.Name, 50, cancellationToken).ConfigureAwait(false);
        server.LastRun = recent.Count > 0 ? recent[0] : null;
        var (lastSuccess, failingSince, _) = ServerHealth.FromHistory(recent);
        server.LastSuccessAt = lastSuccess;
        server.FailingSince = failingSince;
    }

    private void ReportProblems(ServerRunner server)
    {
        foreach (var problem in server.Problems)
        {
            Log.ServerInvalid(_logger, server.Name, problem.Message);
        }
    }
}
