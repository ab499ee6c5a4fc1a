using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Service;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Browser.Tests;

/// <summary>
/// What a merchant's IT person has: a SQLite Warehouse Pro database with goods, the sandbox shop on loopback, and the
/// real service (real engine, real clock) with one leftover server whose settings are wrong.
/// </summary>
internal sealed class ControlPageRig : IAsyncDisposable
{
    private WebApplication _service = null!;

    public string Folder { get; } = Directory.CreateTempSubdirectory("shopiko-browser-").FullName;

    public string WarehouseConnection => "Data Source=" + Path.Combine(Folder, "warehouse.db");

    public string ServersFile => Path.Combine(Folder, "servers.json");

    public SandboxShop Shop { get; private set; } = null!;

    public string Url { get; private set; } = "";

    public static async Task<ControlPageRig> StartAsync()
    {
        var rig = new ControlPageRig();
        await rig.InitializeAsync();
        return rig;
    }

    private async Task InitializeAsync()
    {
        await WarehouseSchema.CreateBlankAsync(WarehouseProvider.Sqlite, WarehouseConnection);
        var services = new ServiceCollection().AddLogging();
        services.AddShopikoSync();
        await using (var provider = services.BuildServiceProvider())
        {
            var connection = new WarehouseConnectionOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = WarehouseConnection };
            var store = provider.GetRequiredService<IWarehouseStoreFactory>().Create(connection);
            var objectId = (await store.ReadObjectsAsync()).First(o => o.Name == "Централен Склад").Id;
            await SampleWarehouse.SeedAsync(store, connection, goodsCount: 4, partnersCount: 2, objectId: objectId, stockPerGood: 12);
        }

        Shop = await SandboxShop.StartAsync();
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["ShopikoSync"] = new JsonObject
            {
                ["Service"] = new JsonObject
                {
                    ["Url"] = "http://127.0.0.1:0",
                    ["ServersFile"] = ServersFile,
                    ["KeysFolder"] = Path.Combine(Folder, "keys"),
                },
                ["RunLog"] = new JsonObject { ["Folder"] = Path.Combine(Folder, "runs") },
                ["Servers"] = new JsonArray(new JsonObject
                {
                    // A provider the library does not know, and no key: listed with both reasons, and the others still run.
                    ["Name"] = "Стар склад",
                    ["AutoStart"] = true,
                    ["Warehouse"] = new JsonObject { ["Provider"] = "Oracle", ["ConnectionString"] = "Data Source=old.db" },
                    ["Shop"] = new JsonObject { ["BaseUrl"] = "https://old.example/api/microinvest/v1/", ["ApiId"] = "1" },
                    ["Import"] = new JsonObject { ["Interval"] = "5 min", ["Object"] = "1" },
                }, new JsonObject
                {
                    // Valid settings, but the shop refuses the key: every pass fails.
                    ["Name"] = "Грешен ключ",
                    ["AutoStart"] = true,
                    ["Warehouse"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = WarehouseConnection },
                    ["Shop"] = new JsonObject { ["BaseUrl"] = Shop.BaseUrl.ToString(), ["ApiId"] = Shop.ApiId, ["Key"] = "not-the-key" },
                    ["Import"] = new JsonObject { ["Interval"] = "5 min", ["Object"] = "Централен Склад" },
                    ["Export"] = new JsonObject { ["Start"] = "Disabled" },
                }),
            },
        };
        var configFile = Path.Combine(Folder, "appsettings.json");
        await File.WriteAllTextAsync(configFile, config.ToJsonString());
        _service = ServiceHost.Build(ServiceHost.CreateBuilder(["--config", configFile]));
        await _service.StartAsync();
        Url = ServiceHost.Addresses(_service).Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _service.StopAsync();
        await _service.DisposeAsync();
        await Shop.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held; the OS temp cleaner takes it.
        }
    }
}
