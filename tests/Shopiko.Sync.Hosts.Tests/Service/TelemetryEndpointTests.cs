using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Service;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>The service's /metrics (Prometheus) and /health after a real run against the sandbox shop and a SQLite warehouse.</summary>
public sealed class TelemetryEndpointTests
{
    private const string ObjectName = "Централен Склад";

    [Fact]
    public async Task After_an_export_the_scrape_has_the_runs_items_requests_and_the_age_of_the_last_success()
    {
        using var folder = new TempFolder("shopiko-telemetry");
        await using var shop = await SandboxShop.StartAsync();
        var database = new SqliteConnectionStringBuilder { DataSource = folder.File("warehouse.db"), Pooling = false }.ToString();
        await WarehouseSchema.CreateBlankAsync(WarehouseProvider.Sqlite, database);
        var server = "Scraped";
        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["ShopikoSync"] = new JsonObject
            {
                ["Service"] = new JsonObject { ["Url"] = "http://127.0.0.1:0", ["ServersFile"] = folder.File("servers.json"), ["KeysFolder"] = folder.File("keys") },
                ["RunLog"] = new JsonObject { ["Folder"] = folder.File("runs") },
                ["Servers"] = new JsonArray(new JsonObject
                {
                    ["Name"] = server,
                    ["Warehouse"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = database },
                    ["Shop"] = new JsonObject { ["BaseUrl"] = shop.BaseUrl.ToString(), ["ApiId"] = shop.ApiId, ["Key"] = shop.Key, ["MaxRetries"] = 0 },
                    ["Import"] = new JsonObject { ["Object"] = ObjectName, ["Start"] = "Disabled" },
                    ["Export"] = new JsonObject { ["Goods"] = true, ["Start"] = "Disabled" },
                }),
            },
        };
        await File.WriteAllTextAsync(folder.File("appsettings.json"), config.ToJsonString());
        var app = ServiceHost.Build(ServiceHost.CreateBuilder(["--config", folder.File("appsettings.json")]));
        await using var _ = app;
        var settings = new WarehouseConnectionOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = database };
        var store = app.Services.GetRequiredService<IWarehouseStoreFactory>().Create(settings);
        var objectId = (await store.ReadObjectsAsync()).Single(o => o.Name == ObjectName).Id;
        var seeded = await SampleWarehouse.SeedAsync(store, settings, goodsCount: 5, objectId: objectId);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ServiceHost.Addresses(app).Single()) };
        // The page's anti-forgery token, as the page sends it (its cookie rides along in the client's cookie container).
        var antiforgery = JsonNode.Parse(await http.GetStringAsync("/api/antiforgery"))!;
        http.DefaultRequestHeaders.Add((string)antiforgery["header"]!, (string)antiforgery["token"]!);

        var runner = app.Services.GetRequiredService<ServerSupervisor>().Find(server)!;
        (await http.PostAsync($"/api/servers/{server}/run?operation=export", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(() => runner.LastRun?.FinishedAt is not null, "the export to finish");
        runner.LastRun!.Report!.Outcome.Should().Be(Shopiko.Sync.Engine.RunOutcome.Succeeded, runner.LastRun.Error);

        var scrape = await http.GetStringAsync("/metrics");

        var label = $"shopiko_sync_server=\"{server}\"";
        Value(scrape, "shopiko_sync_runs_total", label, "shopiko_sync_operation=\"export\"", "shopiko_sync_outcome=\"succeeded\"").Should().Be(1);
        Value(scrape, "shopiko_sync_run_duration_seconds_count", label, "shopiko_sync_operation=\"export\"").Should().Be(1);
        Value(scrape, "shopiko_sync_export_items_sent_total", label, "shopiko_sync_entity=\"products\"").Should().Be(seeded.Goods.Count);
        Value(scrape, "shopiko_sync_shop_requests_total", label, "http_request_method=\"PUT\"", "shopiko_sync_shop_operation=\"products/batch\"", "http_response_status_code=\"200\"")
            .Should().Be(1);
        Value(scrape, "shopiko_sync_server_time_since_last_success_seconds", label).Should().BeInRange(0, 60);

        var health = JsonNode.Parse(await http.GetStringAsync("/health"))!;
        health["status"]!.GetValue<string>().Should().Be("Healthy");
        var entry = health["servers"]!.AsArray().Single()!;
        entry["server"]!.GetValue<string>().Should().Be(server);
        entry["status"]!.GetValue<string>().Should().Be("Healthy");
        entry["lastOutcome"]!.GetValue<string>().Should().Be("succeeded");
        entry["lastSuccessAt"].Should().NotBeNull();
    }

    [Fact]
    public async Task Metrics_and_health_answer_only_those_the_control_page_answers()
    {
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "Shopiko", AutoStart = false }],
            service: new { Url = "http://127.0.0.1:0", Token = "s3cret-token" });

        (await app.Http.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Http.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        app.UseToken("s3cret-token");
        var metrics = await app.Http.GetAsync("/metrics");
        metrics.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = await app.Http.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await health.Content.ReadAsStringAsync())!["servers"]!.AsArray().Single()!["server"]!.GetValue<string>().Should().Be("Shopiko");
    }

    [Fact]
    public async Task A_server_whose_last_run_failed_on_its_settings_makes_health_answer_503()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "Broken", AutoStart = false }]);
        var registry = app.Services.GetRequiredService<Shopiko.Sync.Diagnostics.SyncRunStatusRegistry>();
        registry.Record(
            new Shopiko.Sync.Engine.RunReport { Server = "Broken", Operation = "import", Outcome = Shopiko.Sync.Engine.RunOutcome.Failed, Error = "No warehouse object is set", FinishedAt = app.Time.GetUtcNow() },
            Shopiko.Sync.Diagnostics.RunFailureKind.Configuration);

        var response = await app.Http.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var entry = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["servers"]!.AsArray().Single()!;
        entry["status"]!.GetValue<string>().Should().Be("Unhealthy");
        entry["lastFailure"]!.GetValue<string>().Should().Be("Configuration");
        entry["reason"]!.GetValue<string>().Should().Contain("No warehouse object is set");
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(string scrape, string metric, params string[] labels)
    {
        var samples = scrape.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains))
            .ToList();
        samples.Should().ContainSingle($"the scrape has one {metric} with {string.Join(", ", labels)}:\n{scrape}");
        var value = samples[0][(samples[0].LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
        return double.Parse(value, CultureInfo.InvariantCulture);
    }
}
