using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Service.Settings;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>The fast schedules (issue 12): intervals on the clock, the shop's requested waits, backoff, what is logged.</summary>
public sealed class FastScheduleTests
{
    public static TheoryData<int, int, int?, int> Waits => new()
    {
        // interval s, consecutive failures, requested s, expected s
        { 2, 0, null, 2 },
        { 2, 0, 1, 2 },
        { 2, 0, 30, 30 },
        { 2, 1, null, 4 },
        { 2, 3, null, 16 },
        { 2, 20, null, 300 },
        { 2, 20, 600, 600 },
        { 600, 2, null, 600 },
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public void The_next_wait_is_the_interval_backed_off_on_failures_and_never_shorter_than_the_shop_asked(int interval, int failures, int? requested, int expected) =>
        FastSchedule.NextWait(TimeSpan.FromSeconds(interval), failures, requested is { } r ? TimeSpan.FromSeconds(r) : null)
            .Should().Be(TimeSpan.FromSeconds(expected));

    [Fact]
    public void The_catalogue_is_due_first_and_then_after_its_interval()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1);
        FastSchedule.CatalogueDue(now, null, TimeSpan.FromSeconds(6)).Should().BeTrue();
        FastSchedule.CatalogueDue(now, now.AddSeconds(-5), TimeSpan.FromSeconds(6)).Should().BeFalse();
        FastSchedule.CatalogueDue(now, now.AddSeconds(-6), TimeSpan.FromSeconds(6)).Should().BeTrue();
    }

    [Fact]
    public async Task Fast_passes_run_on_their_intervals_quiet_ones_unlogged_and_the_poll_waits_as_the_shop_asks()
    {
        using var folder = new TempFolder("shopiko-fast");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var engines = new FastEngineFactory();
        var log = new FileRunLog(folder.File("runs"));
        var settings = new ServerOptions
        {
            Name = "Shopiko",
            Import = { Start = StartMode.OnServerStart, Interval = TimeSpan.FromMinutes(5), OrderPollInterval = TimeSpan.FromSeconds(2) },
            Export = { Start = StartMode.OnServerStart, Interval = TimeSpan.FromMinutes(15), FastInterval = TimeSpan.FromSeconds(2), CatalogueCheckInterval = TimeSpan.FromSeconds(6) },
        };
        using var shutdown = new CancellationTokenSource();
        var runner = new ServerRunner(new ServerEntry(0, settings.Name, "ShopikoSync:Servers:0", settings, [], []), engines, log, time, NullLogger.Instance, TimeSpan.FromSeconds(5), shutdown.Token);
        var recorded = 0;
        runner.RunFinished += _ => Interlocked.Increment(ref recorded);
        runner.Start();
        await Eventually.TrueAsync(() => engines.Count("export") == 1 && engines.Count("import") == 1 && runner.NextFastExportAt is not null && runner.NextOrderPollAt is not null, "the full passes at start");

        engines.PollWait = TimeSpan.FromSeconds(10);
        for (var i = 0; i < 6; i++)
        {
            var fast = engines.Count("fast-export");
            time.Advance(TimeSpan.FromSeconds(2));
            await Eventually.TrueAsync(() => engines.Count("fast-export") == fast + 1 && runner.NextFastExportAt is not null, "a fast export every two seconds");
        }

        await Eventually.TrueAsync(() => engines.Count("order-poll") == 2, "the second poll, ten seconds after the first");
        engines.Count("fast-export").Should().Be(6);
        engines.Catalogue.Should().Equal(true, false, false, true, false, false);
        engines.Count("export").Should().Be(1);
        Volatile.Read(ref recorded).Should().Be(2, "quiet fast passes are not logged");

        engines.SendNext = true;
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => Volatile.Read(ref recorded) == 3, "the pass that sent something to be logged");
        runner.LastRun!.Trigger.Should().Be("fast");
        runner.LastRun.Operation.Should().Be("fast-export");
        await runner.StopAsync();
        runner.NextFastExportAt.Should().BeNull();
    }

    private sealed class FastEngineFactory : ISyncEngineFactory
    {
        private readonly ConcurrentQueue<string> _calls = new();
        private readonly ConcurrentQueue<bool> _catalogue = new();

        public IReadOnlyList<string> ServerNames => ["Shopiko"];

        public TimeSpan? PollWait { get; set; }

        public bool SendNext { get; set; }

        public IReadOnlyList<bool> Catalogue => [.. _catalogue];

        public int Count(string operation) => _calls.Count(c => c == operation);

        public ISyncEngine Create(string? serverName = null) => new Engine(this);

        private sealed class Engine(FastEngineFactory factory) : ISyncEngine
        {
            public string ServerName => "Shopiko";

            public bool SupportsFastPasses => true;

            public Task<RunReport> ExportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) => Done("export");

            public Task<RunReport> ImportAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) => Done("import");

            public Task<RunReport> SyncAsync(SyncRunOptions? options = null, CancellationToken cancellationToken = default) => Done("sync");

            public Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default) => Task.FromResult(new CheckReport { Server = "Shopiko" });

            public async Task<RunReport> FastExportAsync(FastExportOptions? options = null, CancellationToken cancellationToken = default)
            {
                factory._catalogue.Enqueue(options?.CheckCatalogue ?? true);
                var report = await Done("fast-export");
                report.Export = new ExportReport { ItemsSent = factory.SendNext ? 3 : 0 };
                return report;
            }

            public async Task<RunReport> PollOrdersAsync(CancellationToken cancellationToken = default)
            {
                var report = await Done("order-poll");
                report.WaitBeforeNext = factory.PollWait;
                return report;
            }

            private Task<RunReport> Done(string operation)
            {
                factory._calls.Enqueue(operation);
                return Task.FromResult(new RunReport { Server = "Shopiko", Operation = operation, Outcome = RunOutcome.Succeeded });
            }
        }
    }
}
