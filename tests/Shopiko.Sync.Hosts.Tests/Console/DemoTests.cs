using Shopiko.Sync.Hosts.Tests.Support;

namespace Shopiko.Sync.Hosts.Tests.Console;

/// <summary>The README's main-job command: the demo runs end to end and exits 0.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_runs_the_whole_cycle_and_exits_0()
    {
        using var folder = new TempFolder("shopiko-demo");

        var result = await CliProcess.RunAsync(folder.Path, "demo", "--folder", folder.File("demo"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("Demo finished").And.Contain("GIFT-5").And.Contain("PROLET10");
        result.Stdout.Should().Contain("every product's shop quantity equals the warehouse stock; all 3 orders are acknowledged with their document, and each document totals its order.")
            .And.EndWith("Demo finished: both sides agree." + Environment.NewLine);
        File.Exists(folder.File("demo/warehouse.db")).Should().BeTrue();
        File.Exists(folder.File("demo/appsettings.json")).Should().BeTrue();
        File.ReadAllText(folder.File("demo/appsettings.json")).Should().NotContain("\"Key\"");

        var log = await CliProcess.RunAsync(folder.Path, "log", "--json", "--config", folder.File("demo/appsettings.json"));
        log.ExitCode.Should().Be(0, log.ToString());
        log.Stdout.Should().Contain("\"trigger\": \"demo\"");
    }
}
