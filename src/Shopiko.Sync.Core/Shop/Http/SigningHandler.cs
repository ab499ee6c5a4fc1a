using System.Globalization;

namespace Shopiko.Sync.Shop.Http;

/// <summary>
/// Signs every request just before it goes out. It sits inside the resilience handler, so each retry attempt gets a
/// fresh timestamp and signature (a retry after a long Retry-After would otherwise carry a stale timestamp).
/// </summary>
internal sealed class SigningHandler(TimeProvider timeProvider) : DelegatingHandler
{
    public const string ApiIdHeader = "X-Api-Id";
    public const string TimestampHeader = "X-Timestamp";
    public const string SignatureHeader = "X-Signature";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = ShopRequestSettings.From(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // PathAndQuery is the request target exactly as SocketsHttpHandler writes it on the wire (base path included).
        var signature = RequestSigner.Sign(settings.Key, request.Method.Method, request.RequestUri!.PathAndQuery, timestamp, body);

        var headers = request.Headers;
        headers.Remove(ApiIdHeader);
        headers.Remove(TimestampHeader);
        headers.Remove(SignatureHeader);
        headers.TryAddWithoutValidation(ApiIdHeader, settings.ApiId);
        headers.TryAddWithoutValidation(TimestampHeader, timestamp);
        headers.TryAddWithoutValidation(SignatureHeader, signature);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
