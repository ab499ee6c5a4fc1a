using Microsoft.Extensions.Logging;

namespace Shopiko.Sync.Engine;

// The fast path's messages (passes every few seconds: only what did something is above Debug).
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Debug, "Server {Server}: fast pass, nothing changed")]
    public static partial void FastPassIdle(ILogger logger, string server);

    [LoggerMessage(1101, LogLevel.Information, "Server {Server}: fast pass sent {Items} items ({Goods} goods moved, {Ranges} ranges changed) in {Seconds:0.000} s")]
    public static partial void FastPassSent(ILogger logger, string server, int items, int goods, int ranges, double seconds);

    [LoggerMessage(1102, LogLevel.Warning, "Server {Server}: the full export found {Items} changes the fast path had missed ({Missed}); the shop has them now")]
    public static partial void FastPathMissed(ILogger logger, string server, int items, string missed);

    [LoggerMessage(1103, LogLevel.Warning, "Server {Server}: {Note}")]
    public static partial void FastPathNote(ILogger logger, string server, string note);

    [LoggerMessage(1104, LogLevel.Debug, "Server {Server}: order poll, nothing waits")]
    public static partial void OrderPollIdle(ILogger logger, string server);
}
