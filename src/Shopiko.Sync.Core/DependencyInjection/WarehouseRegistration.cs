namespace Shopiko.Sync.DependencyInjection;

/// <summary>Registers the warehouse part of Shopiko.Sync (called by AddShopikoSync).</summary>
internal static class WarehouseRegistration
{
    internal static void Add(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        // Filled in by the warehouse implementation.
        _ = services;
    }
}
