using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Sync.RunLog;

namespace Shopiko.Sync.Service.Control;

/// <summary>A server as <c>GET /api/servers</c> shows it.</summary>
public sealed record ServerView(
    string Name,
    ServerState State,
    bool AutoStart,
    bool Hidden,
    string? CurrentOperation,
    JobView Import,
    JobView Export,
    RunRecord? LastRun)
{
    internal static ServerView Of(ServerRunner server) => new(
        server.Name,
        server.State,
        server.Settings.AutoStart,
        server.Settings.Hidden,
        server.CurrentOperation?.Name(),
        JobView.Of(server.Settings.Import, server.NextImportAt),
        JobView.Of(server.Settings.Export, server.NextExportAt),
        server.LastRun);
}

/// <summary>A schedule as the control surface shows it.</summary>
/// <param name="Start"><c>onServerStart</c>, <c>delayed</c> or <c>disabled</c>.</param>
/// <param name="Delay">Delay of a delayed start.</param>
/// <param name="Interval">Repeat interval (zero: once).</param>
/// <param name="NextRunAt">When it fires next, while the server waits for it.</param>
public sealed record JobView(string Start, TimeSpan Delay, TimeSpan Interval, DateTimeOffset? NextRunAt)
{
    internal static JobView Of(JobOptions job, DateTimeOffset? next) => new(
        job.Start switch
        {
            StartMode.Delayed => "delayed",
            StartMode.Disabled => "disabled",
            _ => "onServerStart",
        },
        job.Delay,
        job.Interval,
        next);
}
