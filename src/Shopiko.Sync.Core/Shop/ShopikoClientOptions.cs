namespace Shopiko.Sync.Shop;

/// <summary>
/// Process-wide settings of the shop HTTP client (the per-shop settings are in
/// <see cref="Configuration.ShopConnectionOptions"/>). Configure with <c>services.Configure&lt;ShopikoClientOptions&gt;(…)</c>.
/// </summary>
public sealed class ShopikoClientOptions
{
    /// <summary>The default response size limit: 32 MiB.</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>Responses larger than this are refused as a protocol error instead of being buffered.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;
}
