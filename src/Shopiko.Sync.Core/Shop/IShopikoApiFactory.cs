using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Shop;

/// <summary>Creates the API client of a server's shop (an <c>IHttpClientFactory</c> client underneath).</summary>
public interface IShopikoApiFactory
{
    /// <summary>Creates a client for <paramref name="options"/>.</summary>
    /// <exception cref="Configuration.ShopikoConfigurationException">Base URL not HTTPS off loopback, missing API ID or key.</exception>
    IShopikoApi Create(ShopConnectionOptions options);
}
