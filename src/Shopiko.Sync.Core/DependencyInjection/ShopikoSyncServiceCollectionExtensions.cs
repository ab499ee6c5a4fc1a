using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;

// Entry points live in the DI namespace, as Microsoft.Extensions.* and Polly do, so `services.AddShopikoSync()` is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Shopiko.Sync.</summary>
public static class ShopikoSyncServiceCollectionExtensions
{
    /// <summary>
    /// Adds the warehouse store, the shop API client and the sync engine. Each server's settings are validated on their
    /// own (<see cref="ShopikoSyncValidation.ValidateServers"/>) and when its engine is created, so one bad server never
    /// stops the others.
    /// </summary>
    public static ShopikoSyncBuilder AddShopikoSync(this IServiceCollection services, Action<ShopikoSyncOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ShopikoSyncOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        Shopiko.Sync.DependencyInjection.WarehouseRegistration.Add(services);
        Shopiko.Sync.DependencyInjection.ShopRegistration.Add(services);
        Shopiko.Sync.DependencyInjection.EngineRegistration.Add(services);
        return new ShopikoSyncBuilder(services);
    }

    /// <summary>Adds Shopiko.Sync bound to a configuration section shaped like <c>ShopikoSync</c>.</summary>
    public static ShopikoSyncBuilder AddShopikoSync(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddShopikoSync();
        // Bound server by server (not with Configure(section)): the plain binder drops a server whose value does not
        // convert, silently; this one keeps it with the reason (ShopikoSyncValidation.ValidateServers).
        services.Configure<ShopikoSyncOptions>(o => ShopikoSyncConfiguration.Bind(section, o));
        services.AddSingleton<IOptionsChangeTokenSource<ShopikoSyncOptions>>(new ConfigurationChangeTokenSource<ShopikoSyncOptions>(section));
        return builder;
    }
}
