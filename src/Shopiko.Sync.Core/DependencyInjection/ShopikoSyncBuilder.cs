using Shopiko.Sync.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Fluent configuration returned by <c>AddShopikoSync</c>.</summary>
public sealed class ShopikoSyncBuilder
{
    internal ShopikoSyncBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses a MySQL / MariaDB Warehouse Pro database for <paramref name="server"/> (default: the first server, created if none).</summary>
    public ShopikoSyncBuilder UseMySql(string connectionString, string? server = null) => UseWarehouse(WarehouseProvider.MySql, connectionString, server);

    /// <summary>Uses an MS SQL Server Warehouse Pro database.</summary>
    public ShopikoSyncBuilder UseSqlServer(string connectionString, string? server = null) => UseWarehouse(WarehouseProvider.SqlServer, connectionString, server);

    /// <summary>Uses an Access (.mdb) Warehouse Pro database (Windows only).</summary>
    public ShopikoSyncBuilder UseAccess(string connectionString, string? server = null) => UseWarehouse(WarehouseProvider.Access, connectionString, server);

    /// <summary>Uses a SQLite (Warehouse Open layout) database.</summary>
    public ShopikoSyncBuilder UseSqlite(string connectionString, string? server = null) => UseWarehouse(WarehouseProvider.Sqlite, connectionString, server);

    /// <summary>Sets the shop of <paramref name="server"/>.</summary>
    public ShopikoSyncBuilder UseShop(string baseUrl, string apiId, string key, string? server = null)
    {
        Services.Configure<ShopikoSyncOptions>(o =>
        {
            var s = Server(o, server);
            s.Shop.BaseUrl = baseUrl;
            s.Shop.ApiId = apiId;
            s.Shop.Key = key;
        });
        return this;
    }

    /// <summary>Changes the settings of <paramref name="server"/>.</summary>
    public ShopikoSyncBuilder ConfigureServer(Action<ServerOptions> configure, string? server = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<ShopikoSyncOptions>(o => configure(Server(o, server)));
        return this;
    }

    private ShopikoSyncBuilder UseWarehouse(WarehouseProvider provider, string connectionString, string? server)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Services.Configure<ShopikoSyncOptions>(o =>
        {
            var s = Server(o, server);
            s.Warehouse.Provider = provider;
            s.Warehouse.ConnectionString = connectionString;
        });
        return this;
    }

    private static ServerOptions Server(ShopikoSyncOptions options, string? name)
    {
        var found = name is null
            ? options.Servers.FirstOrDefault()
            : options.Servers.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            found = new ServerOptions { Name = name ?? "Shopiko" };
            options.Servers.Add(found);
        }

        return found;
    }
}
