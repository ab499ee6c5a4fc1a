using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Testing;

namespace Shopiko.Sync.IntegrationTests.Shop;

/// <summary>A sandbox shop on loopback plus a client built the way integrators build it (AddShopikoSync), whose retry waits are recorded instead of slept.</summary>
internal sealed class SandboxClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SandboxClient(SandboxShop shop, ServiceProvider services, IShopikoApi api, ConcurrentQueue<TimeSpan> delays)
    {
        Shop = shop;
        _services = services;
        Api = api;
        Delays = delays;
    }

    public SandboxShop Shop { get; }

    public IShopikoApi Api { get; }

    /// <summary>The delays the client chose before each retry (none was waited).</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; }

    public SandboxState State => Shop.State;

    public static async Task<SandboxClient> StartAsync(
        Action<ShopConnectionOptions>? configure = null,
        TimeProvider? clientTime = null,
        SandboxShopOptions? shopOptions = null)
    {
        var shop = await SandboxShop.StartAsync(shopOptions);
        var time = new WaitSkippingTimeProvider(clientTime);
        var delays = time.Waits;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddShopikoSync();
        var provider = services.BuildServiceProvider();
        var options = new ShopConnectionOptions
        {
            BaseUrl = shop.BaseUrl.ToString(),
            ApiId = shop.ApiId,
            Key = shop.Key,
            AttemptTimeout = TimeSpan.FromSeconds(20),
            TotalTimeout = TimeSpan.FromSeconds(60),
        };
        configure?.Invoke(options);
        var api = provider.GetRequiredService<IShopikoApiFactory>().Create(options);
        return new SandboxClient(shop, provider, api, delays);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Shop.DisposeAsync();
    }
}
