using System.Globalization;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Export;
using Shopiko.Sync.Engine.Export.FastPath;
using Shopiko.Sync.Engine.Import;
using Shopiko.Sync.Engine.Matching;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine;

/// <summary>
/// The behaviour of one Utility Center "WarehousePro Import Export Shopiko" server on an <see cref="IWarehouseStore"/>
/// (with its sync state, <see cref="ISyncStateStore"/>) and an <see cref="IShopikoApi"/>. A run never throws for what went wrong on either side: it returns a report with
/// <see cref="RunOutcome.Failed"/> and the reason. Only cancellation is thrown.
/// </summary>
internal sealed partial class SyncEngine(
    ServerOptions server,
    IWarehouseStore store,
    ISyncStateStore state,
    IShopikoApi api,
    TimeProvider time,
    ILogger<SyncEngine> logger,
    string settingsPath = "ShopikoSync:Servers:0",
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
        WarehouseInfo? warehouseInfo = null;
        IReadOnlyList<WarehouseObject> objects = [];
        ShopInfo? shopInfo = null;
        try
        {
            warehouseInfo = await store.GetInfoAsync(cancellationToken).ConfigureAwait(false);
            objects = await store.ReadObjectsAsync(cancellationToken).ConfigureAwait(false);
            warehouse = $"{warehouseInfo.Provider} Warehouse Pro {warehouseInfo.SchemaVersion}, base currency {warehouseInfo.BaseCurrency}, prices {(warehouseInfo.Settings.PricesIncludeVat ? "include" : "exclude")} VAT, {objects.Count(o => !o.IsDeleted)} objects";
        }
        catch (ShopikoSyncException e)
        {
            warehouseError = e.Message;
        }

        try
        {
            shopInfo = await api.GetShopAsync(cancellationToken).ConfigureAwait(false);
            shop = $"{shopInfo.Name} ({shopInfo.Currency}, prices {(shopInfo.PricesIncludeVat ? "include" : "exclude")} VAT), add-on {(shopInfo.AddonActive ? "active" : "inactive")}";
            if (!shopInfo.AddonActive)
            {
                shopError = "The Microinvest synchronisation add-on is inactive in the shop's admin: activate it.";
            }
        }
        catch (ShopikoSyncException e)
        {
            shopError = e.Message;
        }

        var checks = warehouseInfo is not null && shopInfo is not null
            ? await CheckRunNeedsAsync(warehouseInfo, objects, shopInfo, cancellationToken).ConfigureAwait(false)
            : [];
        return new CheckReport { Server = server.Name, Warehouse = warehouse, WarehouseError = warehouseError, Shop = shop, ShopError = shopError, Checks = checks };
    }

    /// <summary>
    /// What a run needs, asked the way the run asks it (the same session, resolution and guard), so <c>check</c> refuses
    /// what <c>import</c> or <c>export</c> would then refuse. Reads only; the sync tables are created as a dry run does.
    /// </summary>
    private async Task<IReadOnlyList<CheckItem>> CheckRunNeedsAsync(WarehouseInfo warehouseInfo, IReadOnlyList<WarehouseObject> objects, ShopInfo shopInfo, CancellationToken ct)
    {
        var checks = new List<CheckItem>();
        var importRuns = server.Import.Start != StartMode.Disabled;
        var exportRuns = server.Export.Start != StartMode.Disabled;
        var session = new SyncSession
        {
            Server = server,
            SettingsPath = settingsPath,
            Store = store,
            State = state,
            Api = api,
            Time = time,
            Logger = logger,
            Collector = new RunCollector(new RunReport { Server = server.Name, Operation = "check", DryRun = true, StartedAt = time.GetUtcNow() }),
            Options = new SyncRunOptions { DryRun = true },
            Warehouse = warehouseInfo,
            Shop = shopInfo,
            Objects = objects,
        };

        static string Named(WarehouseObject o) => $"\"{o.Name.Trim()}\" (ID {o.Id.ToString(CultureInfo.InvariantCulture)})";

        // The import object: written to by the import, and the default stock object of the export.
        try
        {
            var chosen = session.ImportObject;
            checks.Add(new CheckItem("import object", CheckStatus.Ok,
                Named(chosen) + (string.IsNullOrWhiteSpace(server.Import.Object) ? " — Import:Object is not set, so the first object is used" : ""),
                $"{settingsPath}:Import:Object"));
        }
        catch (ShopikoConfigurationException e)
        {
            // Unused when the import is off and the export names its own stock objects: worth a look, not a refusal.
            var used = importRuns || (exportRuns && server.Export.StockObjects.Count == 0);
            checks.Add(new CheckItem("import object", used ? CheckStatus.Failed : CheckStatus.Warning, e.Message, e.Setting));
        }

        if (exportRuns)
        {
            try
            {
                var ids = session.StockObjectIds;
                checks.Add(new CheckItem("stock objects", CheckStatus.Ok,
                    string.Join(", ", ids.Select(id => objects.First(o => o.Id == id)).Select(Named)) + (server.Export.StockObjects.Count == 0 ? " (the import object)" : ""),
                    $"{settingsPath}:Export:StockObjects"));
            }
            catch (ShopikoConfigurationException e)
            {
                checks.Add(new CheckItem("stock objects", CheckStatus.Failed, e.Message, e.Setting));
            }
        }

        // The currencies: an order in a currency the warehouse cannot take is refused; so is a price the shop cannot take.
        try
        {
            var converter = CurrencyConverter.Between(warehouseInfo.BaseCurrency, shopInfo.Currency);
            checks.Add(new CheckItem("currency", CheckStatus.Ok, converter.IsIdentity
                ? $"{warehouseInfo.BaseCurrency} on both sides"
                : $"the warehouse keeps {warehouseInfo.BaseCurrency}, the shop sells in {shopInfo.Currency}: prices and orders are converted at the fixed rate"));
        }
        catch (NotSupportedException e)
        {
            checks.Add(new CheckItem("currency", CheckStatus.Failed, e.Message));
        }

        try
        {
            if (exportRuns && server.Export.Goods)
            {
                checks.Add(await CheckPriceColumnAsync(ct).ConfigureAwait(false));
            }

            if (importRuns)
            {
                var code = server.Import.ShippingGoodCode.Trim();
                var found = await store.FindGoodsByCodeAsync(code, ct).ConfigureAwait(false);
                checks.Add(new CheckItem("shipping good", CheckStatus.Ok, found.Count > 0
                    ? $"'{code}' {found.OrderBy(g => g.Id).First().Name} (ID {found.OrderBy(g => g.Id).First().Id.ToString(CultureInfo.InvariantCulture)})"
                    : $"'{code}' does not exist yet: the first imported order with shipping creates it", $"{settingsPath}:Import:ShippingGoodCode"));
            }

            await state.EnsureTablesAsync(ct).ConfigureAwait(false);
            var (refused, detail) = await FirstRunGuard.ProbeAsync(session, ct).ConfigureAwait(false);
            checks.Add(new CheckItem("first run", refused ? CheckStatus.Failed : CheckStatus.Ok, detail, refused ? $"{settingsPath}:Matching:Enabled" : null));
        }
        catch (WarehouseException e)
        {
            checks.Add(new CheckItem("warehouse data", CheckStatus.Failed, e.Message));
        }
        catch (ShopikoApiException e)
        {
            checks.Add(new CheckItem("shop data", CheckStatus.Failed, e.Message));
        }

        return checks;
    }

    /// <summary>The price column: a column no good has a price in would send every product at 0.00.</summary>
    private async Task<CheckItem> CheckPriceColumnAsync(CancellationToken ct)
    {
        var column = server.Export.PriceColumn;
        int goods = 0, priced = 0;
        await foreach (var good in store.ReadGoodsForShopAsync(column, ct).ConfigureAwait(false))
        {
            if (good.IsDeleted)
            {
                continue;
            }

            goods++;
            if (good.Prices.Get(column) > 0)
            {
                priced++;
            }
        }

        var setting = $"{settingsPath}:Export:PriceColumn";
        return goods == 0
            ? new CheckItem("price column", CheckStatus.Ok, $"{column}; the warehouse has no goods yet", setting)
            : priced == 0
                ? new CheckItem("price column", CheckStatus.Warning, $"no good has a price in {column}: every product would reach the shop at 0.00. Choose the column that holds the shop prices (PriceOut1 … PriceOut10).", setting)
                : new CheckItem("price column", CheckStatus.Ok, $"{column}: {priced.ToString(CultureInfo.InvariantCulture)} of {goods.ToString(CultureInfo.InvariantCulture)} goods have a price", setting);
    }

    private async Task<RunReport> RunAsync(string operation, SyncRunOptions? options, bool export, bool import, CancellationToken ct, bool ordersOnly = false)
    {
        options ??= new SyncRunOptions();
        var report = new RunReport
        {
            Server = server.Name,
            Operation = operation,
            DryRun = options.DryRun,
            StartedAt = time.GetUtcNow(),
        };
        var collector = new RunCollector(report);
        var start = time.GetTimestamp();
        SyncMetrics.CurrentServer = server.Name;
        using var activity = SyncActivities.StartRun(server.Name, operation, options.DryRun);
        Exception? failure = null;
        Log.RunStarted(logger, server.Name, operation, options.DryRun ? " (dry run)" : "");
        try
        {
            var session = await OpenAsync(collector, options, ct).ConfigureAwait(false);
            if (import)
            {
                collector.BeginImport();
                var first = await session.TimeAsync("first run", () => FirstRunGuard.RunAsync(session, export: false, ct)).ConfigureAwait(false);
                collector.ImportMatched(first.Matching);
                await ImportAsync(session, ct, ordersOnly).ConfigureAwait(false);
            }

            if (export)
            {
                collector.BeginExport();
                var first = await session.TimeAsync("first run", () => FirstRunGuard.RunAsync(session, export: true, ct)).ConfigureAwait(false);
                collector.ExportMatched(first.Matching);
                await ExportAsync(session, first.ExportUnderWay, ct).ConfigureAwait(false);
            }

            collector.Succeeded();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is ShopikoSyncException or NotSupportedException)
        {
            collector.Failed(e.Message, waitBeforeNext: null);
            failure = e;
            Log.RunFailed(logger, server.Name, operation, e.Message);
            Log.RunFailedDetail(logger, server.Name, operation, e);
        }
        finally
        {
            collector.Finished(time.GetUtcNow(), Math.Round(time.GetElapsedTime(start).TotalSeconds, 3));
        }

        Log.RunFinished(logger, server.Name, operation, report.Outcome, report.Timings["total"], Summarize(report));
        _metrics.RunFinished(report, failure);
        SyncActivities.RunFinished(activity, report, failure);
        return report;
    }

    private async Task<SyncSession> OpenAsync(RunCollector collector, SyncRunOptions options, CancellationToken ct) =>
        Session(collector, options, await ReadSidesAsync(ct).ConfigureAwait(false));

    /// <summary>What both sides said of themselves when a run opened.</summary>
    private sealed record Sides(WarehouseInfo Warehouse, ShopInfo Shop, IReadOnlyList<WarehouseObject> Objects);

    /// <summary>What both sides say of themselves; the shop's add-on must be active, and the library's tables exist.</summary>
    private async Task<Sides> ReadSidesAsync(CancellationToken ct)
    {
        var warehouse = await store.GetInfoAsync(ct).ConfigureAwait(false);
        var shop = await api.GetShopAsync(ct).ConfigureAwait(false);
        if (!shop.AddonActive)
        {
            throw new ShopikoApiException("The Microinvest synchronisation add-on is inactive in the shop's admin: activate it, then run again.", ShopikoErrorKind.AddonInactive);
        }

        // The library's own tables; creating them (once, empty) is not a change to the merchant's data, so a dry run may too.
        await state.EnsureTablesAsync(ct).ConfigureAwait(false);
        return new Sides(warehouse, shop, await store.ReadObjectsAsync(ct).ConfigureAwait(false));
    }

    private SyncSession Session(RunCollector collector, SyncRunOptions options, Sides sides) => new()
    {
        Server = server,
        SettingsPath = settingsPath,
        Store = store,
        State = state,
        Api = api,
        Time = time,
        Metrics = _metrics,
        Logger = logger,
        Collector = collector,
        Options = options,
        Warehouse = sides.Warehouse,
        Shop = sides.Shop,
        Objects = sides.Objects,
    };

    private static async Task ImportAsync(SyncSession session, CancellationToken ct, bool ordersOnly = false)
    {
        _ = session.ImportObject; // fail early with the setting's name when the object is wrong
        var catalog = await ImportCatalog.LoadAsync(session, ct).ConfigureAwait(false);
        var orders = new OrderImporter(session, catalog);
        await session.TimeAsync("import.acknowledge", () => new OrderAcknowledger(session).AcknowledgeLeftoversAsync(ct)).ConfigureAwait(false);
        if (session.Server.Import.SyncNomenclature && !ordersOnly)
        {
            await new NomenclatureImporter(session, catalog).RunAsync(ct).ConfigureAwait(false);
        }

        await session.TimeAsync("import.orders", () => orders.RunAsync(ct)).ConfigureAwait(false);
    }

    private static async Task ExportAsync(SyncSession session, bool firstExportUnderWay, CancellationToken ct)
    {
        _ = session.StockObjectIds; // fail early with the setting's name when an object is wrong
        // The full export is the fast path's reconciliation: it arms the fast path and reports what it missed.
        await Reconciliation.RunAsync(session, firstExportUnderWay, ct).ConfigureAwait(false);
    }

    private static string Summarize(RunReport report) => report.Summarize();
}
