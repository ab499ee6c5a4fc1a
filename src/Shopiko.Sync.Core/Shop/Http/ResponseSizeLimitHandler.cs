using System.Buffers;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Shopiko.Sync.Shop.Http;

/// <summary>
/// Buffers each response body inside the attempt (so the attempt timeout and retries cover reading it) and refuses
/// bodies above <see cref="ShopikoClientOptions.MaxResponseBytes"/> before they exhaust memory.
/// </summary>
internal sealed class ResponseSizeLimitHandler(IOptionsMonitor<ShopikoClientOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxResponseBytes;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength > limit)
            {
                throw TooLarge(response, limit);
            }

            var body = await ReadLimitedAsync(response, limit, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var buffer = new MemoryStream();
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    int read;
                    while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (buffer.Length + read > limit)
                        {
                            throw TooLarge(response, limit);
                        }

                        buffer.Write(chunk, 0, read);
                    }
                }
            }
            catch (IOException ex)
            {
                // A connection dropped mid-body is a network failure like any other: let the retry strategy see it.
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection to the shop broke while reading the response.", ex);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ShopikoApiException TooLarge(HttpResponseMessage response, long limit) => new(
        $"The shop sent a response larger than {limit / (1024 * 1024.0):0.#} MiB, which the client refuses; the shop's address may point to something other than the synchronisation API.",
        ShopikoErrorKind.Protocol,
        response.StatusCode,
        requestId: ShopResponseHeaders.RequestId(response));
}
