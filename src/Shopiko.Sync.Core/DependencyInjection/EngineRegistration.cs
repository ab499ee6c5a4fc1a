using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.DependencyInjection;

/// <summary>Registers the engine part of Shopiko.Sync (called by AddShopikoSync).</summary>
internal static class EngineRegistration
{
    internal static void Add(IServiceCollection services)
    {
        // Settings are validated per server (ShopikoSyncValidation), not on host start: one bad server must not stop the rest.
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<ISyncEngineFactory, SyncEngineFactory>();
        services.TryAddSingleton<Shopiko.Sync.Diagnostics.SyncRunStatusRegistry>();
        services.TryAddSingleton(sp => new Shopiko.Sync.Diagnostics.SyncMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<Shopiko.Sync.Diagnostics.SyncRunStatusRegistry>()));
    }
}
