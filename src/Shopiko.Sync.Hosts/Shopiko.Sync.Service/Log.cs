using Microsoft.Extensions.Logging;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service;

/// <summary>The service host's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Server {Server} started.")]
    public static partial void ServerStarted(ILogger logger, string server);

    [LoggerMessage(2, LogLevel.Information, "Server {Server} stopped.")]
    public static partial void ServerStopped(ILogger logger, string server);

    [LoggerMessage(3, LogLevel.Information, "Server {Server}: {Operation} started ({Trigger}).")]
    public static partial void RunStarted(ILogger logger, string server, string operation, string trigger);

    [LoggerMessage(4, LogLevel.Information, "Server {Server}: {Operation} ended {Status}.")]
    public static partial void RunEnded(ILogger logger, string server, string operation, RunStatus status);

    [LoggerMessage(5, LogLevel.Warning, "Server {Server}: {Operation} ended {Status}: {Reason}")]
    public static partial void RunEndedWithError(ILogger logger, string server, string operation, RunStatus status, string? reason);

    [LoggerMessage(6, LogLevel.Error, "Server {Server}: the run log could not be written; the schedule goes on.")]
    public static partial void RunLogFailed(ILogger logger, string server, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Server {Server}: the running pass did not end within {Timeout}; it stops at its next item boundary.")]
    public static partial void StopTimedOut(ILogger logger, string server, TimeSpan timeout);

    [LoggerMessage(8, LogLevel.Information, "Control surface listening on {Address}{Protection}.")]
    public static partial void ControlListening(ILogger logger, string address, string protection);

    [LoggerMessage(9, LogLevel.Warning, "Control request refused ({Reason}): {Method} {Path}.")]
    public static partial void ControlRefused(ILogger logger, string reason, string method, string path);

    [LoggerMessage(10, LogLevel.Error, "Server {Server} cannot run until its settings are corrected: {Problem}")]
    public static partial void ServerInvalid(ILogger logger, string server, string problem);

    [LoggerMessage(11, LogLevel.Information, "Server {Server} was deleted; it stopped first.")]
    public static partial void ServerRemoved(ILogger logger, string server);

    [LoggerMessage(12, LogLevel.Information, "Control page: server {Server} {Change}.")]
    public static partial void ServerChanged(ILogger logger, string server, string change);
}
