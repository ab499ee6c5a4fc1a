using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>Start modes, delays and intervals on a fake clock; passes of one server never overlap.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public async Task Autostart_servers_follow_their_start_modes_and_intervals_on_the_clock()
    {
        await using var app = await ServiceApp.StartAsync(
        [
            new
            {
                Name = "Shop A",
                AutoStart = true,
                Import = new { Start = "OnServerStart", Interval = "00:05:00" },
                Export = new { Start = "Delayed", Delay = "00:01:00", Interval = "00:00:00" },
            },
            new { Name = "Shop B", AutoStart = false },
        ]);
        var t0 = app.Time.GetUtcNow();
        var a = app.Server("Shop A");

        (await app.NextCallAsync("the import at server start")).Should().Be((SyncOperation.Import, "Shop A"));
        await Eventually.TrueAsync(() => a.NextImportAt == t0 + TimeSpan.FromMinutes(5), "the next import to be scheduled");
        a.NextExportAt.Should().Be(t0 + TimeSpan.FromMinutes(1));

        app.Time.Advance(TimeSpan.FromMinutes(1));
        (await app.NextCallAsync("the delayed export")).Should().Be((SyncOperation.Export, "Shop A"));
        await Eventually.TrueAsync(() => a.CurrentOperation is null && a.NextExportAt is null, "the one-off export to end");

        app.Time.Advance(TimeSpan.FromMinutes(4));
        (await app.NextCallAsync("the repeated import")).Should().Be((SyncOperation.Import, "Shop A"));
        await Eventually.TrueAsync(() => a.NextImportAt == t0 + TimeSpan.FromMinutes(10), "the third import to be scheduled");

        app.Engines.AllCalls.Should().HaveCount(3).And.NotContain(c => c.Server == "Shop B");
        app.Server("Shop B").State.Should().Be(ServerState.Stopped);
        var servers = await app.ServersAsync();
        servers.Select(s => (string)s!["name"]!).Should().Equal("Shop A", "Shop B");
        ((string)servers[0]!["state"]!).Should().Be("running");
        ((string)servers[1]!["state"]!).Should().Be("stopped");
        ((string)servers[0]!["lastRun"]!["operation"]!).Should().Be("import");
        ((string)servers[0]!["lastRun"]!["status"]!).Should().Be("succeeded");
    }

    [Fact]
    public async Task Disabled_jobs_never_run_and_a_zero_interval_runs_once()
    {
        await using var app = await ServiceApp.StartAsync(
        [
            new
            {
                Name = "Shopiko",
                AutoStart = true,
                Import = new { Start = "Disabled" },
                Export = new { Start = "OnServerStart", Interval = "00:00:00" },
            },
        ]);

        (await app.NextCallAsync("the export at start")).Operation.Should().Be(SyncOperation.Export);
        await Eventually.TrueAsync(() => app.Server("Shopiko").LastRun?.Status == RunStatus.Succeeded, "the export to be logged");
        app.Time.Advance(TimeSpan.FromDays(1));
        app.Engines.AllCalls.Should().ContainSingle();
        app.Server("Shopiko").NextImportAt.Should().BeNull();
    }

    [Fact]
    public async Task Passes_of_one_server_never_overlap_a_due_job_waits_and_a_manual_run_is_refused()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await ServiceApp.StartAsync(
            [
                new
                {
                    Name = "Shopiko",
                    AutoStart = true,
                    Import = new { Start = "OnServerStart", Interval = "00:05:00" },
                    Export = new { Start = "Delayed", Delay = "00:00:30", Interval = "00:05:00" },
                },
            ],
            configure: engines => engines.Behaviour = async (server, op, ct) =>
            {
                if (op == SyncOperation.Import)
                {
                    await release.Task.WaitAsync(ct);
                }

                return ScriptedEngineFactory.Report(server, op, RunOutcome.Succeeded);
            });

        (await app.NextCallAsync("the long import")).Operation.Should().Be(SyncOperation.Import);
        app.Time.Advance(TimeSpan.FromSeconds(30));

        var refused = await app.Http.PostAsync("/api/servers/Shopiko/run?operation=export", null);
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("never overlap");
        app.Engines.AllCalls.Should().ContainSingle("the due export waits for the import to end");

        release.SetResult();
        (await app.NextCallAsync("the export after the import")).Operation.Should().Be(SyncOperation.Export);
        app.Engines.MaxConcurrent.Should().Be(1);
    }

    [Fact]
    public async Task Every_pass_is_in_the_persistent_run_log_with_its_report()
    {
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "Shopiko", AutoStart = false }],
            configure: engines => engines.Behaviour = (server, op, _) =>
            {
                var report = ScriptedEngineFactory.Report(server, op, RunOutcome.Partial);
                report.Quarantine.Add(new QuarantinedItem("order", "1001", "Unknown product SKU-9"));
                return Task.FromResult(report);
            });

        var response = await app.Http.PostAsync("/api/servers/Shopiko/run?operation=import", null);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        await Eventually.TrueAsync(() => app.Server("Shopiko").LastRun?.FinishedAt is not null, "the manual import to end");

        var log = await new FileRunLog(app.RunLogFolder).ReadRecentAsync("Shopiko");
        log.Should().ContainSingle();
        log[0].Status.Should().Be(RunStatus.Partial);
        log[0].Trigger.Should().Be("manual");
        log[0].Report!.Quarantine.Should().ContainSingle(q => q.Id == "1001");

        var body = await app.Http.GetStringAsync("/api/servers/Shopiko/log?count=5");
        body.Should().Contain("\"status\":\"partial\"").And.Contain("Unknown product SKU-9");
    }
}
