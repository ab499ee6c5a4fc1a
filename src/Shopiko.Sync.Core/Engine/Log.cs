using Microsoft.Extensions.Logging;

namespace Shopiko.Sync.Engine;

/// <summary>The engine's structured log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Server {Server}: {Operation} started{DryRun}")]
    public static partial void RunStarted(ILogger logger, string server, string operation, string dryRun);

    [LoggerMessage(1001, LogLevel.Information, "Server {Server}: {Operation} finished {Outcome} in {Seconds:0.000} s: {Summary}")]
    public static partial void RunFinished(ILogger logger, string server, string operation, RunOutcome outcome, double seconds, string summary);

    // The reason alone: it is the friendly message the user acts on. The exception (stack trace, source paths) only at Debug.
    [LoggerMessage(1002, LogLevel.Error, "Server {Server}: {Operation} failed: {Error}")]
    public static partial void RunFailed(ILogger logger, string server, string operation, string error);

    [LoggerMessage(1003, LogLevel.Debug, "Server {Server}: {Operation} failed; the details")]
    public static partial void RunFailedDetail(ILogger logger, string server, string operation, Exception exception);

    [LoggerMessage(1010, LogLevel.Information, "Export {Entity}: batch of {Count} sent")]
    public static partial void BatchSent(ILogger logger, string entity, int count);

    [LoggerMessage(1011, LogLevel.Warning, "Export {Entity} {ExternalId} refused by the shop: {Error}")]
    public static partial void ItemRefused(ILogger logger, string entity, string externalId, string error);

    [LoggerMessage(1020, LogLevel.Information, "Order {OrderNumber} (id {OrderId}, revision {Revision}) imported as {Document}")]
    public static partial void OrderImported(ILogger logger, string orderNumber, string orderId, int revision, string document);

    [LoggerMessage(1021, LogLevel.Information, "Order {OrderId} revision {Revision} was already imported as {Document}; acknowledging again")]
    public static partial void OrderAlreadyImported(ILogger logger, string orderId, int revision, string document);

    [LoggerMessage(1022, LogLevel.Warning, "Order {OrderNumber} (id {OrderId}) quarantined: {Reason}")]
    public static partial void OrderQuarantined(ILogger logger, string orderNumber, string orderId, string reason);

    [LoggerMessage(1023, LogLevel.Information, "Cancelled order {OrderId} revision {Revision} reversed with {Document}")]
    public static partial void OrderReversed(ILogger logger, string orderId, int revision, string document);

    [LoggerMessage(1025, LogLevel.Information, "Order {OrderNumber} (id {OrderId}) revision {Revision} changed what {Booked} booked: returned as {Return}, booked anew as {Document}")]
    public static partial void OrderCorrected(ILogger logger, string orderNumber, string orderId, int revision, string booked, string @return, string document);

    [LoggerMessage(1026, LogLevel.Information, "Order {OrderId} revision {Revision} changes nothing booked in {Document} (status {Status}); acknowledging")]
    public static partial void OrderStatusOnly(ILogger logger, string orderId, int revision, string document, string status);

    [LoggerMessage(1027, LogLevel.Information, "Order {OrderId} revision {Revision}: {Booked} was replaced by {Standing} meanwhile (another engine); deciding again")]
    public static partial void CorrectionOvertaken(ILogger logger, string orderId, int revision, string booked, string standing);

    [LoggerMessage(1024, LogLevel.Warning, "Acknowledging order {OrderId} revision {Revision} failed; it will be acknowledged on the next run: {Error}")]
    public static partial void AckFailed(ILogger logger, string orderId, int revision, string error);

    [LoggerMessage(1030, LogLevel.Information, "Created {Entity} {LocalId} for shop {RemoteEntity} {RemoteId}")]
    public static partial void NomenclatureCreated(ILogger logger, string entity, int localId, string remoteEntity, string remoteId);

    [LoggerMessage(1031, LogLevel.Warning, "Shop {Entity} {RemoteId} quarantined: {Reason}")]
    public static partial void NomenclatureQuarantined(ILogger logger, string entity, string remoteId, string reason);

    [LoggerMessage(1036, LogLevel.Warning, "Shop {Entity} {RemoteId}: {Change}")]
    public static partial void TextFitted(ILogger logger, string entity, string remoteId, string change);

    [LoggerMessage(1040, LogLevel.Information, "Matching {Entity}: {Matched} linked, {Ambiguous} ambiguous, {New} without a counterpart")]
    public static partial void Matched(ILogger logger, string entity, int matched, int ambiguous, int @new);
}
