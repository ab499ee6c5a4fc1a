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

    /// <summary>
    /// The bytes of a request's content as its sender wrote them, so the signature need not read the content back (a
    /// copy of every batch body, large enough for the large-object heap). Used only while the request still carries
    /// that content.
    /// </summary>
    internal static readonly HttpRequestOptionsKey<KnownBody> BodyOption = new("Shopiko.Sync.Shop.Body");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = ShopRequestSettings.From(request);
        ReadOnlyMemory<byte> body = request.Content is null ? Array.Empty<byte>()
            : request.Options.TryGetValue(BodyOption, out var known) && ReferenceEquals(known.Content, request.Content) ? known.Bytes
            : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // PathAndQuery is the request target exactly as SocketsHttpHandler writes it on the wire (base path included).
        var signature = RequestSigner.Sign(settings.Key, request.Method.Method, request.RequestUri!.PathAndQuery, timestamp, body.Span);

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

/// <summary>A request content and the bytes it sends.</summary>
/// <param name="Content">The content the bytes belong to.</param>
/// <param name="Bytes">What it sends.</param>
internal sealed record KnownBody(HttpContent Content, byte[] Bytes);
