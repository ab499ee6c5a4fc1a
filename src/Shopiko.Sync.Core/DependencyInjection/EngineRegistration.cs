namespace Shopiko.Sync.DependencyInjection;

/// <summary>Registers the engine part of Shopiko.Sync (called by AddShopikoSync).</summary>
internal static class EngineRegistration
{
    internal static void Add(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        // Filled in by the engine implementation.
        _ = services;
    }
}
