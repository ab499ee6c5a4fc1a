using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// A blank Warehouse Pro database (SQLite file or a database on the shared self-started MariaDB), a sandbox shop on
/// loopback, and the library composed through <c>AddShopikoSync</c> as an integrator would. Engines can be created
/// with a wrapped store or API to inject crashes.
/// </summary>
public sealed class SyncRig : IAsyncDisposable
{
    public const string ObjectName = "Централен Склад";

    private readonly ServiceProvider _services;
    private readonly string? _sqliteFile;

    private SyncRig(WarehouseProvider provider, string connectionString, SandboxShop shop, ServiceProvider services, string? sqliteFile, string objectName = ObjectName)
    {
        ImportObject = objectName;
        Provider = provider;
        ConnectionString = connectionString;
        Shop = shop;
        _services = services;
        _sqliteFile = sqliteFile;
    }

    public WarehouseProvider Provider { get; }

    /// <summary>The name of the object orders are imported to (and whose stock is exported).</summary>
    public string ImportObject { get; }

    public string ConnectionString { get; }

    public SandboxShop Shop { get; }

    public ServerOptions Server => _services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ShopikoSyncOptions>>().CurrentValue.Servers[0];

    public IWarehouseStore Store => _services.GetRequiredService<IWarehouseStoreFactory>().Create(Server.Warehouse);

    /// <summary>The sync state of a new store, as the engine gets it (on that store's database gateway).</summary>
    internal ISyncStateStore State => ((WarehouseStore)Store).State;

    public static IEnumerable<object[]> Providers => [[WarehouseProvider.Sqlite], [WarehouseProvider.MySql]];

    public static async Task<SyncRig> StartAsync(
        WarehouseProvider provider,
        Action<ServerOptions>? configure = null,
        BlankDatabaseOptions? database = null,
        SandboxShopOptions? shopOptions = null,
        TimeProvider? clock = null)
    {
        string connectionString;
        string? file = null;
        if (provider == WarehouseProvider.MySql)
        {
            var server = await MariaDbServer.GetSharedAsync();
            connectionString = await server.CreateDatabaseAsync("sync");
        }
        else
        {
            file = Path.Combine(Path.GetTempPath(), $"shopiko-sync-{Guid.NewGuid():N}.db");
            connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        }

        await WarehouseSchema.CreateBlankAsync(provider, connectionString, database ?? new BlankDatabaseOptions());
        return await ComposeAsync(provider, connectionString, file, ObjectName, configure, shopOptions, clock);
    }

    /// <summary>
    /// The Warehouse Open sample store (<see cref="SampleDump.Path"/>) loaded as it is — its utf8 (3-byte) tables,
    /// 914 goods, 17 objects, its own documents — on the shared MariaDB, orders imported to <paramref name="objectName"/>.
    /// </summary>
    public static async Task<SyncRig> StartOnSampleStoreAsync(string objectName, Action<ServerOptions>? configure = null)
    {
        var server = await MariaDbServer.GetSharedAsync();
        var connectionString = await SampleDump.LoadAsync(server);
        return await ComposeAsync(WarehouseProvider.MySql, connectionString, null, objectName, configure, null, null);
    }

    private static async Task<SyncRig> ComposeAsync(
        WarehouseProvider provider, string connectionString, string? file, string objectName, Action<ServerOptions>? configure,
        SandboxShopOptions? shopOptions, TimeProvider? clock)
    {
        if (clock is not null)
        {
            // One clock for both sides: the shop's timestamps and the client's signatures move together.
            shopOptions ??= new SandboxShopOptions();
            shopOptions.TimeProvider = clock;
        }

        var shop = await SandboxShop.StartAsync(shopOptions);
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddShopikoSync(o => o.Servers.Add(new ServerOptions
        {
            Name = "Test",
            Warehouse = { Provider = provider, ConnectionString = connectionString },
            Shop = { BaseUrl = shop.BaseUrl.ToString(), ApiId = shop.ApiId, Key = shop.Key, MaxRetries = 0 },
            Import = { Object = objectName, SyncNomenclature = true },
            Export = { Goods = true, Partners = true },
        })).ConfigureServer(s => configure?.Invoke(s));
        return new SyncRig(provider, connectionString, shop, services.BuildServiceProvider(validateScopes: true), file, objectName);
    }

    /// <summary>The engine as an integrator gets it.</summary>
    public ISyncEngine Engine() => _services.GetRequiredService<ISyncEngineFactory>().Create();

    /// <summary>An engine whose store, sync state and/or API are wrapped (crash injection).</summary>
    internal ISyncEngine Engine(Func<IWarehouseStore, IWarehouseStore>? store = null, Func<IShopikoApi, IShopikoApi>? api = null, Func<ISyncStateStore, ISyncStateStore>? state = null)
    {
        var server = Server;
        var s = (WarehouseStore)_services.GetRequiredService<IWarehouseStoreFactory>().Create(server.Warehouse);
        var a = _services.GetRequiredService<IShopikoApiFactory>().Create(server.Shop);
        return new SyncEngine(server, store?.Invoke(s) ?? s, state?.Invoke(s.State) ?? s.State, api?.Invoke(a) ?? a, _services.GetRequiredService<TimeProvider>(), NullLogger<SyncEngine>.Instance);
    }

    public DbConnection Open() => Provider == WarehouseProvider.MySql
        ? new MySqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var c = Open();
        return (await c.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var c = Open();
        return (await c.QueryAsync<T>(sql, args)).AsList();
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var c = Open();
        await c.ExecuteAsync(sql, args);
    }

    public async Task<int> ObjectIdAsync() => await ScalarAsync<int>("SELECT ID FROM objects WHERE Name = @ImportObject", new { ImportObject });

    public async Task<decimal> StockAsync(int goodId) =>
        Math.Round(await ScalarAsync<decimal>("SELECT COALESCE(SUM(Qtty), 0) FROM store WHERE GoodID = @goodId AND ObjectID = @o", new { goodId, o = await ObjectIdAsync() }), 3);

    public async Task SetStockAsync(int goodId, decimal quantity) =>
        await ExecuteAsync("UPDATE store SET Qtty = @quantity WHERE GoodID = @goodId AND ObjectID = @o", new { goodId, quantity = (double)quantity, o = await ObjectIdAsync() });

    public async Task SetPriceAsync(int goodId, decimal price) =>
        await ExecuteAsync("UPDATE goods SET PriceOut2 = @price WHERE ID = @goodId", new { goodId, price = (double)price });

    public async ValueTask DisposeAsync()
    {
        await Shop.DisposeAsync();
        await _services.DisposeAsync();
        if (Provider == WarehouseProvider.MySql)
        {
            // Idle pooled connections of a finished test would count against the shared server's max_connections.
            await using var pooled = new MySqlConnection(ConnectionString);
            await MySqlConnection.ClearPoolAsync(pooled);
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
