using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Engine;

/// <summary>Creates the engine of a configured server from the store and shop factories.</summary>
internal sealed class SyncEngineFactory(
    IOptionsMonitor<ShopikoSyncOptions> options,
    IWarehouseStoreFactory stores,
    IShopikoApiFactory shops,
    TimeProvider time,
    ILoggerFactory loggers,
    Diagnostics.SyncMetrics? metrics = null) : ISyncEngineFactory
{
    /// <inheritdoc />
    public IReadOnlyList<string> ServerNames => options.CurrentValue.Servers.Select(s => s.Name).ToList();

    /// <inheritdoc />
    public ISyncEngine Create(string? serverName = null)
    {
        var current = options.CurrentValue;
        var servers = current.Servers;
        int index;
        if (serverName is null)
        {
            if (servers.Count != 1)
            {
                throw new ArgumentException(servers.Count == 0
                    ? "No server is configured: add one under ShopikoSync:Servers."
                    : $"Several servers are configured ({string.Join(", ", servers.Select(s => s.Name))}): name the one to run.", nameof(serverName));
            }

            index = 0;
        }
        else
        {
            index = servers.FindIndex(s => string.Equals(s.Name, serverName, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new ArgumentException($"No server is named '{serverName}'. Configured: {string.Join(", ", servers.Select(s => s.Name))}.", nameof(serverName));
            }
        }

        var server = servers[index];
        var validation = current.ValidateServer(index);
        if (!validation.IsValid)
        {
            metrics?.Registry.Record(new RunReport { Server = server.Name, Outcome = RunOutcome.Failed, Error = validation.Summary, FinishedAt = time.GetUtcNow() }, Diagnostics.RunFailureKind.Configuration);
            throw validation.ToException();
        }

        // The built-in store brings its sync state on the same database gateway; a store of a replaced factory gets one.
        var store = stores.Create(server.Warehouse);
        var logger = loggers.CreateLogger<SyncEngine>();
        return new SyncEngine(
            server,
            store,
            State.SyncStateStore.Of(store, server.Warehouse, time, loggers.CreateLogger<State.SyncStateStore>()),
            shops.Create(server.Shop),
            time,
            logger,
            ShopikoSyncOptionsValidator.SettingsPath(server, index),
            metrics);
    }
}
