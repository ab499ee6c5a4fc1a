using System.Text.Json;
using System.Text.Json.Nodes;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Console;

/// <summary>The console host as a process: settings, masking, the run log, and failures with one-line reasons.</summary>
public sealed class CliBasicsTests
{
    private static async Task<string> WriteConfigAsync(TempFolder folder, string key = "892b2466d9611628358bfd292745bf3bdadb737")
    {
        var path = folder.File("settings.json");
        await File.WriteAllTextAsync(path, new JsonObject
        {
            ["ShopikoSync"] = new JsonObject
            {
                ["RunLog"] = new JsonObject { ["Folder"] = folder.File("runs") },
                ["Servers"] = new JsonArray(
                    new JsonObject
                    {
                        ["Name"] = "Main",
                        ["Warehouse"] = new JsonObject { ["Provider"] = "MySql", ["ConnectionString"] = "Server=db;Database=wh;User ID=u;Password=hunter2" },
                        ["Shop"] = new JsonObject { ["BaseUrl"] = "https://shop.example/api/microinvest/v1/", ["ApiId"] = "3267435611954348033", ["Key"] = key },
                    },
                    new JsonObject { ["Name"] = "Old", ["Hidden"] = true }),
            },
        }.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Servers_lists_settings_with_the_key_and_passwords_masked()
    {
        using var folder = new TempFolder();
        var config = await WriteConfigAsync(folder);

        var result = await CliProcess.RunAsync(folder.Path, "servers", "--config", config);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("Main").And.Contain("API Идентификатор").And.Contain("3267435611954348033").And.Contain("****b737");
        result.Stdout.Should().NotContain("892b2466d9611628358bfd292745bf3bdadb737").And.NotContain("hunter2").And.NotContain("Old");

        var all = await CliProcess.RunAsync(folder.Path, "servers", "--all", "--json", "--config", config);
        all.ExitCode.Should().Be(0, all.ToString());
        JsonNode.Parse(all.Stdout)!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_run_that_cannot_start_prints_a_failed_report_and_one_line_and_exits_1()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, "export", "--json", "--config", folder.File("missing.json"));

        result.ExitCode.Should().Be(1, result.ToString());
        var report = JsonNode.Parse(result.Stdout)!;
        ((string)report["outcome"]!).Should().Be("failed");
        ((string)report["operation"]!).Should().Be("export");
        ((string)report["error"]!).Should().Contain("missing.json");
        result.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("shopiko-sync: export failed:");
    }

    [Fact]
    public async Task A_mistyped_flag_is_refused_not_taken_for_a_setting()
    {
        using var folder = new TempFolder();
        var config = await WriteConfigAsync(folder);

        var result = await CliProcess.RunAsync(folder.Path, "export", "--dryrun", "--config", config);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("Unknown option '--dryrun'");
    }

    [Fact]
    public async Task Log_reads_the_runs_recorded_in_the_configured_folder()
    {
        using var folder = new TempFolder();
        var config = await WriteConfigAsync(folder);
        var log = new FileRunLog(folder.File("runs"));
        var at = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var report = new RunReport { Server = "Main", Operation = "import", Outcome = RunOutcome.Partial, Import = new ImportReport { OrdersImported = 2 } };
        report.Quarantine.Add(new QuarantinedItem("order", "90018", "Unknown product"));
        await log.WriteAsync(new RunRecord { Id = "r1", Server = "Main", Operation = "import", Trigger = "schedule", StartedAt = at, FinishedAt = at.AddSeconds(3), Status = RunStatus.Partial, Report = report });

        var text = await CliProcess.RunAsync(folder.Path, "log", "--config", config);
        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Should().Contain("2 orders imported").And.Contain("90018: Unknown product");

        var json = await CliProcess.RunAsync(folder.Path, "log", "--server", "main", "--json", "--config", config);
        var runs = JsonNode.Parse(json.Stdout)!.AsArray();
        runs.Should().ContainSingle();
        ((string)runs[0]!["status"]!).Should().Be("partial");
        ((int)runs[0]!["report"]!["import"]!["ordersImported"]!).Should().Be(2);
    }
}
