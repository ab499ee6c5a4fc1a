using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Benchmarks.Infrastructure;

/// <summary>
/// The library composed as an integrator composes it (<c>AddShopikoSync</c>, default settings), for one server whose
/// jobs are chosen per scenario. A new container per run: nothing cached between scenarios but what the database
/// and the shop hold.
/// </summary>
internal static class EngineHost
{
    public const string ObjectName = "Централен Склад";

    public static async Task<RunReport> RunAsync(
        WarehouseDb db, ShopHost shop, Action<ServerOptions> configure, Func<ISyncEngine, Task<RunReport>> run)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddShopikoSync(o => o.Servers.Add(Server(db, shop, configure)));
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ISyncEngineFactory>().Create();
        return await run(engine).ConfigureAwait(false);
    }

    private static ServerOptions Server(WarehouseDb db, ShopHost shop, Action<ServerOptions> configure)
    {
        var server = new ServerOptions
        {
            Name = "Benchmark",
            Warehouse = { Provider = db.Provider, ConnectionString = db.ConnectionString },
            Shop = { BaseUrl = shop.BaseUrl.ToString(), ApiId = shop.ApiId, Key = shop.Key },
            Import = { Object = ObjectName, SyncNomenclature = false },
            Export = { Goods = false, Partners = false },
        };
        configure(server);
        return server;
    }
}
