using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Shopiko.Sync.Shop.Http;

/// <summary>Turns what the shop answered into a <see cref="ShopikoApiException"/> a merchant can act on.</summary>
internal static class ShopErrors
{
    public static ShopikoApiException FromResponse(HttpResponseMessage response, byte[] body, string method, string path, TimeProvider timeProvider, string key)
    {
        var (code, serverMessage) = ReadError(body);
        var status = response.StatusCode;
        var kind = KindOf(status, code);
        var retryAfter = ShopResponseHeaders.RetryAfter(response, timeProvider);
        var requestId = ShopResponseHeaders.RequestId(response);
        var message = MessageFor(kind, status, code, serverMessage, retryAfter, method, path)
            + (requestId is null ? "" : $" (shop request id {requestId})");
        return new ShopikoApiException(Redact(message, key), kind, status, code, requestId, retryAfter);
    }

    public static ShopikoApiException Protocol(string message, HttpResponseMessage? response, Exception? inner, string key) =>
        new(Redact(message, key), ShopikoErrorKind.Protocol, response?.StatusCode,
            requestId: response is null ? null : ShopResponseHeaders.RequestId(response), innerException: inner);

    public static ShopikoApiException Unavailable(string message, string key, Exception? inner) =>
        new(Redact(message, key), ShopikoErrorKind.Unavailable, innerException: inner);

    internal static ShopikoErrorKind KindOf(HttpStatusCode status, string? code) => code switch
    {
        "unknown_api_id" or "invalid_signature" or "stale_timestamp" => ShopikoErrorKind.Authentication,
        "addon_inactive" => ShopikoErrorKind.AddonInactive,
        "validation_failed" => ShopikoErrorKind.Validation,
        "not_found" => ShopikoErrorKind.NotFound,
        "conflict" => ShopikoErrorKind.Conflict,
        "batch_too_large" => ShopikoErrorKind.BatchTooLarge,
        "rate_limited" => ShopikoErrorKind.RateLimited,
        _ => (int)status switch
        {
            401 or 403 => ShopikoErrorKind.Authentication,
            400 or 422 => ShopikoErrorKind.Validation,
            404 => ShopikoErrorKind.NotFound,
            409 => ShopikoErrorKind.Conflict,
            413 => ShopikoErrorKind.BatchTooLarge,
            429 => ShopikoErrorKind.RateLimited,
            408 or >= 500 => ShopikoErrorKind.Unavailable,
            _ => ShopikoErrorKind.Other,
        },
    };

    private static string MessageFor(ShopikoErrorKind kind, HttpStatusCode status, string? code, string? serverMessage, TimeSpan? retryAfter, string method, string path)
    {
        var said = string.IsNullOrWhiteSpace(serverMessage) ? "" : $" The shop said: {serverMessage.Trim()}";
        var http = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}{(code is null ? "" : " " + code)}");
        return code switch
        {
            "unknown_api_id" => "The API ID is not known to the shop — copy it again from Microinvest Синхронизация in the shop's admin (setting Shop.ApiId).",
            "invalid_signature" => "The shop rejected the request signature: the key does not belong to this API ID — copy the key (Ключ) again from Microinvest Синхронизация in the shop's admin (setting Shop.Key).",
            "stale_timestamp" => "The shop rejected the request time: this computer's clock differs from the shop's by more than 5 minutes — correct the date, time and time zone of this computer (turn on automatic time synchronisation).",
            "addon_inactive" => "The Microinvest Синхронизация add-on is not active in the shop — activate it in the shop's admin and try again; nothing was changed.",
            _ => kind switch
            {
                ShopikoErrorKind.Authentication => $"The shop refused the credentials ({http}) — check the API ID and key from Microinvest Синхронизация.{said}",
                ShopikoErrorKind.RateLimited => $"The shop is limiting the request rate and asked to wait {Seconds(retryAfter)} — try again later.{said}",
                ShopikoErrorKind.BatchTooLarge => $"The shop refused a batch as too large ({http}) — lower Shop.BatchSize (at most 500).{said}",
                ShopikoErrorKind.Validation => $"The shop rejected {method} {path} as invalid ({http}).{said}",
                ShopikoErrorKind.NotFound => $"The shop does not know {method} {path} ({http}) — check that Shop.BaseUrl points to the synchronisation API.{said}",
                ShopikoErrorKind.Conflict => $"The shop reported a conflict for {method} {path} ({http}).{said}",
                ShopikoErrorKind.Unavailable => $"The shop is unavailable ({http}) and did not recover after retries — try again later.{said}",
                _ => $"The shop answered {method} {path} with {http}.{said}",
            },
        };
    }

    private static string Seconds(TimeSpan? retryAfter) =>
        retryAfter is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.TotalSeconds:0.#} s") : "a while";

    private static (string? Code, string? Message) ReadError(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return (StringOf(error, "code"), StringOf(error, "message"));
            }
        }
        catch (JsonException)
        {
            // Not the contract's error body (a proxy's HTML page, say): the status alone decides.
        }

        return (null, null);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The key is never sent, so a shop cannot echo it; this is a belt-and-braces guard for messages built from server text.
    private static string Redact(string message, string key) =>
        key.Length == 0 ? message : message.Replace(key, "****", StringComparison.Ordinal);
}
