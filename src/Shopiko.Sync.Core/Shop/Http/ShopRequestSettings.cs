namespace Shopiko.Sync.Shop.Http;

/// <summary>
/// The per-shop settings one request needs inside the shared handler pipeline (credentials for signing, timeouts and
/// retries for the resilience handler). Travels in <see cref="HttpRequestMessage.Options"/>, never on the wire.
/// </summary>
internal sealed class ShopRequestSettings(string apiId, string key, TimeSpan attemptTimeout, TimeSpan totalTimeout, int maxRetries)
{
    public static readonly HttpRequestOptionsKey<ShopRequestSettings> OptionsKey = new("Shopiko.Sync.Shop.RequestSettings");

    public string ApiId { get; } = apiId;

    public string Key { get; } = key;

    public TimeSpan AttemptTimeout { get; } = attemptTimeout;

    public TimeSpan TotalTimeout { get; } = totalTimeout;

    public int MaxRetries { get; } = maxRetries;

    public static ShopRequestSettings From(HttpRequestMessage request) =>
        request.Options.TryGetValue(OptionsKey, out var settings)
            ? settings
            : throw new InvalidOperationException("A request reached the Shopiko pipeline without shop settings; create clients through IShopikoApiFactory.");

    // Records would print the key; this prints what is safe.
    public override string ToString() => $"API ID {ApiId}, key ****";
}
