using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Service;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>The real service host, in-process on a loopback port, with a fake clock and a scripted engine.</summary>
internal sealed class ServiceApp : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private ServiceApp(TempFolder folder, WebApplication app, FakeTimeProvider time, ScriptedEngineFactory engines)
    {
        _folder = folder;
        _app = app;
        Time = time;
        Engines = engines;
        var address = ServiceHost.Addresses(app).Single();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public FakeTimeProvider Time { get; }

    public ScriptedEngineFactory Engines { get; }

    public HttpClient Http { get; }

    public string RunLogFolder => _folder.File("runs");

    public ServerSupervisor Supervisor => _app.Services.GetRequiredService<ServerSupervisor>();

    public IServiceProvider Services => _app.Services;

    public ServerRunner Server(string name) => Supervisor.Find(name)!;

    /// <summary>Starts the service with the given servers (JSON objects of ShopikoSync:Servers) and service settings.</summary>
    public static async Task<ServiceApp> StartAsync(
        IEnumerable<object> servers, object? service = null, Action<ScriptedEngineFactory>? configure = null, Action<WebApplicationBuilder>? build = null)
    {
        var folder = new TempFolder("shopiko-service");
        var serverList = servers.Select(s => JsonSerializer.SerializeToNode(s)!.AsObject()).ToList();
        foreach (var server in serverList)
        {
            // Settings the library validates on start; the scripted engine never uses them.
            server.TryAdd("Warehouse", new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = "Data Source=" + folder.File("unused.db") });
            server.TryAdd("Shop", new JsonObject { ["BaseUrl"] = "http://127.0.0.1:9/api/microinvest/v1/", ["ApiId"] = "1", ["Key"] = "test-key" });
            if (server["Import"] is not JsonObject import)
            {
                server["Import"] = import = new JsonObject();
            }

            import.TryAdd("Object", "1");
        }

        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["ShopikoSync"] = new JsonObject
            {
                ["Service"] = ServiceSection(service, folder),
                ["RunLog"] = new JsonObject { ["Folder"] = folder.File("runs") },
                ["Servers"] = new JsonArray([.. serverList]),
            },
        };
        var configFile = folder.File("appsettings.json");
        await File.WriteAllTextAsync(configFile, config.ToJsonString());

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var engines = new ScriptedEngineFactory([.. serverList.Select(s => (string)s["Name"]!)]);
        configure?.Invoke(engines);
        var builder = ServiceHost.CreateBuilder(["--config", configFile]);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<ISyncEngineFactory>(engines);
        build?.Invoke(builder);
        var app = ServiceHost.Build(builder);
        await app.StartAsync();
        var started = new ServiceApp(folder, app, time, engines);
        await started.UseAntiforgeryAsync();
        return started;
    }

    public string ServersFile => _folder.File("servers.json");

    public string ConfigFile => _folder.File("appsettings.json");

    public string KeysFolder => _folder.File("keys");

    /// <summary>The page's anti-forgery token on every request, as the page sends it (its cookie rides along).</summary>
    public async Task UseAntiforgeryAsync()
    {
        var response = await Http.GetAsync("/api/antiforgery");
        if (!response.IsSuccessStatusCode)
        {
            return;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Http.DefaultRequestHeaders.Remove((string)body["header"]!);
        Http.DefaultRequestHeaders.Add((string)body["header"]!, (string)body["token"]!);
    }

    private static JsonObject ServiceSection(object? service, TempFolder folder)
    {
        var section = JsonSerializer.SerializeToNode(service ?? new { Url = "http://127.0.0.1:0" })!.AsObject();
        section.TryAdd("ServersFile", folder.File("servers.json"));
        section.TryAdd("KeysFolder", folder.File("keys"));
        return section;
    }

    public void UseToken(string token) => Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public async Task<(SyncOperation Operation, string Server)> NextCallAsync(string what)
    {
        var call = await Engines.Calls.Reader.ReadAsync().AsTask().WithTimeout(what);
        return (call.Operation, call.Server);
    }

    public async Task<JsonArray> ServersAsync(string query = "")
    {
        var response = await Http.GetAsync("/api/servers" + query);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
