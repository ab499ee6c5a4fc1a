using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Shop.Http;

/// <summary>Checks <see cref="ShopConnectionOptions"/> before any request is made.</summary>
internal static class ShopConnectionValidation
{
    /// <summary>Validates <paramref name="options"/> and returns the base URL.</summary>
    /// <param name="options">The shop settings.</param>
    /// <param name="prefix">How the settings are named in messages, e.g. <c>Servers[0].Shop</c>.</param>
    public static Uri Validate(ShopConnectionOptions options, string prefix = "Shop")
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrlSetting = prefix + ".BaseUrl";
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            throw new ShopikoConfigurationException($"{baseUrlSetting} is not set: enter the shop's synchronisation address, e.g. https://myshop.example/api/microinvest/v1/.", baseUrlSetting);
        }

        if (!Uri.TryCreate(options.BaseUrl.Trim(), UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ShopikoConfigurationException($"{baseUrlSetting} '{options.BaseUrl}' is not an absolute http(s) address, e.g. https://myshop.example/api/microinvest/v1/.", baseUrlSetting);
        }

        if (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback)
        {
            throw new ShopikoConfigurationException($"{baseUrlSetting} '{options.BaseUrl}' must use https:// — the shop's API is only reachable unencrypted on this computer (localhost).", baseUrlSetting);
        }

        if (!baseUrl.AbsolutePath.EndsWith('/') || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            throw new ShopikoConfigurationException($"{baseUrlSetting} '{options.BaseUrl}' must end with '/' and carry no query, e.g. https://myshop.example/api/microinvest/v1/.", baseUrlSetting);
        }

        if (string.IsNullOrWhiteSpace(options.ApiId))
        {
            throw new ShopikoConfigurationException($"{prefix}.ApiId is not set: copy the API Идентификатор from Microinvest Синхронизация in the shop's admin.", prefix + ".ApiId");
        }

        // The key is opaque: never validate its length or alphabet, only that there is one.
        if (string.IsNullOrEmpty(options.Key))
        {
            throw new ShopikoConfigurationException($"{prefix}.Key is not set: copy the Ключ from Microinvest Синхронизация in the shop's admin.", prefix + ".Key");
        }

        Range(options.PageSize, 1, 500, prefix + ".PageSize");
        Range(options.BatchSize, 1, 500, prefix + ".BatchSize");
        Range(options.MaxRetries, 0, 100, prefix + ".MaxRetries");
        Positive(options.AttemptTimeout, prefix + ".AttemptTimeout");
        Positive(options.TotalTimeout, prefix + ".TotalTimeout");
        return baseUrl;
    }

    private static void Range(int value, int min, int max, string setting)
    {
        if (value < min || value > max)
        {
            throw new ShopikoConfigurationException($"{setting} is {value}; it must be between {min} and {max}.", setting);
        }
    }

    private static void Positive(TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ShopikoConfigurationException($"{setting} is {value}; it must be positive.", setting);
        }
    }
}
