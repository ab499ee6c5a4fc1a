using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Testing;

namespace Shopiko.Sync.Core.Tests.Shop;

/// <summary>A client built by AddShopikoSync whose primary handler is a <see cref="CapturingHandler"/> and whose clock is fake.</summary>
internal sealed class ClientHarness : IDisposable
{
    public const string Key = "892b2466d9611628358bfd292745bf3bdadb737";
    public const string ApiId = "3267435611954348033";

    private readonly ServiceProvider _services;

    public ClientHarness(Action<ShopConnectionOptions>? configure = null, Action<ShopikoClientOptions>? client = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddShopikoSync();
        if (client is not null)
        {
            services.Configure(client);
        }

        services.AddHttpClient("Shopiko.Sync.Shop").ConfigurePrimaryHttpMessageHandler(() => Handler);
        _services = services.BuildServiceProvider();
        Options = new ShopConnectionOptions { BaseUrl = "https://shop.example/api/microinvest/v1/", ApiId = ApiId, Key = Key };
        configure?.Invoke(Options);
        Api = _services.GetRequiredService<IShopikoApiFactory>().Create(Options);
    }

    /// <summary>The client's clock: waiting is simulated, the fake clock moves on by each wait, nothing sleeps.</summary>
    public WaitSkippingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 13, 20, 0, TimeSpan.Zero));

    public CapturingHandler Handler { get; } = new();

    public IReadOnlyCollection<TimeSpan> Delays => Time.Waits;

    public ShopConnectionOptions Options { get; }

    public IShopikoApi Api { get; }

    public IShopikoApiFactory Factory => _services.GetRequiredService<IShopikoApiFactory>();

    public void Dispose() => _services.Dispose();
}
