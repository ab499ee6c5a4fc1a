using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service.Control;

/// <summary>A server as <c>GET /api/servers</c> shows it.</summary>
/// <param name="Name">Име на сървъра.</param>
/// <param name="Type">Тип на сървъра (always WarehousePro Import Export Shopiko).</param>
/// <param name="Setting">Where it lives in configuration, e.g. <c>ShopikoSync:Servers[0]</c>.</param>
/// <param name="State">Started, stopped or stopping.</param>
/// <param name="Health">Its standing: invalid, stopped, running or failing since, and the no-success warning.</param>
/// <param name="Problems">Why its settings keep it from running.</param>
/// <param name="Warnings">What looks wrong without stopping it.</param>
/// <param name="AutoStart">Автостарт.</param>
/// <param name="Hidden">Скриване.</param>
/// <param name="CurrentOperation">The pass running now.</param>
/// <param name="LastSuccessAt">When the last pass that went through ended.</param>
/// <param name="NextRunAt">The next scheduled pass.</param>
/// <param name="Import">The import schedule.</param>
/// <param name="Export">The export schedule.</param>
/// <param name="LastRun">The last pass.</param>
public sealed record ServerView(
    string Name,
    string Type,
    string Setting,
    ServerState State,
    ServerHealth Health,
    IReadOnlyList<SettingProblem> Problems,
    IReadOnlyList<SettingProblem> Warnings,
    bool AutoStart,
    bool Hidden,
    string? CurrentOperation,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? NextRunAt,
    JobView Import,
    JobView Export,
    RunRecord? LastRun)
{
    /// <summary>The one server type this service hosts.</summary>
    public const string ServerType = "WarehousePro Import Export Shopiko";

    internal static ServerView Of(ServerRunner server) => new(
        server.Name,
        ServerType,
        server.Setting,
        server.State,
        server.Health,
        server.Problems,
        server.Warnings,
        server.Settings.AutoStart,
        server.Settings.Hidden,
        server.CurrentOperation?.Name(),
        server.LastSuccessAt,
        Earliest(server.NextImportAt, server.NextExportAt),
        JobView.Of(server.Settings.Import, server.NextImportAt, server.OrderPollInterval, server.NextOrderPollAt, null),
        JobView.Of(server.Settings.Export, server.NextExportAt, server.FastExportInterval, server.NextFastExportAt, server.Settings.Export.CatalogueCheckInterval),
        server.LastRun);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>A schedule as the control surface shows it.</summary>
/// <param name="Start"><c>onServerStart</c>, <c>delayed</c> or <c>disabled</c>.</param>
/// <param name="Delay">Delay of a delayed start.</param>
/// <param name="Interval">Repeat interval (zero: once).</param>
/// <param name="NextRunAt">When it fires next, while the server waits for it.</param>
/// <param name="FastInterval">The fast schedule beside the full pass: the order poll (<c>Import:OrderPollInterval</c>) or the fast export (<c>Export:FastInterval</c>); zero: off.</param>
/// <param name="FastNextRunAt">When the fast schedule fires next, while the server waits for it.</param>
/// <param name="CatalogueCheckInterval">How often the fast export also checks the catalogue (<c>Export:CatalogueCheckInterval</c>); null for the import.</param>
public sealed record JobView(
    string Start,
    TimeSpan Delay,
    TimeSpan Interval,
    DateTimeOffset? NextRunAt,
    TimeSpan FastInterval,
    DateTimeOffset? FastNextRunAt,
    TimeSpan? CatalogueCheckInterval)
{
    internal static JobView Of(JobOptions job, DateTimeOffset? next, TimeSpan fastInterval, DateTimeOffset? fastNext, TimeSpan? catalogueCheck) => new(
        job.Start switch
        {
            StartMode.Delayed => "delayed",
            StartMode.Disabled => "disabled",
            _ => "onServerStart",
        },
        job.Delay,
        job.Interval,
        next,
        fastInterval,
        fastNext,
        catalogueCheck);
}
