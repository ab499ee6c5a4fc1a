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

    /// <summary>
    /// Receives the delay the client chose before a retry (the shop's <c>Retry-After</c>, else exponential backoff
    /// with jitter) and returns the delay actually waited. The default waits the chosen delay. Tests record the
    /// chosen delay and return <see cref="TimeSpan.Zero"/> so that nothing sleeps for real.
    /// </summary>
    public Func<TimeSpan, TimeSpan> RetryDelay { get; set; } = static delay => delay;
}
