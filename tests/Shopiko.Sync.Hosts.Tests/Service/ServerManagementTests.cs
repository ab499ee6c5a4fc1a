using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>
/// Нов / Редакция / Изтриване / Скриване through the control surface: changes apply without a restart, the servers
/// file is written atomically with its previous version kept, the key is protected at rest and never sent back.
/// </summary>
public sealed class ServerManagementTests
{
    private const string Key = "892b2466d9611628358bfd292745bf3bdadb737";

    [Fact]
    public async Task A_new_autostart_server_starts_an_edit_applies_after_the_running_pass_and_a_delete_stops_it_first()
    {
        var firstPass = new TaskCompletionSource();
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "From appsettings", AutoStart = false }],
            configure: e => e.Behaviour = async (server, op, ct) =>
            {
                if (!firstPass.Task.IsCompleted)
                {
                    await firstPass.Task.WaitAsync(ct);
                }

                return ScriptedEngineFactory.Report(server, op, RunOutcome.Succeeded);
            });
        var t0 = app.Time.GetUtcNow();

        // Нов, with Автостарт: it starts at once.
        var created = await app.Http.PostAsJsonAsync("/api/servers", Form(app, "Shopiko", importInterval: "60"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await app.NextCallAsync("the new server's import")).Should().Be((SyncOperation.Import, "Shopiko"));
        var shopiko = app.Server("Shopiko");
        shopiko.State.Should().Be(ServerState.Running);

        // Редакция while its pass runs: the pass is not cut short, the next one follows the new interval.
        var edited = await app.Http.PutAsJsonAsync("/api/servers/Shopiko", Form(app, "Shopiko", importInterval: "1"));
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        shopiko.CurrentOperation.Should().Be(SyncOperation.Import, "the running pass goes on");
        shopiko.Settings.Import.Interval.Should().Be(TimeSpan.FromMinutes(1));
        firstPass.SetResult();
        await Eventually.TrueAsync(() => shopiko.NextImportAt == t0 + TimeSpan.FromMinutes(1), "the next import at the new interval");
        ((string)shopiko.LastRun!.Status.ToString()).Should().Be("Succeeded");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        (await app.NextCallAsync("the pass at the new interval")).Should().Be((SyncOperation.Import, "Shopiko"));

        // The file: both servers (the one from appsettings taken over), the key only encrypted, the old version kept.
        var file = await File.ReadAllTextAsync(app.ServersFile);
        file.Should().Contain("From appsettings").And.Contain("Shopiko").And.Contain("Shop:ProtectedKey").And.NotContain(Key);
        File.Exists(app.ServersFile + ".bak").Should().BeTrue();
        File.Exists(app.ServersFile + ".tmp").Should().BeFalse();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(app.KeysFolder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var keys = Directory.GetFiles(app.KeysFolder, "*.xml");
            keys.Should().NotBeEmpty();
            foreach (var keyFile in keys)
            {
                File.GetUnixFileMode(keyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the key ring is the service account's only");
            }
        }

        // The key never comes back; the engine still gets it.
        var settings = await app.Http.GetStringAsync("/api/servers/Shopiko/settings");
        settings.Should().NotContain(Key).And.Contain("\"keySet\":true");
        shopiko.Settings.Shop.Key.Should().Be(Key);
        var keptKey = await app.Http.PutAsJsonAsync("/api/servers/Shopiko", Form(app, "Shopiko", importInterval: "1", key: null));
        keptKey.EnsureSuccessStatusCode();
        app.Server("Shopiko").Settings.Shop.Key.Should().Be(Key, "a blank key keeps the stored one");

        // Скриване / Покажи.
        (await app.Http.PostAsync("/api/servers/Shopiko/hidden?value=true", null)).EnsureSuccessStatusCode();
        (await app.ServersAsync()).Select(s => (string)s!["name"]!).Should().Equal("From appsettings");
        (await app.ServersAsync("?all=true")).Select(s => (string)s!["name"]!).Should().Equal("From appsettings", "Shopiko");
        (await app.Http.PostAsync("/api/servers/Shopiko/hidden?value=false", null)).EnsureSuccessStatusCode();
        (await app.ServersAsync()).Should().HaveCount(2);

        // Изтриване: it stops first, then leaves the list and the file.
        var deleted = await app.Http.DeleteAsync("/api/servers/Shopiko");
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        shopiko.State.Should().Be(ServerState.Stopped);
        app.Supervisor.Find("Shopiko").Should().BeNull();
        (await File.ReadAllTextAsync(app.ServersFile)).Should().NotContain("\"Shopiko\"").And.Contain("From appsettings");
        var callsAfterDelete = app.Engines.AllCalls.Count;
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);
        app.Engines.AllCalls.Should().HaveCount(callsAfterDelete, "a deleted server runs no more");
    }

    [Fact]
    public async Task The_key_is_never_logged_at_any_level()
    {
        var logs = new LogCollector();
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "From appsettings", AutoStart = true }],
            build: b => b.Logging.AddProvider(logs).AddFilter<LogCollector>(null, LogLevel.Trace));
        (await app.Http.PostAsJsonAsync("/api/servers", Form(app, "Shopiko"))).EnsureSuccessStatusCode();
        (await app.Http.PutAsJsonAsync("/api/servers/Shopiko", Form(app, "Shopiko", importInterval: "2"))).EnsureSuccessStatusCode();
        await app.NextCallAsync("a pass of the new server");
        // The shop's Проверка with the key typed and with the stored one (nothing listens there: its retries and
        // timeouts run on the fake clock, which the test moves on).
        await CheckShopAsync(app, new { baseUrl = "http://127.0.0.1:9/api/microinvest/v1/", apiId = "1", key = Key });
        await CheckShopAsync(app, new { baseUrl = "http://127.0.0.1:9/api/microinvest/v1/", apiId = "1", server = "Shopiko" });

        logs.Lines.Should().NotBeEmpty().And.NotContain(l => l.Contains(Key, StringComparison.Ordinal));
    }

    private static async Task CheckShopAsync(ServiceApp app, object body)
    {
        var call = app.Http.PostAsJsonAsync("/api/check/shop", body);
        while (!call.IsCompleted)
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        var answer = JsonNode.Parse(await (await call).Content.ReadAsStringAsync())!;
        ((bool)answer["ok"]!).Should().BeFalse();
        ((string)answer["error"]!).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Settings_the_library_refuses_are_not_saved_and_name_their_setting()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "Existing" }]);
        var bad = Form(app, "New one") with { ApiId = "abc" };
        var response = await app.Http.PostAsJsonAsync("/api/servers", bad);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["problems"]!.AsArray().Select(p => (string)p!["setting"]!).Should().Contain("ShopikoSync:Servers:1:Shop:ApiId");
        File.Exists(app.ServersFile).Should().BeFalse("nothing was written");

        var duplicate = await app.Http.PostAsJsonAsync("/api/servers", Form(app, "existing"));
        duplicate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadAsStringAsync()).Should().Contain("already named");

        var minutes = await app.Http.PostAsJsonAsync("/api/servers", Form(app, "Words", importInterval: "soon"));
        minutes.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await minutes.Content.ReadAsStringAsync()).Should().Contain("Import:Interval");
    }

    [Fact]
    public async Task The_fast_intervals_are_listed_and_round_trip_through_the_form_in_seconds()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "Existing" }]);

        // Untouched, the list shows the defaults of the fast path beside the full passes.
        var listed = (await app.ServersAsync()).Single()!;
        ((string)listed["import"]!["fastInterval"]!).Should().Be("00:00:02");
        ((string)listed["export"]!["fastInterval"]!).Should().Be("00:00:02");
        ((string)listed["export"]!["catalogueCheckInterval"]!).Should().Be("00:00:06");
        listed["import"]!["catalogueCheckInterval"].Should().BeNull();

        var form = Form(app, "Fast", autoStart: false) with
        {
            Import = new() { Start = "OnServerStart", Interval = "5", FastInterval = "10" },
            Export = new() { Start = "OnServerStart", Interval = "15", FastInterval = "0" },
        };
        (await app.Http.PostAsJsonAsync("/api/servers", form)).StatusCode.Should().Be(HttpStatusCode.Created);
        var stored = await File.ReadAllTextAsync(app.ServersFile);
        stored.Should().MatchRegex("\"Import:OrderPollInterval\":\\s*\"00:00:10\"").And.MatchRegex("\"Export:FastInterval\":\\s*\"00:00:00\"");
        app.Server("Fast").OrderPollInterval.Should().Be(TimeSpan.FromSeconds(10));
        app.Server("Fast").FastExportInterval.Should().Be(TimeSpan.Zero, "0 turns the fast export off");

        var fast = (await app.ServersAsync()).Single(s => (string)s!["name"]! == "Fast")!;
        ((string)fast["import"]!["fastInterval"]!).Should().Be("00:00:10");
        ((string)fast["export"]!["fastInterval"]!).Should().Be("00:00:00");

        // Редакция shows them back in seconds.
        var settings = JsonNode.Parse(await app.Http.GetStringAsync("/api/servers/Fast/settings"))!;
        ((string)settings["import"]!["fastInterval"]!).Should().Be("10");
        ((string)settings["export"]!["fastInterval"]!).Should().Be("0");

        // Words are refused, naming the setting; an empty field too.
        var words = await app.Http.PutAsJsonAsync("/api/servers/Fast", form with { Import = form.Import with { FastInterval = "often" } });
        words.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await words.Content.ReadAsStringAsync()).Should().Contain("Import:OrderPollInterval");
        var empty = await app.Http.PutAsJsonAsync("/api/servers/Fast", form with { Export = form.Export with { FastInterval = " " } });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("Export:FastInterval");
        app.Server("Fast").OrderPollInterval.Should().Be(TimeSpan.FromSeconds(10), "nothing refused was applied");

        // A negative schedule reads, and the service (whose schedule it is) refuses it, naming the setting.
        var negative = await app.Http.PutAsJsonAsync("/api/servers/Fast", form with { Export = form.Export with { FastInterval = "-00:00:05" } });
        negative.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await negative.Content.ReadAsStringAsync()).Should().Contain("Export:FastInterval must not be negative");
        app.Server("Fast").FastExportInterval.Should().Be(TimeSpan.Zero, "nothing refused was applied");
    }

    [Fact]
    public async Task State_changing_requests_need_the_anti_forgery_token()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "Shop" }]);
        using var bare = new HttpClient { BaseAddress = app.Http.BaseAddress };
        var refused = await bare.PostAsync("/api/servers/Shop/start", null);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("anti-forgery");
        app.Server("Shop").State.Should().Be(ServerState.Stopped);
        (await bare.GetAsync("/api/servers")).StatusCode.Should().Be(HttpStatusCode.OK, "reading needs no token");
        (await app.Http.PostAsync("/api/servers/Shop/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_cli_lists_the_servers_the_page_wrote_with_the_key_masked()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "From appsettings" }]);
        (await app.Http.PostAsJsonAsync("/api/servers", Form(app, "Made on the page", autoStart: false))).EnsureSuccessStatusCode();

        var result = await CliProcess.RunAsync(Path.GetDirectoryName(app.ConfigFile)!, "servers", "--all", "--json", "--config", app.ConfigFile);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("Made on the page").And.Contain("From appsettings").And.NotContain(Key);

        var check = await CliProcess.RunAsync(Path.GetDirectoryName(app.ConfigFile)!, "servers", "--json", "--all", "--config", app.ConfigFile);
        check.Stdout.Should().NotContain("KeyError", "the CLI decrypts the key with the same key ring");
    }

    private static Shopiko.Sync.Service.Control.ServerForm Form(ServiceApp app, string name, string importInterval = "5", string? key = Key, bool autoStart = true) => new()
    {
        Name = name,
        AutoStart = autoStart,
        Provider = "Sqlite",
        ConnectionString = "Data Source=" + Path.Combine(Path.GetDirectoryName(app.ServersFile)!, "unused.db"),
        BaseUrl = "http://127.0.0.1:9/api/microinvest/v1/",
        ApiId = "3267435611954348033",
        Key = key,
        Import = new() { Start = "OnServerStart", Interval = importInterval },
        Export = new() { Start = "Disabled" },
        Object = "Централен Склад",
    };
}
