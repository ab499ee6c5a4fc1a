using System.Text.Json.Nodes;
using Shopiko.Sync.Console.Commands;
using Shopiko.Sync.Console.Composition;
using Shopiko.Sync.Hosts.Tests.Support;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Hosts.Tests.Console;

/// <summary>
/// Never silent about settings, as a process: a server whose values do not parse is listed with its reasons and
/// setting paths, never dropped; broken files and paths say exactly what and where.
/// </summary>
public sealed class CliSettingsTests
{
    private static async Task<string> WriteAsync(TempFolder folder, params JsonObject[] servers)
    {
        var path = folder.File("settings.json");
        await File.WriteAllTextAsync(path, new JsonObject
        {
            ["ShopikoSync"] = new JsonObject
            {
                ["RunLog"] = new JsonObject { ["Folder"] = folder.File("runs") },
                ["Servers"] = new JsonArray(servers),
            },
        }.ToJsonString());
        return path;
    }

    private static JsonObject Server(string name, string provider = "MySql", string interval = "00:05:00") => new()
    {
        ["Name"] = name,
        ["AutoStart"] = true,
        ["Warehouse"] = new JsonObject { ["Provider"] = provider, ["ConnectionString"] = "Server=db;Database=wh;User ID=u;Password=hunter2" },
        ["Shop"] = new JsonObject { ["BaseUrl"] = "https://shop.example/api/microinvest/v1/", ["ApiId"] = "3267435611954348033", ["Key"] = "892b2466d9611628358bfd292745bf3bdadb737" },
        ["Import"] = new JsonObject { ["Object"] = "Централен Склад", ["Interval"] = interval },
    };

    [Fact]
    public async Task MariaDB_and_5_min_are_accepted_and_the_server_is_listed()
    {
        using var folder = new TempFolder();
        var config = await WriteAsync(folder, Server("Main", provider: "MariaDB", interval: "5 min"));

        var result = await CliProcess.RunAsync(folder.Path, "servers", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.ToString());
        var server = JsonNode.Parse(result.Stdout)!.AsArray().Should().ContainSingle().Subject!;
        ((string)server["warehouse"]!["provider"]!).Should().Be("MySql");
        ((string)server["import"]!["interval"]!).Should().Be("00:05:00");
        ((bool)server["valid"]!).Should().BeTrue();
    }

    [Fact]
    public async Task A_value_that_does_not_parse_keeps_the_server_listed_with_the_path_the_value_and_the_accepted_forms()
    {
        using var folder = new TempFolder();
        var config = await WriteAsync(folder, Server("Main", interval: "every five minutes"), Server("Second", provider: "Oracle"));

        var text = await CliProcess.RunAsync(folder.Path, "servers", "--config", config);
        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Should().Contain("== Main").And.Contain("== Second").And.Contain("settings: INVALID");
        text.Stdout.Should().Contain("error: ShopikoSync:Servers:0:Import:Interval is \"every five minutes\"").And.Contain("00:05:00").And.Contain("5 min");
        text.Stdout.Should().Contain("error: ShopikoSync:Servers:1:Warehouse:Provider is \"Oracle\"; accepted values: MySql (also MariaDB)");

        var run = await CliProcess.RunAsync(folder.Path, "import", "--server", "Main", "--config", config);
        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("ShopikoSync:Servers:0:Import:Interval is \"every five minutes\"");
        run.Stderr.Should().NotContain("No server is configured");
    }

    [Fact]
    public async Task Servers_lists_a_negative_fast_schedule_as_the_service_refuses_it()
    {
        using var folder = new TempFolder();
        var backwards = Server("Main");
        backwards["Export"] = new JsonObject { ["FastInterval"] = "-00:00:02" };
        var config = await WriteAsync(folder, backwards);

        var result = await CliProcess.RunAsync(folder.Path, "servers", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.ToString());
        var server = JsonNode.Parse(result.Stdout)!.AsArray().Single()!;
        ((bool)server["valid"]!).Should().BeFalse("the service would not run it");
        var problem = server["problems"]!.AsArray().Single()!;
        ((string)problem["setting"]!).Should().Be("ShopikoSync:Servers:0:Export:FastInterval");
        ((string)problem["message"]!).Should().Be("ShopikoSync:Servers:0:Export:FastInterval must not be negative (zero turns the fast export off).");
    }

    [Fact]
    public async Task Servers_json_uses_booleans_and_numbers_and_carries_the_problems()
    {
        using var folder = new TempFolder();
        var bad = Server("Main");
        bad["Import"]!["Intervall"] = "00:10:00";
        var config = await WriteAsync(folder, bad);

        var result = await CliProcess.RunAsync(folder.Path, "servers", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.ToString());
        var server = JsonNode.Parse(result.Stdout)!.AsArray().Single()!;
        server["autoStart"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.True);
        server["hidden"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False);
        server["export"]!["goods"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False);
        server["import"]!["syncNomenclature"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.True);
        ((int)server["shop"]!["pageSize"]!).Should().Be(100);
        ((string)server["shop"]!["key"]!).Should().Be("****b737");
        ((bool)server["valid"]!).Should().BeTrue("a misspelt setting is a warning");
        var problem = server["problems"]!.AsArray().Single()!;
        ((string)problem["setting"]!).Should().Be("ShopikoSync:Servers:0:Import:Intervall");
        ((string)problem["severity"]!).Should().Be("warning");
        result.Stdout.Should().NotContain("hunter2").And.NotContain("892b2466d9611628358bfd292745bf3bdadb737");
    }

    [Fact]
    public async Task Malformed_json_names_the_file_the_line_and_the_column()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.json");
        await File.WriteAllTextAsync(path, "{\n  \"ShopikoSync\": {\n    \"Servers\": [ { \"Name\": \"Склад\" \"Shop\": {} } ]\n  }\n}\n");

        var result = await CliProcess.RunAsync(folder.Path, "servers", "--config", path);

        result.ExitCode.Should().Be(1, result.ToString());
        var line = result.Stderr.Trim().Split('\n').Should().ContainSingle().Subject;
        line.Should().Contain(path).And.Contain("line 3, column 36");
    }

    [Fact]
    public async Task A_missing_sqlite_file_says_so_not_database_server_advice()
    {
        using var folder = new TempFolder();
        var server = Server("Main");
        server["Warehouse"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = "Data Source=" + folder.File("nowhere.db") };
        server["Shop"]!["BaseUrl"] = "http://127.0.0.1:9/api/microinvest/v1/";
        var config = await WriteAsync(folder, server);

        var result = await CliProcess.RunAsync(folder.Path, "import", "--config", config);

        result.ExitCode.Should().Be(1, result.ToString());
        var line = result.Stderr.Trim().Split('\n').Should().ContainSingle().Subject;
        line.Should().Contain($"The file {folder.File("nowhere.db")} does not exist").And.NotContain("server address, port");
        File.Exists(folder.File("nowhere.db")).Should().BeFalse("a wrong path is not a new database");
    }

    [Fact]
    public async Task Log_lists_the_folder_it_is_pointed_at()
    {
        using var folder = new TempFolder();
        var config = await WriteAsync(folder, Server("Main"));
        var elsewhere = folder.File("other-runs");
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await new FileRunLog(elsewhere).WriteAsync(new RunRecord
        {
            Id = "x1", Server = "Склад Варна", Operation = "export", Trigger = "schedule", StartedAt = at, FinishedAt = at.AddSeconds(2), Status = RunStatus.Succeeded,
            Report = new RunReport { Server = "Склад Варна", Operation = "export", Outcome = RunOutcome.Succeeded, Export = new ExportReport { Products = { Created = 4 } } },
        });

        var result = await CliProcess.RunAsync(folder.Path, "log", "--config", config, $"--ShopikoSync:RunLog:Folder={elsewhere}");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("Run log: " + elsewhere).And.Contain("Склад Варна").And.Contain("products 4 created");
    }

    [Fact]
    public async Task Import_help_offers_no_export_only_option()
    {
        var import = await CliProcess.RunAsync(Path.GetTempPath(), "import", "--help");
        import.ExitCode.Should().Be(0, import.ToString());
        import.Stdout.Should().Contain("--full").And.Contain("List every shop product and customer again").And.NotContain("remembered hashes");

        var export = await CliProcess.RunAsync(Path.GetTempPath(), "export", "--help");
        export.Stdout.Should().Contain("Ignore the remembered hashes");
    }

    [Fact]
    public void Full_is_described_per_command() =>
        RunCommand.FullDescription(SyncOperation.Import).Should().NotContain("hash");

    [Fact]
    public async Task HttpClient_and_Polly_log_only_warnings_even_when_verbose()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        foreach (var verbose in new[] { false, true })
        {
            var services = CliServices.Create(configuration, verbose);
            await using (services)
            {
                var loggers = (Microsoft.Extensions.Logging.ILoggerFactory)services.Services.GetService(typeof(Microsoft.Extensions.Logging.ILoggerFactory))!;
                foreach (var category in CliServices.QuietCategories)
                {
                    var logger = loggers.CreateLogger(category + ".Anything");
                    logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information).Should().BeFalse(category);
                    logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Warning).Should().BeTrue(category);
                }
            }
        }
    }
}
