using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service.Scheduling;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>The standing shown for a server, over a table of cases.</summary>
public sealed class ServerHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 14, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, ServerState, bool, int?, int?, int?, HealthKind, bool> Cases => new()
    {
        // case, state, valid, last success (min ago), failing since (min ago), started (min ago), kind, stale
        { "invalid settings win over everything", ServerState.Running, false, null, 10, 60, HealthKind.Invalid, false },
        { "stopped is stopped, failures or not", ServerState.Stopped, true, null, 10, null, HealthKind.Stopped, false },
        { "running and fine", ServerState.Running, true, 2, null, 60, HealthKind.Running, false },
        { "every pass fails: failing, not running", ServerState.Running, true, null, 10, 12, HealthKind.Failing, false },
        { "success 16 min ago, interval 5: stale", ServerState.Running, true, 16, null, 60, HealthKind.Running, true },
        { "success exactly 15 min ago: not yet", ServerState.Running, true, 15, null, 60, HealthKind.Running, false },
        { "never succeeded, started 16 min ago: stale", ServerState.Running, true, null, 16, 16, HealthKind.Failing, true },
        { "never succeeded, started 3 min ago", ServerState.Running, true, null, null, 3, HealthKind.Running, false },
        { "started after an old success counts from the start", ServerState.Running, true, 600, null, 10, HealthKind.Running, false },
        { "stopping", ServerState.Stopping, true, 1, null, 60, HealthKind.Stopping, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Standing(string name, ServerState state, bool valid, int? success, int? failing, int? started, HealthKind kind, bool stale)
    {
        var settings = new ServerOptions();
        settings.Import.Interval = TimeSpan.FromMinutes(5);
        settings.Export.Interval = TimeSpan.FromMinutes(15);
        var health = ServerHealth.Evaluate(state, valid, Ago(success), Ago(failing), Ago(started), settings, Now);
        health.Kind.Should().Be(kind, name);
        health.Stale.Should().Be(stale, name);
        if (kind == HealthKind.Failing)
        {
            health.Since.Should().Be(Ago(failing), name);
        }
    }

    [Fact]
    public void Schedules_that_never_repeat_give_no_warning()
    {
        var settings = new ServerOptions();
        settings.Import.Start = StartMode.Disabled;
        settings.Export.Interval = TimeSpan.Zero;
        ServerHealth.Evaluate(ServerState.Running, true, null, null, Now.AddDays(-3), settings, Now).Stale.Should().BeFalse();
    }

    private static DateTimeOffset? Ago(int? minutes) => minutes is { } m ? Now.AddMinutes(-m) : null;
}
