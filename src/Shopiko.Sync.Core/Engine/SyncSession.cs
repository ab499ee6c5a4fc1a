using Microsoft.Extensions.Logging;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine;

/// <summary>Everything one run works with: both sides, what they said about themselves, the settings and the report.</summary>
internal sealed class SyncSession
{
    public required ServerOptions Server { get; init; }

    /// <summary>Where the server's settings live in configuration (<c>ShopikoSync:Servers:0</c>), for error messages.</summary>
    public required string SettingsPath { get; init; }
    public required IWarehouseStore Store { get; init; }

    /// <summary>The engine's own bookkeeping (links, marks, quarantine, imported orders) beside the warehouse.</summary>
    public required ISyncStateStore State { get; init; }
    public required IShopikoApi Api { get; init; }
    public required TimeProvider Time { get; init; }

    /// <summary>Where the run's counts are recorded.</summary>
    public Diagnostics.SyncMetrics Metrics { get; init; } = Diagnostics.SyncMetrics.Shared;
    public required ILogger Logger { get; init; }
    /// <summary>The run's report, to read (the <see cref="Collector"/> writes it).</summary>
    public RunReport Report => Collector.Report;
    public required SyncRunOptions Options { get; init; }
    public required WarehouseInfo Warehouse { get; init; }
    public required ShopInfo Shop { get; init; }
    public required IReadOnlyList<WarehouseObject> Objects { get; init; }

    /// <summary>The sync-state scope: the shop's API ID.</summary>
    public string Scope => Server.Shop.ApiId;

    /// <summary>Nothing may be written on either side.</summary>
    public bool DryRun => Options.DryRun;

    /// <summary>Items per shop request: the configured batch size, never more than the contract's 500.</summary>
    public int BatchSize => Math.Clamp(Server.Shop.BatchSize, 1, 500);

    /// <summary>Prices on both sides.</summary>
    public PriceBasis Basis => new(Warehouse.BaseCurrency, Warehouse.Settings.PricesIncludeVat, Shop.Currency, Shop.PricesIncludeVat);

    /// <summary>The import Object.</summary>
    public WarehouseObject ImportObject => ResolveObject(Server.Import.Object, "Import:Object");

    /// <summary>The objects whose stock is exported (default: the import Object).</summary>
    public IReadOnlyList<int> StockObjectIds => Server.Export.StockObjects.Count == 0
        ? [ImportObject.Id]
        : Server.Export.StockObjects.Select((o, i) => ResolveObject(o, $"Export:StockObjects:{i}").Id).Distinct().ToList();

    /// <summary>
    /// The one owner of the <see cref="Report"/>: every part of the run sends it what it did — counts, quarantined
    /// items, warnings, plan lines, timings, accepted items, the import's orders and created records.
    /// </summary>
    public required RunCollector Collector { get; init; }

    /// <summary>
    /// True when the warehouse lets the run write (links) while its readers are open: the export then remembers each batch
    /// as the shop answers it instead of after every reader closed. The store's dialect knows; the pipeline does not.
    /// </summary>
    public bool WritesWhileReading => WarehouseDialect.WritesWhileReadingOn(Warehouse.Provider);

    /// <summary>Reports progress.</summary>
    public void Progress(string phase, long done, long? total = null) => Options.Progress?.Report(new SyncProgress(phase, done, total));

    /// <summary>Adds an item to the run's quarantine list.</summary>
    public void Quarantine(string entity, string id, string reason) => Collector.Quarantine(new QuarantinedItem(entity, id, reason));

    /// <summary>The text columns of the warehouse, as its database declares them.</summary>
    public Warehouse.Fitting.ColumnLimits Columns => Warehouse.Columns;

    /// <summary>Adds to the run's warnings what fitting changed in a record (entity and shop id), and logs it.</summary>
    public void Fitted(string entity, string id, IEnumerable<Warehouse.Fitting.TextChange> changes)
    {
        foreach (var change in changes)
        {
            var message = change.Describe();
            Collector.Warn(new RunWarning(entity, id, change.Rule.Field, message) { LengthBefore = change.LengthBefore, LengthAfter = change.LengthAfter });
            Log.TextFitted(Logger, entity, id, message);
        }
    }

    /// <summary>Times a phase into the report.</summary>
    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var start = Time.GetTimestamp();
        using var activity = Diagnostics.SyncActivities.StartPhase(phase);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (Diagnostics.SyncActivities.Failed(activity, e))
        {
            throw;
        }
        finally
        {
            Collector.Timing(phase, Math.Round(Time.GetElapsedTime(start).TotalSeconds, 3));
        }
    }

    /// <summary>Times a phase into the report.</summary>
    public Task TimeAsync(string phase, Func<Task> work) => TimeAsync<bool>(phase, async () =>
    {
        await work().ConfigureAwait(false);
        return true;
    });

    private WarehouseObject ResolveObject(string value, string relativeSetting)
    {
        var setting = $"{SettingsPath}:{relativeSetting}";
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            // No object set: the first one, as the settings table promises — the lowest ID after Warehouse Pro's own
            // default object (ID 1, "Служебен обект"), which is taken only when it is the only one.
            return Objects.Where(o => !o.IsDeleted).OrderBy(o => o.Id == 1 ? 1 : 0).ThenBy(o => o.Id).FirstOrDefault()
                ?? throw new ShopikoConfigurationException(
                    $"The warehouse has no object to write to or read stock from ({setting}, server {Server.Name}): create one in Warehouse Pro.", setting);
        }

        var found = int.TryParse(name, out var id)
            ? Objects.FirstOrDefault(o => o.Id == id)
            : Objects.FirstOrDefault(o => !o.IsDeleted && string.Equals(o.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return found ?? throw new ShopikoConfigurationException(
            $"The warehouse has no object \"{name}\" ({setting}, server {Server.Name}). Objects: {string.Join(", ", Objects.Where(o => !o.IsDeleted).Select(o => $"{o.Id} \"{o.Name}\""))}.",
            setting);
    }
}
