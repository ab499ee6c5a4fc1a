using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.DependencyInjection;

/// <summary>Registers the warehouse part of Shopiko.Sync (called by AddShopikoSync).</summary>
internal static class WarehouseRegistration
{
    internal static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWarehouseStoreFactory>(sp => new WarehouseStoreFactory(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
    }
}
