using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Shop.Http;

/// <summary>Creates <see cref="ShopikoHttpApi"/> clients over the named <see cref="HttpClientName"/> client.</summary>
internal sealed class ShopikoApiFactory(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<ShopikoHttpApi> logger, Diagnostics.SyncMetrics? metrics = null) : IShopikoApiFactory
{
    /// <summary>The <see cref="IHttpClientFactory"/> client name, for integrators who want to add handlers.</summary>
    public const string HttpClientName = "Shopiko.Sync.Shop";

    public IShopikoApi Create(ShopConnectionOptions options)
    {
        var baseUrl = ShopConnectionValidation.Validate(options);
        var http = httpClientFactory.CreateClient(HttpClientName);
        http.BaseAddress = baseUrl;
        var settings = new ShopRequestSettings(options.ApiId.Trim(), options.Key, options.AttemptTimeout, options.TotalTimeout, options.MaxRetries);
        return new ShopikoHttpApi(http, settings, options.PageSize, options.BatchSize, timeProvider, logger, metrics);
    }
}
