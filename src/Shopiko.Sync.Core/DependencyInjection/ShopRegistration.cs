namespace Shopiko.Sync.DependencyInjection;

/// <summary>Registers the shop part of Shopiko.Sync (called by AddShopikoSync).</summary>
internal static class ShopRegistration
{
    internal static void Add(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        // Filled in by the shop implementation.
        _ = services;
    }
}
