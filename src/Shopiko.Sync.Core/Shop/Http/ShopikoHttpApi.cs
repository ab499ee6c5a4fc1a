using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Shop.Http;

/// <summary>
/// <see cref="IShopikoApi"/> over HTTP: the only class that knows the contract's paths, query parameters and bodies.
/// Signing, retries and timeouts are handlers of the underlying <see cref="HttpClient"/>.
/// </summary>
internal sealed class ShopikoHttpApi : IShopikoApi
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    // Request bodies carry text as UTF-8 rather than \uXXXX escapes (Cyrillic names would be six bytes a letter, and
    // every shop would unescape them); quotes, backslashes and control characters are still escaped, as JSON requires.
    private static readonly JsonSerializerOptions WireOptions = new(ShopikoJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The request's contract path (without the query), for the retry metrics inside the pipeline.</summary>
    internal static readonly HttpRequestOptionsKey<string> PathOption = new("Shopiko.Sync.Shop.Path");

    private readonly HttpClient _http;
    private readonly ShopRequestSettings _settings;
    private readonly int _pageSize;
    private readonly int _batchSize;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SyncMetrics _metrics;

    public ShopikoHttpApi(HttpClient http, ShopRequestSettings settings, int pageSize, int batchSize, TimeProvider timeProvider, ILogger<ShopikoHttpApi> logger, SyncMetrics? metrics = null)
    {
        _metrics = metrics ?? SyncMetrics.Shared;
        _http = http;
        _settings = settings;
        _pageSize = pageSize;
        _batchSize = batchSize;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Task<ShopInfo> GetShopAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ShopInfo>(HttpMethod.Get, "shop", null, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertCategoriesAsync(IReadOnlyList<CategoryUpsert> items, CancellationToken cancellationToken = default) =>
        BatchAsync("categories/batch", items, cancellationToken);

    public IAsyncEnumerable<ShopCategory> GetCategoriesAsync(CancellationToken cancellationToken = default) =>
        PagesAsync<ShopCategory>("categories", null, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkCategoriesAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) =>
        BatchAsync("categories/links", items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertProductsAsync(IReadOnlyList<ProductUpsert> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);

        // The wire wants money with 2 decimals; the engine already rounds, so this only fixes the written scale.
        return BatchAsync("products/batch", items.Select(p => p with { Price = Money(p.Price) }).ToList(), cancellationToken);
    }

    public IAsyncEnumerable<ShopProduct> GetProductsAsync(DateTimeOffset? updatedSince = null, CancellationToken cancellationToken = default) =>
        PagesAsync<ShopProduct>("products", UpdatedSince(updatedSince), cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkProductsAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) =>
        BatchAsync("products/links", items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpdateStockAsync(IReadOnlyList<StockUpsert> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);

        // Quantities go with 3 decimals (17.000), as the contract writes them.
        return BatchAsync("stock/batch", items.Select(s => s with { Quantity = Math.Round(s.Quantity, 3, MidpointRounding.AwayFromZero) + 0.000m }).ToList(), cancellationToken);
    }

    public Task<IReadOnlyList<BatchItemResult>> UpsertCustomersAsync(IReadOnlyList<CustomerUpsert> items, CancellationToken cancellationToken = default) =>
        BatchAsync("customers/batch", items, cancellationToken);

    public IAsyncEnumerable<ShopCustomer> GetCustomersAsync(DateTimeOffset? updatedSince = null, CancellationToken cancellationToken = default) =>
        PagesAsync<ShopCustomer>("customers", UpdatedSince(updatedSince), cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkCustomersAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) =>
        BatchAsync("customers/links", items, cancellationToken);

    public IAsyncEnumerable<ShopOrder> GetPendingOrdersAsync(CancellationToken cancellationToken = default) =>
        PagesAsync<ShopOrder>("orders", "state=pending", cancellationToken);

    public async Task AcknowledgeOrderAsync(string orderId, int revision, string document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);

        // Retried like any request: acking the same revision with the same document again answers 200, so a retry
        // after a dropped connection whose first attempt was applied is harmless.
        using var response = await SendRawAsync(HttpMethod.Post, $"orders/{Uri.EscapeDataString(orderId)}/ack", new AckRequest(revision, document), cancellationToken).ConfigureAwait(false);
        Log.OrderAcknowledged(_logger, orderId, revision, document);
    }

    public async Task<PendingOrdersPeek> PeekPendingOrdersAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, "orders?state=pending&limit=1", null, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Page<ShopOrder>? page;
        try
        {
            page = JsonSerializer.Deserialize<Page<ShopOrder>>(bytes, ShopikoJson.Options);
        }
        catch (JsonException ex)
        {
            throw ShopErrors.Protocol($"The shop answered GET orders with JSON that does not follow the contract: {ex.Message}", response, ex, _settings.Key);
        }

        var items = page?.Items ?? throw ShopErrors.Protocol("The shop answered GET orders without \"items\".", response, null, _settings.Key);
        return new PendingOrdersPeek(items.Count > 0, ShopRateLimit.Parse(Header(response, "X-RateLimit-Limit"), Header(response, "X-RateLimit-Remaining"), Header(response, "X-RateLimit-Reset")));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static string? UpdatedSince(DateTimeOffset? since) =>
        since is { } s ? "updatedSince=" + Uri.EscapeDataString(ShopikoJson.FormatTimestamp(s)) : null;

    private async Task<IReadOnlyList<BatchItemResult>> BatchAsync<T>(string path, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<BatchItemResult>(items.Count);
        for (var offset = 0; offset < items.Count; offset += _batchSize)
        {
            var chunk = Slice(items, offset, Math.Min(_batchSize, items.Count - offset));
            using var activity = SyncActivities.StartShopBatch(path, chunk.Count);

            // Batch PUTs are upserts keyed by externalId (or shop id for links): repeating one after a failed or
            // dropped attempt leaves the shop as one attempt would, which is why the pipeline may retry them.
            var answer = await SendAsync<BatchResponse>(HttpMethod.Put, path, new BatchRequest<T>(chunk), cancellationToken).ConfigureAwait(false);
            if (answer.Results is null || answer.Results.Count != chunk.Count)
            {
                throw ShopErrors.Protocol(
                    $"The shop answered PUT {path} with {answer.Results?.Count ?? 0} results for {chunk.Count} items; the contract requires one result per item.",
                    null, null, _settings.Key);
            }

            results.AddRange(answer.Results);
            Log.BatchSent(_logger, path, chunk.Count, answer.Results.Count(r => !r.Succeeded));
        }

        return results;
    }

    private static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int offset, int count)
    {
        if (offset == 0 && count == items.Count)
        {
            return items;
        }

        var chunk = new T[count];
        for (var i = 0; i < count; i++)
        {
            chunk[i] = items[offset + i];
        }

        return chunk;
    }

    private async IAsyncEnumerable<T> PagesAsync<T>(string path, string? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var target = string.Create(CultureInfo.InvariantCulture, $"{path}?{(query is null ? "" : query + "&")}limit={_pageSize}")
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await SendAsync<Page<T>>(HttpMethod.Get, target, null, cancellationToken).ConfigureAwait(false);
            var items = page.Items ?? throw ShopErrors.Protocol($"The shop answered GET {path} without \"items\".", null, null, _settings.Key);
            var next = string.IsNullOrEmpty(page.NextCursor) ? null : page.NextCursor;
            if (next is not null && next == cursor)
            {
                throw ShopErrors.Protocol($"The shop answered GET {path} with the same cursor again; paging would never end.", null, null, _settings.Key);
            }

            Log.PageReceived(_logger, path, items.Count, next is not null);
            foreach (var item in items)
            {
                yield return item;
            }

            cursor = next;
        }
        while (cursor is not null);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string target, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, target, body, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ShopikoJson.Options)
                ?? throw ShopErrors.Protocol($"The shop answered {method} {PathOf(target)} with an empty body.", response, null, _settings.Key);
        }
        catch (JsonException ex)
        {
            throw ShopErrors.Protocol($"The shop answered {method} {PathOf(target)} with JSON that does not follow the contract: {ex.Message}", response, ex, _settings.Key);
        }
    }

    /// <summary>Sends one request through the pipeline and returns the (buffered) 2xx response, or throws.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string target, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, target);
        request.Options.Set(ShopRequestSettings.OptionsKey, _settings);
        if (body is not null)
        {
            // Bytes, not a stream: the signing handler hashes them and every retry re-sends them.
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), WireOptions);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = JsonMediaType;
            request.Content = content;
            request.Options.Set(SigningHandler.BodyOption, new KnownBody(content, bytes));
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var path = PathOf(target);
        var started = _timeProvider.GetTimestamp();
        request.Options.Set(PathOption, path);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (ShopikoApiException ex)
        {
            _metrics.ShopRequest(method.Method, path, (int?)ex.StatusCode, ErrorType(ex.Kind), _timeProvider.GetElapsedTime(started));
            Log.RequestFailed(_logger, method.Method, path, ex.Kind, (int?)ex.StatusCode, ex.ErrorCode, ex.RequestId);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            var message = ex is HttpRequestException
                ? $"Could not reach the shop at {_http.BaseAddress?.GetLeftPart(UriPartial.Authority)} ({ex.Message}) after retries — check the internet connection and Shop.BaseUrl."
                : $"The shop did not answer {method} {path} in time (attempt timeout {_settings.AttemptTimeout}, total {_settings.TotalTimeout}) — try again later.";
            Log.RequestFailed(_logger, method.Method, path, ShopikoErrorKind.Unavailable, null, null, null);
            _metrics.ShopRequest(method.Method, path, null, ex is HttpRequestException ? "connection" : "timeout", _timeProvider.GetElapsedTime(started));
            throw ShopErrors.Unavailable(message, _settings.Key, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            _metrics.ShopRequest(method.Method, path, (int)response.StatusCode, null, _timeProvider.GetElapsedTime(started));
            return response;
        }

        using (response)
        {
            var errorBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var error = ShopErrors.FromResponse(response, errorBody, method.Method, path, _timeProvider, _settings.Key);
            Log.RequestFailed(_logger, method.Method, path, error.Kind, (int)response.StatusCode, error.ErrorCode, error.RequestId);
            _metrics.ShopRequest(method.Method, path, (int)response.StatusCode, ErrorType(error.Kind), _timeProvider.GetElapsedTime(started));
            throw error;
        }
    }

    /// <summary>The <c>error.type</c> of a shop failure: its kind in snake case.</summary>
    internal static string ErrorType(ShopikoErrorKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static string PathOf(string target)
    {
        var q = target.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? target : target[..q];
    }
}
