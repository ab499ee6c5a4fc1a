using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Http;

namespace Shopiko.Sync.DependencyInjection;

/// <summary>Registers the shop part of Shopiko.Sync (called by AddShopikoSync).</summary>
internal static class ShopRegistration
{
    internal static void Add(IServiceCollection services)
    {
        // Handlers are appended per call: register the named client once even if AddShopikoSync runs twice.
        if (services.Any(d => d.ServiceType == typeof(IShopikoApiFactory)))
        {
            return;
        }

        services.AddOptions<ShopikoClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IShopikoApiFactory, ShopikoApiFactory>();

        // Outermost first: resilience (total timeout → retry → attempt timeout), then signing (fresh per attempt),
        // then the size-limited buffering of the body (inside the attempt, so its timeout and retries cover it).
        services.TryAddTransient<SigningHandler>();
        services.TryAddTransient<ResponseSizeLimitHandler>();
        var client = services.AddHttpClient(ShopikoApiFactory.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(ShopResilience.PipelineName, ShopResilience.Configure);
        client.AddHttpMessageHandler<SigningHandler>()
            .AddHttpMessageHandler<ResponseSizeLimitHandler>();
    }
}
