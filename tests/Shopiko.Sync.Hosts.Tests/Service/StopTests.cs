using System.Net;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>Start and stop through the HTTP surface; a stop drains the running pass without leaving half a document.</summary>
public sealed class StopTests
{
    [Fact]
    public async Task Start_and_stop_through_the_http_surface_switch_the_schedules_on_and_off()
    {
        await using var app = await ServiceApp.StartAsync(
        [
            new { Name = "Shopiko", AutoStart = false, Import = new { Start = "OnServerStart", Interval = "00:01:00" }, Export = new { Start = "Disabled" } },
        ]);

        app.Time.Advance(TimeSpan.FromMinutes(10));
        app.Engines.AllCalls.Should().BeEmpty("a server without AutoStart waits for Старт");

        (await app.Http.PostAsync("/api/servers/shopiko/start", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.NextCallAsync("the import after start")).Operation.Should().Be(SyncOperation.Import);
        await Eventually.TrueAsync(() => app.Server("Shopiko").NextImportAt is not null, "the next import to be scheduled");

        var stopped = await app.Http.PostAsync("/api/servers/Shopiko/stop", null);
        stopped.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stopped.Content.ReadAsStringAsync()).Should().Contain("\"state\":\"stopped\"");

        app.Time.Advance(TimeSpan.FromMinutes(10));
        app.Engines.AllCalls.Should().ContainSingle("a stopped server runs nothing");
        (await app.Http.PostAsync("/api/servers/Nope/start", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stop_lets_the_document_in_hand_finish_and_writes_no_half_document()
    {
        // Each "document" is begun, then committed; the scripted engine checks for cancellation only between documents,
        // as the real engine does between items.
        var begun = 0;
        var committed = 0;
        var secondBegun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "Shopiko", AutoStart = true, Import = new { Start = "OnServerStart", Interval = "00:05:00" }, Export = new { Start = "Disabled" } }],
            configure: engines => engines.Behaviour = async (server, op, ct) =>
            {
                for (var document = 1; document <= 5; document++)
                {
                    ct.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref begun);
                    if (document == 2)
                    {
                        secondBegun.SetResult();
                        await finishSecond.Task; // the write in hand is not abandoned half way
                    }

                    Interlocked.Increment(ref committed);
                }

                return ScriptedEngineFactory.Report(server, op, RunOutcome.Succeeded);
            });

        await secondBegun.Task.WithTimeout("the second document to begin");
        var stop = app.Http.PostAsync("/api/servers/Shopiko/stop", null);
        await Eventually.TrueAsync(() => app.Server("Shopiko").State == ServerState.Stopping, "the server to be stopping");
        stop.IsCompleted.Should().BeFalse("the stop waits for the pass to reach an item boundary");

        finishSecond.SetResult();
        (await stop.WithTimeout("the stop to return")).StatusCode.Should().Be(HttpStatusCode.OK);

        committed.Should().Be(begun).And.Be(2);
        app.Server("Shopiko").State.Should().Be(ServerState.Stopped);
        var last = (await new FileRunLog(app.RunLogFolder).ReadRecentAsync("Shopiko", 1)).Single();
        last.Status.Should().Be(RunStatus.Cancelled);
        last.FinishedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Host_shutdown_drains_every_server()
    {
        var inPass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = await ServiceApp.StartAsync(
            [new { Name = "Shopiko", AutoStart = true, Export = new { Start = "Disabled" } }],
            configure: engines => engines.Behaviour = async (server, op, ct) =>
            {
                inPass.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return ScriptedEngineFactory.Report(server, op, RunOutcome.Succeeded);
            });
        await inPass.Task.WithTimeout("the pass to start");
        var runner = app.Server("Shopiko");

        await app.DisposeAsync().AsTask().WithTimeout("the host to stop");

        runner.State.Should().Be(ServerState.Stopped);
        runner.LastRun!.Status.Should().Be(RunStatus.Cancelled, "the pass ended on the stop and its end was recorded");
    }
}
