using System.Net;

namespace Shopiko.Sync.Shop;

/// <summary>What kind of failure a <see cref="ShopikoApiException"/> is, so callers can react without parsing codes.</summary>
public enum ShopikoErrorKind
{
    /// <summary>Anything else.</summary>
    Other,
    /// <summary>401 unknown_api_id / invalid_signature / stale_timestamp.</summary>
    Authentication,
    /// <summary>403 addon_inactive.</summary>
    AddonInactive,
    /// <summary>422 validation_failed.</summary>
    Validation,
    /// <summary>404 not_found.</summary>
    NotFound,
    /// <summary>409 conflict.</summary>
    Conflict,
    /// <summary>413 batch_too_large.</summary>
    BatchTooLarge,
    /// <summary>429 rate_limited (after retries).</summary>
    RateLimited,
    /// <summary>5xx, timeouts, dropped connections (after retries).</summary>
    Unavailable,
    /// <summary>A response that does not follow the contract (not JSON, too large, wrong shape).</summary>
    Protocol,
}

/// <summary>An error from the shop, carrying what the shop said. Never carries the key.</summary>
public class ShopikoApiException : ShopikoSyncException
{
    /// <summary>Creates the exception.</summary>
    public ShopikoApiException(
        string message,
        ShopikoErrorKind kind,
        HttpStatusCode? statusCode = null,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>The kind of failure.</summary>
    public ShopikoErrorKind Kind { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The contract's error code (<c>invalid_signature</c>, <c>rate_limited</c> …).</summary>
    public string? ErrorCode { get; }

    /// <summary>The response's <c>X-Request-Id</c>, to quote to the shop's support.</summary>
    public string? RequestId { get; }

    /// <summary>The shop's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
