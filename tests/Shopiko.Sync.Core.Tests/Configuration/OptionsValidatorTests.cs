using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Core.Tests.Configuration;

public class OptionsValidatorTests
{
    private static ServerOptions Complete() => new()
    {
        Name = "Shopiko",
        AutoStart = true,
        Warehouse = { Provider = WarehouseProvider.Sqlite, ConnectionString = "Data Source=wh.db" },
        Shop = { BaseUrl = "https://shop.example/api/microinvest/v1/", ApiId = "3267435611954348033", Key = "892b2466d9611628358bfd292745bf3bdadb737" },
        Import = { Object = "Централен Склад" },
    };

    private static IReadOnlyList<ServerValidation> Validate(params ServerOptions[] servers) =>
        new ShopikoSyncOptions { Servers = [.. servers] }.ValidateServers();

    private static IEnumerable<string> Failures(params ServerOptions[] servers) =>
        Validate(servers).SelectMany(v => v.Errors).Select(e => e.Message);

    [Fact]
    public void A_complete_server_is_valid() => Failures(Complete()).Should().BeEmpty();

    [Fact]
    public void An_empty_object_is_not_an_error_because_the_run_takes_the_first_object()
    {
        var server = Complete();
        server.Import.Object = "";
        Failures(server).Should().BeEmpty();
    }

    [Fact]
    public void An_incomplete_server_is_kept_with_every_missing_setting_and_the_others_stay_valid()
    {
        var verdicts = Validate(Complete(), new ServerOptions { Name = "Old", Hidden = true });

        verdicts.Should().HaveCount(2);
        verdicts[0].IsValid.Should().BeTrue();
        verdicts[1].IsValid.Should().BeFalse();
        verdicts[1].Name.Should().Be("Old");
        verdicts[1].SettingsPath.Should().Be("ShopikoSync:Servers:1");
        verdicts[1].Errors.Select(p => p.Setting).Should().Contain(
            ["ShopikoSync:Servers:1:Warehouse:ConnectionString", "ShopikoSync:Servers:1:Shop:ApiId", "ShopikoSync:Servers:1:Shop:Key"]);
    }

    [Fact]
    public void An_empty_key_on_a_server_that_does_not_autostart_stops_only_that_server()
    {
        var hidden = Complete();
        hidden.Name = "Hidden";
        hidden.AutoStart = false;
        hidden.Hidden = true;
        hidden.Shop.Key = "";

        var verdicts = Validate(Complete(), hidden);

        verdicts[0].IsValid.Should().BeTrue();
        verdicts[1].Errors.Should().ContainSingle().Which.Setting.Should().Be("ShopikoSync:Servers:1:Shop:Key");
    }

    [Theory]
    [InlineData("http://shop.example/api/microinvest/v1/", "Shop:BaseUrl")]
    [InlineData("not a url", "Shop:BaseUrl")]
    public void Bad_base_urls_are_refused(string url, string setting)
    {
        var server = Complete();
        server.Shop.BaseUrl = url;
        Failures(server).Should().ContainSingle().Which.Should().StartWith("ShopikoSync:Servers:0:" + setting);
    }

    [Fact]
    public void Http_is_allowed_on_loopback()
    {
        var server = Complete();
        server.Shop.BaseUrl = "http://127.0.0.1:5000/api/microinvest/v1/";
        Failures(server).Should().BeEmpty();
    }

    [Fact]
    public void Every_bad_value_is_named()
    {
        var server = Complete();
        server.Shop.ApiId = "abc";
        server.Shop.BatchSize = 501;
        server.Shop.PageSize = 0;
        server.Import.Start = StartMode.Delayed;
        server.Export.Interval = TimeSpan.FromSeconds(-1);
        server.Export.PriceColumn = (PriceColumn)11;
        server.Export.StockObjects = [" "];
        server.Import.OperatorId = 0;
        Validate(server)[0].Errors.Select(f => f.Setting).Should().BeEquivalentTo(
            "ShopikoSync:Servers:0:Shop:ApiId",
            "ShopikoSync:Servers:0:Shop:PageSize",
            "ShopikoSync:Servers:0:Shop:BatchSize",
            "ShopikoSync:Servers:0:Import:Delay",
            "ShopikoSync:Servers:0:Export:Interval",
            "ShopikoSync:Servers:0:Export:PriceColumn",
            "ShopikoSync:Servers:0:Export:StockObjects:0",
            "ShopikoSync:Servers:0:Import:OperatorId");
    }

    [Fact]
    public void The_fast_schedules_only_the_service_runs_are_not_the_library_s_to_check()
    {
        // The service host checks them (Shopiko.Sync.Hosts.Tests: ServiceSettingsValidationTests).
        var server = Complete();
        server.Export.FastInterval = TimeSpan.FromSeconds(-1);
        server.Export.CatalogueCheckInterval = TimeSpan.FromSeconds(-1);
        server.Import.OrderPollInterval = TimeSpan.FromSeconds(-1);
        Failures(server).Should().BeEmpty();
    }

    [Fact]
    public void Server_names_must_be_unique_and_only_the_second_is_refused()
    {
        var second = Complete();
        second.Name = "SHOPIKO";
        var verdicts = Validate(Complete(), second);
        verdicts[0].IsValid.Should().BeTrue();
        verdicts[1].Errors.Should().ContainSingle().Which.Setting.Should().Be("ShopikoSync:Servers:1:Name");
    }

    [Fact]
    public void The_key_never_appears_in_a_failure()
    {
        var server = Complete();
        server.Shop.BaseUrl = "http://shop.example/";
        string.Join("\n", Failures(server)).Should().NotContain(server.Shop.Key);
    }

    [Fact]
    public void The_exception_of_an_invalid_server_carries_every_error()
    {
        var server = Complete();
        server.Shop.Key = "";
        server.Shop.ApiId = "";
        var e = Validate(server)[0].ToException();
        e.Setting.Should().Be("ShopikoSync:Servers:0:Shop:ApiId");
        e.Problems.Should().HaveCount(2);
        e.Message.Should().Contain("Shop:Key").And.Contain("Shop:ApiId").And.Contain("Shopiko");
    }
}
