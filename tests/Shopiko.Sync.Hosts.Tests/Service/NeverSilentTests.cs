using System.Net;
using System.Text.Json.Nodes;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>
/// The service never fails silently: invalid servers are listed with their reasons and setting paths and never stop
/// the others; a server failing every pass says since when; no success within three intervals is a warning.
/// </summary>
public sealed class NeverSilentTests
{
    [Fact]
    public async Task Invalid_servers_are_listed_with_their_reasons_and_settings_and_the_others_run()
    {
        await using var app = await ServiceApp.StartAsync(
        [
            new { Name = "Good", AutoStart = true, Export = new { Start = "Disabled" } },
            new { Name = "Oracle", AutoStart = true, Warehouse = new { Provider = "Oracle", ConnectionString = "Data Source=x.db" } },
            new { Name = "No key", Hidden = true, Shop = new { BaseUrl = "http://127.0.0.1:9/api/microinvest/v1/", ApiId = "1", Key = "" } },
            new
            {
                // The spellings, accepted.
                Name = "Friendly",
                Warehouse = new { Provider = "MariaDB", ConnectionString = "Server=127.0.0.1;Database=wh" },
                Import = new { Interval = "5 min", Object = "1" },
            },
        ]);

        (await app.NextCallAsync("the valid autostart server's import")).Should().Be((SyncOperation.Import, "Good"));
        var servers = await app.ServersAsync();
        servers.Select(s => (string)s!["name"]!).Should().Equal(["Good", "Oracle", "No key", "Friendly"], "an invalid server is listed even when hidden");

        var oracle = servers[1]!;
        ((string)oracle["health"]!["kind"]!).Should().Be("invalid");
        var problem = oracle["problems"]!.AsArray().Single()!;
        ((string)problem["setting"]!).Should().Be("ShopikoSync:Servers:1:Warehouse:Provider");
        ((string)problem["message"]!).Should().Contain("Oracle").And.Contain("MySql");

        var noKey = servers[2]!;
        ((string)noKey["problems"]![0]!["setting"]!).Should().Be("ShopikoSync:Servers:2:Shop:Key");
        servers[3]!["problems"]!.AsArray().Should().BeEmpty();
        app.Server("Friendly").Settings.Import.Interval.Should().Be(TimeSpan.FromMinutes(5));

        var start = await app.Http.PostAsync("/api/servers/Oracle/start", null);
        start.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await start.Content.ReadAsStringAsync()).Should().Contain("Warehouse:Provider");
        var run = await app.Http.PostAsync("/api/servers/Oracle/run?operation=export", null);
        run.StatusCode.Should().Be(HttpStatusCode.Conflict);
        app.Server("Good").State.Should().Be(ServerState.Running);
        app.Engines.AllCalls.Should().OnlyContain(c => c.Server == "Good");
    }

    [Fact]
    public async Task A_server_failing_every_pass_shows_failing_since_and_not_running()
    {
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "Shop", AutoStart = true, Import = new { Interval = "00:05:00" }, Export = new { Start = "Disabled" } }],
            configure: e => e.Behaviour = (server, op, _) => Task.FromResult(ScriptedEngineFactory.Report(server, op, RunOutcome.Failed)));
        var t0 = app.Time.GetUtcNow();
        var shop = app.Server("Shop");

        await app.NextCallAsync("the first pass");
        await Eventually.TrueAsync(() => shop.FailingSince is not null && shop.NextImportAt is not null, "the failure to be recorded");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await app.NextCallAsync("the second pass");
        await Eventually.TrueAsync(() => shop.NextImportAt == t0 + TimeSpan.FromMinutes(10), "the second failure to be recorded");

        var view = (await app.ServersAsync())[0]!;
        ((string)view["state"]!).Should().Be("running", "its schedule still runs");
        ((string)view["health"]!["kind"]!).Should().Be("failing");
        DateTimeOffset.Parse((string)view["health"]!["since"]!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(t0, "failing since the first failed pass");
        view["lastSuccessAt"].Should().BeNull();

        app.Engines.Behaviour = (server, op, _) => Task.FromResult(ScriptedEngineFactory.Report(server, op, RunOutcome.Succeeded));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await app.NextCallAsync("a pass that goes through");
        await Eventually.TrueAsync(() => shop.FailingSince is null, "the success to clear the failure");
        shop.Health.Kind.Should().Be(HealthKind.Running);
        shop.LastSuccessAt.Should().Be(t0 + TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task No_success_within_three_intervals_is_a_warning()
    {
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "Shop", AutoStart = true, Import = new { Interval = "00:05:00" }, Export = new { Start = "Disabled" } }],
            configure: e => e.Behaviour = (server, op, _) => Task.FromResult(ScriptedEngineFactory.Report(server, op, RunOutcome.Failed)));
        var t0 = app.Time.GetUtcNow();
        var shop = app.Server("Shop");
        for (var pass = 1; pass <= 3; pass++)
        {
            await app.NextCallAsync("pass " + pass);
            await Eventually.TrueAsync(() => shop.NextImportAt == t0 + TimeSpan.FromMinutes(5 * pass), "the next pass to be due");
            shop.Health.Stale.Should().BeFalse("{0} intervals have not passed yet", pass);
            app.Time.Advance(TimeSpan.FromMinutes(5));
        }

        await app.NextCallAsync("pass 4");
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var health = (await app.ServersAsync())[0]!["health"]!;
        ((bool)health["stale"]!).Should().BeTrue();
        DateTimeOffset.Parse((string)health["noSuccessSince"]!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(t0, "it never succeeded since it started");
    }

    [Fact]
    public void The_failure_streak_and_last_success_are_read_back_from_the_run_log()
    {
        var history = new List<RunRecord>
        {
            Record("d", RunStatus.Cancelled, 40),
            Record("c", RunStatus.Failed, 30),
            Record("b", RunStatus.Failed, 20),
            Record("a", RunStatus.Succeeded, 10),
        };
        var (lastSuccess, failingSince, _) = ServerHealth.FromHistory(history);
        lastSuccess.Should().Be(At(10).AddSeconds(5));
        failingSince.Should().Be(At(20), "a cancelled pass neither breaks nor starts a streak");
    }

    private static DateTimeOffset At(int minute) => new(2026, 12, 1, 14, minute, 0, TimeSpan.Zero);

    private static RunRecord Record(string id, RunStatus status, int minute) => new()
    {
        Id = id,
        Server = "Shop",
        Operation = "import",
        StartedAt = At(minute),
        FinishedAt = At(minute).AddSeconds(5),
        Status = status,
    };
}
