using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Diagnostics;
using Shopiko.Sync.Diagnostics.Health;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Core.Tests.Diagnostics;

public class HealthCheckTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Healthy_then_degraded_by_quarantine_then_unhealthy_after_missed_intervals()
    {
        var (time, services) = Compose();
        await using var _ = services;
        var health = services.GetRequiredService<HealthCheckService>();
        var registry = services.GetRequiredService<SyncRunStatusRegistry>();

        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Healthy, "nothing has had time to go wrong yet");

        registry.Record(Report(time, RunOutcome.Succeeded));
        var healthy = await health.CheckHealthAsync();
        healthy.Status.Should().Be(HealthStatus.Healthy);
        healthy.Entries["shopiko-sync"].Data["Main"].Should().BeOfType<ServerHealthReport>().Which.Run!.LastSuccessAt.Should().Be(time.GetUtcNow());

        registry.Record(Report(time, RunOutcome.Partial, quarantined: 2));
        var degraded = await health.CheckHealthAsync();
        degraded.Status.Should().Be(HealthStatus.Degraded);
        degraded.Entries["shopiko-sync"].Description.Should().Contain("2 item(s) quarantined");

        // Import every 5 minutes, 3 missed intervals allowed: at 15 minutes still within, past it unhealthy.
        time.Advance(TimeSpan.FromMinutes(15));
        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Degraded);
        time.Advance(TimeSpan.FromSeconds(1));
        var stale = await health.CheckHealthAsync();
        stale.Status.Should().Be(HealthStatus.Unhealthy);
        stale.Entries["shopiko-sync"].Description.Should().Contain("No successful run since");
    }

    [Theory]
    [InlineData(RunFailureKind.Configuration, HealthStatus.Unhealthy)]
    [InlineData(RunFailureKind.Authentication, HealthStatus.Unhealthy)]
    [InlineData(RunFailureKind.ShopUnavailable, HealthStatus.Degraded)]
    [InlineData(RunFailureKind.WarehouseUnavailable, HealthStatus.Degraded)]
    [InlineData(RunFailureKind.Other, HealthStatus.Degraded)]
    public async Task A_failed_last_run_is_unhealthy_only_when_a_person_must_act(RunFailureKind failure, HealthStatus expected)
    {
        var (time, services) = Compose();
        await using var _ = services;
        var registry = services.GetRequiredService<SyncRunStatusRegistry>();
        registry.Record(Report(time, RunOutcome.Succeeded));
        registry.Record(Report(time, RunOutcome.Failed), failure);

        var result = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        result.Status.Should().Be(expected);
    }

    [Fact]
    public async Task A_server_that_never_succeeds_is_unhealthy_once_its_intervals_have_passed_since_the_start()
    {
        var (time, services) = Compose();
        await using var _ = services;
        var health = services.GetRequiredService<HealthCheckService>();
        time.Advance(TimeSpan.FromMinutes(15));
        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Healthy);
        time.Advance(TimeSpan.FromMinutes(1));
        (await health.CheckHealthAsync()).Status.Should().Be(HealthStatus.Unhealthy);
    }

    public static TheoryData<StartMode, TimeSpan, StartMode, TimeSpan, TimeSpan?> Intervals => new()
    {
        { StartMode.OnServerStart, TimeSpan.FromMinutes(5), StartMode.OnServerStart, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5) },
        { StartMode.Disabled, TimeSpan.FromMinutes(5), StartMode.Delayed, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15) },
        { StartMode.OnServerStart, TimeSpan.Zero, StartMode.Disabled, TimeSpan.FromMinutes(15), null },
        { StartMode.Disabled, TimeSpan.FromMinutes(5), StartMode.Disabled, TimeSpan.FromMinutes(15), null },
    };

    [Theory]
    [MemberData(nameof(Intervals))]
    public void The_interval_is_the_shorter_of_the_jobs_that_repeat(StartMode import, TimeSpan importEvery, StartMode export, TimeSpan exportEvery, TimeSpan? expected)
    {
        var server = new ServerOptions
        {
            Import = { Start = import, Interval = importEvery },
            Export = { Start = export, Interval = exportEvery },
        };

        ServerHealth.Interval(server).Should().Be(expected);
    }

    private static (FakeTimeProvider Time, ServiceProvider Services) Compose()
    {
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddShopikoSync(o => o.Servers.Add(new ServerOptions
        {
            Name = "Main",
            Import = { Interval = TimeSpan.FromMinutes(5) },
            Export = { Interval = TimeSpan.FromMinutes(15) },
        }));
        services.AddHealthChecks().AddShopikoSync(missedIntervals: 3);
        var provider = services.BuildServiceProvider();
        // The registry watches from when it is made; a host makes it on start (the service resolves it then).
        provider.GetRequiredService<SyncRunStatusRegistry>();
        return (time, provider);
    }

    private static RunReport Report(TimeProvider time, RunOutcome outcome, int quarantined = 0)
    {
        var report = new RunReport
        {
            Server = "Main",
            Operation = "import",
            StartedAt = time.GetUtcNow(),
            FinishedAt = time.GetUtcNow(),
            Outcome = outcome,
            Error = outcome == RunOutcome.Failed ? "it failed" : null,
        };
        for (var i = 0; i < quarantined; i++)
        {
            report.Quarantine.Add(new QuarantinedItem("order", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "bad"));
        }

        return report;
    }
}
