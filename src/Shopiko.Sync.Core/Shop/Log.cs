using Microsoft.Extensions.Logging;

namespace Shopiko.Sync.Shop;

/// <summary>Log messages of the shop client. Never log the key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Shop request {Method} {Path} failed, retry {Attempt} in {Delay} ({Reason})")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Shop request {Method} {Path} failed: {Kind} HTTP {Status} {ErrorCode}, request id {RequestId}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, ShopikoErrorKind kind, int? status, string? errorCode, string? requestId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Shop batch {Path}: {Count} items sent, {Failed} failed")]
    public static partial void BatchSent(ILogger logger, string path, int count, int failed);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Shop page {Path}: {Count} items, more: {HasMore}")]
    public static partial void PageReceived(ILogger logger, string path, int count, bool hasMore);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Shop order {OrderId} revision {Revision} acknowledged as {Document}")]
    public static partial void OrderAcknowledged(ILogger logger, string orderId, int revision, string document);
}
