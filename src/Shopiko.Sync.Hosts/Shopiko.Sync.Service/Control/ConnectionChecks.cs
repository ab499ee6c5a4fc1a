using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Engine.RunLog;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Service.Control;

/// <summary>What the warehouse Проверка found.</summary>
public sealed record WarehouseCheck(bool Ok, string? Provider, string? Version, string? Currency, IReadOnlyList<ObjectChoice> Objects, string? Error);

/// <summary>An object the form offers for Обект.</summary>
public sealed record ObjectChoice(int Id, string Name);

/// <summary>What the shop Проверка found.</summary>
public sealed record ShopCheck(bool Ok, string? Name, string? Currency, bool? AddonActive, string? Error);

/// <summary>
/// The form's two Проверка buttons: reach the warehouse database and the shop with the settings as typed, through the
/// library's factories (the host itself speaks neither SQL nor the shop's protocol).
/// </summary>
internal sealed class ConnectionChecks(IWarehouseStoreFactory stores, IShopikoApiFactory shops)
{
    public async Task<WarehouseCheck> WarehouseAsync(string? provider, string? connectionString, CancellationToken cancellationToken)
    {
        if (!TryProvider(provider, out var parsed))
        {
            return Failed($"Warehouse:Provider '{provider}' is not known; accepted: Sqlite, MySql (or MariaDB), SqlServer, Access.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Failed("Warehouse:ConnectionString is empty; type the Warehouse Pro database's connection string.");
        }

        try
        {
            var store = stores.Create(new WarehouseConnectionOptions { Provider = parsed, ConnectionString = connectionString.Trim() });
            var info = await store.GetInfoAsync(cancellationToken).ConfigureAwait(false);
            var objects = await store.ReadObjectsAsync(cancellationToken).ConfigureAwait(false);
            return new WarehouseCheck(true, info.Provider.ToString(), info.SchemaVersion, info.BaseCurrency,
                [.. objects.Where(o => !o.IsDeleted).Select(o => new ObjectChoice(o.Id, o.Name))], null);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // Whatever the provider says is the answer to the button, in one line.
            return Failed(RecordedRun.OneLine(ex.Message));
        }

        static WarehouseCheck Failed(string error) => new(false, null, null, null, [], error);
    }

    public async Task<ShopCheck> ShopAsync(string? baseUrl, string? apiId, string? key, CancellationToken cancellationToken)
    {
        try
        {
            var api = shops.Create(new ShopConnectionOptions
            {
                BaseUrl = (baseUrl ?? "").Trim(),
                ApiId = (apiId ?? "").Trim(),
                Key = (key ?? "").Trim(),
                AttemptTimeout = TimeSpan.FromSeconds(10),
                TotalTimeout = TimeSpan.FromSeconds(20),
                MaxRetries = 1,
            });
            var shop = await api.GetShopAsync(cancellationToken).ConfigureAwait(false);
            return new ShopCheck(true, shop.Name, shop.Currency, shop.AddonActive, null);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return new ShopCheck(false, null, null, null, RecordedRun.OneLine(ex.Message));
        }
    }

    /// <summary>The provider names the page accepts: the enum's, any case, and MariaDB for MySql.</summary>
    public static bool TryProvider(string? value, out WarehouseProvider provider)
    {
        var text = (value ?? "").Trim();
        if (string.Equals(text, "MariaDB", StringComparison.OrdinalIgnoreCase))
        {
            provider = WarehouseProvider.MySql;
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out provider) && Enum.IsDefined(provider) && !int.TryParse(text, out _);
    }
}
