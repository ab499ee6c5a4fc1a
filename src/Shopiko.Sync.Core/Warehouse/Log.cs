using Microsoft.Extensions.Logging;

namespace Shopiko.Sync.Warehouse;

/// <summary>The warehouse store's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Opened Warehouse Pro database ({Where}): version {Version}, base currency {Currency}, costing {Costing}")]
    public static partial void Opened(ILogger logger, string where, string version, string currency, string costing);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Wrote {Kind} {Number} in object {ObjectId}: {LineCount} lines")]
    public static partial void DocumentWritten(ILogger logger, string kind, string number, int objectId, int lineCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Document number {Key} is taken in nextacct; trying the next one")]
    public static partial void DocumentNumberTaken(ILogger logger, string key);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Write to the Warehouse Pro database collided with another writer (attempt {Attempt}); retrying the whole transaction")]
    public static partial void WriteRetried(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Read from the Warehouse Pro database failed for a moment (attempt {Attempt}); reading again")]
    public static partial void ReadRetried(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Stock of good {GoodId} in object {ObjectId} goes negative by {Missing}: the database allows negative stock")]
    public static partial void NegativeStock(ILogger logger, int goodId, int objectId, decimal missing);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Created {What} {Id} ({Name})")]
    public static partial void Created(ILogger logger, string what, int id, string name);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Annulled sales order {Number} in object {ObjectId}")]
    public static partial void SalesOrderAnnulled(ILogger logger, string number, int objectId);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Debug, Message = "Read the limits of {Count} text columns of {Where}")]
    public static partial void ColumnLimitsRead(ILogger logger, int count, string where);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Cannot read the column definitions of {Where} ({Error}): text is written as it is and the database refuses what does not fit, one record at a time")]
    public static partial void ColumnLimitsUnreadable(ILogger logger, string where, string error);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "{What}: {Change}")]
    public static partial void TextFitted(ILogger logger, string what, string change);
}
