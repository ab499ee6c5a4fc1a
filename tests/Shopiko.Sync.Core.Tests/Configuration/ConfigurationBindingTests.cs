using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Core.Tests.Configuration;

/// <summary>Binding the ShopikoSync section: no value that does not parse may make a server vanish.</summary>
public class ConfigurationBindingTests
{
    private static Dictionary<string, string?> Complete(int i, string name) => new()
    {
        [$"ShopikoSync:Servers:{i}:Name"] = name,
        [$"ShopikoSync:Servers:{i}:Warehouse:Provider"] = "Sqlite",
        [$"ShopikoSync:Servers:{i}:Warehouse:ConnectionString"] = "Data Source=never-opened.db",
        [$"ShopikoSync:Servers:{i}:Shop:BaseUrl"] = "https://shop.example/api/microinvest/v1/",
        [$"ShopikoSync:Servers:{i}:Shop:ApiId"] = "3267435611954348033",
        [$"ShopikoSync:Servers:{i}:Shop:Key"] = "secret-key-value",
    };

    private static ShopikoSyncOptions Bind(params Dictionary<string, string?>[] parts)
    {
        // Later parts win, as later configuration sources do.
        var builder = new ConfigurationBuilder();
        foreach (var part in parts)
        {
            builder.AddInMemoryCollection(part);
        }

        var configuration = builder.Build();
        return ShopikoSyncConfiguration.Bind(configuration.GetSection(ShopikoSyncOptions.SectionName));
    }

    private static Dictionary<string, string?> Set(string key, string value) => new() { [key] = value };

    [Theory]
    [InlineData("MariaDB")]
    [InlineData("mariadb")]
    [InlineData("MySQL")]
    [InlineData("mysql")]
    public void MariaDB_is_the_MySql_provider(string provider)
    {
        var options = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Warehouse:Provider", provider));
        options.Servers.Should().ContainSingle().Which.Warehouse.Provider.Should().Be(WarehouseProvider.MySql);
        options.ValidateServers().Single().Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("SQL Server", WarehouseProvider.SqlServer)]
    [InlineData("MSSQL", WarehouseProvider.SqlServer)]
    [InlineData("sqlite", WarehouseProvider.Sqlite)]
    [InlineData("Access", WarehouseProvider.Access)]
    public void Provider_names_are_read_generously(string provider, WarehouseProvider expected) =>
        Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Warehouse:Provider", provider)).Servers[0].Warehouse.Provider.Should().Be(expected);

    [Fact]
    public void An_unknown_provider_keeps_the_server_and_names_the_setting_value_and_accepted_values()
    {
        var options = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Warehouse:Provider", "Oracle"), Complete(1, "B"));

        options.Servers.Select(s => s.Name).Should().Equal("A", "B");
        var verdicts = options.ValidateServers();
        verdicts[1].IsValid.Should().BeTrue();
        var problem = verdicts[0].Errors.Should().ContainSingle().Subject;
        problem.Setting.Should().Be("ShopikoSync:Servers:0:Warehouse:Provider");
        problem.Message.Should().Contain("\"Oracle\"").And.Contain("MySql (also MariaDB)").And.Contain("SqlServer").And.Contain("Sqlite");
    }

    [Theory]
    [InlineData("5 min", 5 * 60)]
    [InlineData("5m", 5 * 60)]
    [InlineData("5 minutes", 5 * 60)]
    [InlineData("00:05:00", 5 * 60)]
    [InlineData("30s", 30)]
    [InlineData("1h 30m", 90 * 60)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("2 hours", 2 * 3600)]
    [InlineData("1d", 86400)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData("1.5h", 90 * 60)]
    [InlineData("5 мин", 5 * 60)]
    [InlineData("2 часа", 2 * 3600)]
    [InlineData("0", 0)]
    public void Intervals_are_read_in_the_forms_a_merchant_writes(string text, int seconds)
    {
        var options = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Import:Interval", text));
        options.Servers[0].Import.Interval.Should().Be(TimeSpan.FromSeconds(seconds));
        options.ValidateServers()[0].Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("five minutes")]
    [InlineData("5 fortnights")]
    [InlineData("5")]
    [InlineData("5 min please")]
    [InlineData("")]
    public void An_interval_that_does_not_parse_is_an_error_naming_the_path_the_value_and_the_forms(string text)
    {
        var options = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Import:Interval", text));

        options.Servers.Should().ContainSingle().Which.Name.Should().Be("A");
        var problem = options.ValidateServers()[0].Errors.Should().ContainSingle().Subject;
        problem.Setting.Should().Be("ShopikoSync:Servers:0:Import:Interval");
        problem.Message.Should().StartWith("ShopikoSync:Servers:0:Import:Interval ").And.Contain($"\"{text}\"".Length > 2 ? $"\"{text}\"" : "empty").And.Contain("00:05:00").And.Contain("5m");
    }

    [Fact]
    public void A_bare_number_asks_for_a_unit_instead_of_meaning_days()
    {
        var problem = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Export:Interval", "15")).ValidateServers()[0].Errors.Single();
        problem.Message.Should().Contain("15m").And.Contain("without a unit");
    }

    [Fact]
    public void Every_unreadable_value_of_a_server_is_reported_not_only_the_first()
    {
        var options = Bind(
            Complete(0, "A"),
            Set("ShopikoSync:Servers:0:Import:Interval", "soon"),
            Set("ShopikoSync:Servers:0:AutoStart", "maybe"),
            Set("ShopikoSync:Servers:0:Shop:PageSize", "ten"),
            Set("ShopikoSync:Servers:0:Export:PriceColumn", "Retail"),
            Set("ShopikoSync:Servers:0:Import:Start", "Later"));

        var errors = options.ValidateServers()[0].Errors;
        errors.Select(e => e.Setting).Should().BeEquivalentTo(
            "ShopikoSync:Servers:0:Import:Interval",
            "ShopikoSync:Servers:0:AutoStart",
            "ShopikoSync:Servers:0:Shop:PageSize",
            "ShopikoSync:Servers:0:Export:PriceColumn",
            "ShopikoSync:Servers:0:Import:Start");
        errors.Single(e => e.Setting.EndsWith("AutoStart", StringComparison.Ordinal)).Message.Should().Contain("true or false");
        errors.Single(e => e.Setting.EndsWith("PriceColumn", StringComparison.Ordinal)).Message.Should().Contain("PriceOut1").And.Contain("PriceOut10");
        errors.Single(e => e.Setting.EndsWith("Import:Start", StringComparison.Ordinal)).Message.Should().Contain("OnServerStart, Delayed, Disabled");
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("да", true)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void Yes_no_settings_take_friendly_forms(string text, bool expected) =>
        Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Export:Goods", text)).Servers[0].Export.Goods.Should().Be(expected);

    [Fact]
    public void Start_modes_are_read_without_spaces_and_case()
    {
        var server = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Import:Start", "on server start")).Servers[0];
        server.Import.Start.Should().Be(StartMode.OnServerStart);
    }

    [Fact]
    public void A_misspelt_setting_is_a_warning_that_keeps_the_server_valid_and_never_repeats_the_value()
    {
        var verdict = Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Import:Intervall", "top-secret")).ValidateServers()[0];

        verdict.IsValid.Should().BeTrue();
        var warning = verdict.Warnings.Should().ContainSingle().Subject;
        warning.Setting.Should().Be("ShopikoSync:Servers:0:Import:Intervall");
        warning.Message.Should().Contain("Interval").And.Contain("of Import").And.NotContain("top-secret");
    }

    [Fact]
    public void Stock_objects_bind_as_a_list_and_a_single_string_is_explained()
    {
        Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Export:StockObjects:0", "Склад 1"), Set("ShopikoSync:Servers:0:Export:StockObjects:1", "2"))
            .Servers[0].Export.StockObjects.Should().Equal("Склад 1", "2");
        Bind(Complete(0, "A"), Set("ShopikoSync:Servers:0:Export:StockObjects", "Склад 1"))
            .ValidateServers()[0].Errors.Single().Message.Should().Contain("[\"Склад 1\"]");
    }

    [Fact]
    public void The_engine_factory_refuses_only_the_bad_server_and_creates_the_others()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Complete(0, "Bad"))
            .AddInMemoryCollection(Set("ShopikoSync:Servers:0:Import:Interval", "5 minutes please"))
            .AddInMemoryCollection(Complete(1, "Good"))
            .Build();
        using var services = new ServiceCollection().AddShopikoSync(configuration.GetSection(ShopikoSyncOptions.SectionName)).Services.BuildServiceProvider();

        // The host starts (no options validation fails it) and lists both.
        services.GetRequiredService<IOptions<ShopikoSyncOptions>>().Value.Servers.Should().HaveCount(2);
        var factory = services.GetRequiredService<ISyncEngineFactory>();
        factory.ServerNames.Should().Equal("Bad", "Good");
        factory.Create("Good").ServerName.Should().Be("Good");
        FluentActions.Invoking(() => factory.Create("Bad")).Should().Throw<ShopikoConfigurationException>()
            .Which.Setting.Should().Be("ShopikoSync:Servers:0:Import:Interval");
    }

    [Fact]
    public void Code_configuration_after_the_section_still_applies()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Complete(0, "A")).Build();
        using var services = new ServiceCollection().AddShopikoSync(configuration.GetSection(ShopikoSyncOptions.SectionName))
            .ConfigureServer(s => s.Import.Object = "Склад 2")
            .Services.BuildServiceProvider();
        services.GetRequiredService<IOptions<ShopikoSyncOptions>>().Value.Servers.Should().ContainSingle().Which.Import.Object.Should().Be("Склад 2");
    }
}
