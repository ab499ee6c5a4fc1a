using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Sync.Export;
using Shopiko.Sync.Sync.Import;
using Shopiko.Sync.Sync.Matching;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Sync;

/// <summary>
/// The behaviour of one Utility Center "WarehousePro Import Export Shopiko" server on an <see cref="IWarehouseStore"/>
/// and an <see cref="IShopikoApi"/>. A run never throws for what went wrong on either side: it returns a report with
/// <see cref="RunOutcome.Failed"/> and the reason. Only cancellation is thrown.
/// </summary>
internal sealed class SyncEngine(
    ServerOptions server,
    IWarehouseStore store,
    IShopikoApi api,
    TimeProvider time,
    ILogger<SyncEngine> logger,
    string settingsPath = "ShopikoSync:Servers[0]",
    SyncMetrics? metrics = null) : ISyncEngine
{
    private readonly SyncMetrics _metrics = metrics ?? SyncMetrics.Shared;

    /// <inheritdoc />
    public string ServerName => server.Name;

    /// <inheritdoc />
    public Task<RunReport> ExportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("export", options, export: true, import: false, cancellationToken);

    /// <inheritdoc />
    public Task<RunReport> ImportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("import", options, export: false, import: true, cancellationToken);

    /// <inheritdoc />
    public Task<RunReport> SyncAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("sync", options, export: true, import: true, cancellationToken);

    /// <inheritdoc />
    public async Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        string? warehouse = null, warehouseError = null, shop = null, shopError = null;
        SyncMetrics.CurrentServer = server.Name;
        try
        {
            var info = await store.GetInfoAsync(cancellationToken).ConfigureAwait(false);
            var objects = await store.ReadObjectsAsync(cancellationToken).ConfigureAwait(false);
            warehouse = $"{info.Provider} Warehouse Pro {info.SchemaVersion}, base currency {info.BaseCurrency}, prices {(info.Settings.PricesIncludeVat ? "include" : "exclude")} VAT, {objects.Count(o => !o.IsDeleted)} objects";
        }
        catch (Exception e) when (e is WarehouseException or ShopikoConfigurationException)
        {
            warehouseError = e.Message;
        }

        try
        {
            var info = await api.GetShopAsync(cancellationToken).ConfigureAwait(false);
            shop = $"{info.Name} ({info.Currency}, prices {(info.PricesIncludeVat ? "include" : "exclude")} VAT), add-on {(info.AddonActive ? "active" : "inactive")}";
            if (!info.AddonActive)
            {
                shopError = "The Microinvest synchronisation add-on is inactive in the shop's admin: activate it.";
            }
        }
        catch (Exception e) when (e is ShopikoApiException or ShopikoConfigurationException)
        {
            shopError = e.Message;
        }

        return new CheckReport { Server = server.Name, Warehouse = warehouse, WarehouseError = warehouseError, Shop = shop, ShopError = shopError };
    }

    private async Task<RunReport> RunAsync(string operation, SyncRunOptions? options, bool export, bool import, CancellationToken ct)
    {
        options ??= new SyncRunOptions();
        var report = new RunReport
        {
            Server = server.Name,
            Operation = operation,
            DryRun = options.DryRun,
            StartedAt = time.GetUtcNow(),
        };
        var start = time.GetTimestamp();
        SyncMetrics.CurrentServer = server.Name;
        using var activity = SyncActivities.StartRun(server.Name, operation, options.DryRun);
        Exception? failure = null;
        Log.RunStarted(logger, server.Name, operation, options.DryRun ? " (dry run)" : "");
        try
        {
            var session = await OpenAsync(report, options, ct).ConfigureAwait(false);
            if (import)
            {
                report.Import = new ImportReport();
                report.Import.Matching = await session.TimeAsync("first run", () => FirstRunGuard.RunAsync(session, export: false, ct)).ConfigureAwait(false);
                await ImportAsync(session, ct).ConfigureAwait(false);
            }

            if (export)
            {
                report.Export = new ExportReport();
                var matching = await session.TimeAsync("first run", () => FirstRunGuard.RunAsync(session, export: true, ct)).ConfigureAwait(false);
                report.Export.Matching = matching;
                await ExportAsync(session, ct).ConfigureAwait(false);
            }

            report.Outcome = report.Quarantine.Count > 0 || report.Import?.AcknowledgementsFailed > 0 ? RunOutcome.Partial : RunOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is WarehouseException or ShopikoApiException or ShopikoConfigurationException
                                      or BothSystemsHaveDataException or NotSupportedException)
        {
            report.Outcome = RunOutcome.Failed;
            report.Error = e.Message;
            failure = e;
            Log.RunFailed(logger, server.Name, operation, e.Message, e);
        }
        finally
        {
            report.FinishedAt = time.GetUtcNow();
            report.Timings["total"] = Math.Round(time.GetElapsedTime(start).TotalSeconds, 3);
        }

        Log.RunFinished(logger, server.Name, operation, report.Outcome, report.Timings["total"], Summarize(report));
        _metrics.RunFinished(report, failure);
        SyncActivities.RunFinished(activity, report, failure);
        return report;
    }

    private async Task<SyncSession> OpenAsync(RunReport report, SyncRunOptions options, CancellationToken ct)
    {
        var warehouse = await store.GetInfoAsync(ct).ConfigureAwait(false);
        var shop = await api.GetShopAsync(ct).ConfigureAwait(false);
        if (!shop.AddonActive)
        {
            throw new ShopikoApiException("The Microinvest synchronisation add-on is inactive in the shop's admin: activate it, then run again.", ShopikoErrorKind.AddonInactive);
        }

        // The library's own tables; creating them (once, empty) is not a change to the merchant's data, so a dry run may too.
        await store.EnsureSyncStateAsync(ct).ConfigureAwait(false);
        return new SyncSession
        {
            Server = server,
            SettingsPath = settingsPath,
            Store = store,
            Api = api,
            Time = time,
            Metrics = _metrics,
            Logger = logger,
            Report = report,
            Options = options,
            Warehouse = warehouse,
            Shop = shop,
            Objects = await store.ReadObjectsAsync(ct).ConfigureAwait(false),
        };
    }

    private static async Task ImportAsync(SyncSession session, CancellationToken ct)
    {
        _ = session.ImportObject; // fail early with the setting's name when the object is wrong
        var catalog = await ImportCatalog.LoadAsync(session, ct).ConfigureAwait(false);
        var orders = new OrderImporter(session, catalog);
        await session.TimeAsync("import.acknowledge", () => new OrderAcknowledger(session).AcknowledgeLeftoversAsync(ct)).ConfigureAwait(false);
        if (session.Server.Import.SyncNomenclature)
        {
            await new NomenclatureImporter(session, catalog).RunAsync(ct).ConfigureAwait(false);
        }

        await session.TimeAsync("import.orders", () => orders.RunAsync(ct)).ConfigureAwait(false);
    }

    private static async Task ExportAsync(SyncSession session, CancellationToken ct)
    {
        _ = session.StockObjectIds; // fail early with the setting's name when an object is wrong
        await ExportPipeline.RunAsync(session, ct).ConfigureAwait(false);
    }

    private static string Summarize(RunReport report)
    {
        var parts = new List<string>();
        if (report.Export is { } e)
        {
            parts.Add($"{e.ItemsSent} items sent (products +{e.Products.Created}/~{e.Products.Updated}, customers +{e.Customers.Created}/~{e.Customers.Updated}, stock {e.Stock.Created + e.Stock.Updated})");
        }

        if (report.Import is { } i)
        {
            parts.Add($"{i.OrdersImported} orders imported, {i.OrdersAlreadyImported} already imported, {i.OrdersReversed} reversed, {i.OrdersQuarantined} quarantined");
        }

        if (report.Error is not null)
        {
            parts.Add(report.Error);
        }

        return string.Join("; ", parts);
    }
}
