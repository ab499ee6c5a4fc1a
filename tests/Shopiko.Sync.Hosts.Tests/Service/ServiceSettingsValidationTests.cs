using System.Net;
using Microsoft.Extensions.Configuration;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Service.Settings;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>
/// The settings only the service reads (the fast schedules) are checked by the service, not by the library: named by
/// their setting path, listed with the server, and refused like the library's problems.
/// </summary>
public sealed class ServiceSettingsValidationTests
{
    public static TheoryData<string, string> NegativeSchedules => new()
    {
        { "Export:FastInterval", "ShopikoSync:Servers:0:Export:FastInterval must not be negative (zero turns the fast export off)." },
        { "Export:CatalogueCheckInterval", "ShopikoSync:Servers:0:Export:CatalogueCheckInterval must not be negative (zero checks the catalogue on every fast pass)." },
        { "Import:OrderPollInterval", "ShopikoSync:Servers:0:Import:OrderPollInterval must not be negative (zero turns the order poll off)." },
    };

    /// <summary>The problems the service finds with a server of complete settings plus <paramref name="settings"/>.</summary>
    private static IReadOnlyList<SettingProblem> Problems(params (string Setting, string Value)[] settings)
    {
        var server = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Name"] = "Shopiko",
            ["Warehouse:Provider"] = "Sqlite",
            ["Warehouse:ConnectionString"] = "Data Source=wh.db",
            ["Shop:BaseUrl"] = "https://shop.example/api/microinvest/v1/",
            ["Shop:ApiId"] = "1",
            ["Shop:Key"] = "test-key",
        };
        foreach (var (setting, value) in settings)
        {
            server[setting] = value;
        }

        return new ServerCatalog(new ConfigurationBuilder().Build()).Validate(server, 0);
    }

    [Theory]
    [MemberData(nameof(NegativeSchedules))]
    public void A_negative_fast_schedule_is_named_with_its_setting_path(string setting, string message)
    {
        var problem = Problems((setting, "-00:00:01")).Should().ContainSingle().Subject;

        problem.Setting.Should().Be("ShopikoSync:Servers:0:" + setting);
        problem.Message.Should().Be(message);
        problem.Severity.Should().Be(SettingSeverity.Error);
    }

    [Theory]
    [InlineData("Export:FastInterval")]
    [InlineData("Export:CatalogueCheckInterval")]
    [InlineData("Import:OrderPollInterval")]
    public void Zero_turns_a_fast_schedule_off_and_is_no_problem(string setting) => Problems((setting, "0")).Should().BeEmpty();

    [Fact]
    public void A_value_the_library_could_not_read_stays_its_problem_and_the_service_adds_its_own()
    {
        var problems = Problems(("Import:OrderPollInterval", "soon"), ("Export:FastInterval", "-00:00:01"));

        problems.Select(p => p.Setting).Should().Equal("ShopikoSync:Servers:0:Import:OrderPollInterval", "ShopikoSync:Servers:0:Export:FastInterval");
        problems[0].Message.Should().Contain("\"soon\"", "the library's reason: the value is not a duration");
    }

    [Fact]
    public async Task A_server_with_a_negative_fast_schedule_is_listed_with_the_reason_refused_and_the_others_run()
    {
        await using var app = await ServiceApp.StartAsync(
        [
            new { Name = "Good", AutoStart = true, Export = new { Start = "Disabled" } },
            new { Name = "Backwards", AutoStart = true, Export = new { FastInterval = "-00:00:02" } },
        ]);

        (await app.NextCallAsync("the valid autostart server's import")).Should().Be((SyncOperation.Import, "Good"));
        var backwards = (await app.ServersAsync())[1]!;
        ((string)backwards["health"]!["kind"]!).Should().Be("invalid");
        var problem = backwards["problems"]!.AsArray().Single()!;
        ((string)problem["setting"]!).Should().Be("ShopikoSync:Servers:1:Export:FastInterval");
        ((string)problem["message"]!).Should().Be("ShopikoSync:Servers:1:Export:FastInterval must not be negative (zero turns the fast export off).");

        var start = await app.Http.PostAsync("/api/servers/Backwards/start", null);
        start.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await start.Content.ReadAsStringAsync()).Should().Contain("Export:FastInterval");
        app.Server("Good").State.Should().Be(ServerState.Running);
        app.Engines.AllCalls.Should().OnlyContain(c => c.Server == "Good");
    }
}
