using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Core.Tests.Sync;

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

    private static IEnumerable<string> Failures(params ServerOptions[] servers)
    {
        var result = new ShopikoSyncOptionsValidator().Validate(null, new ShopikoSyncOptions { Servers = [.. servers] });
        return result.Failed ? result.Failures! : [];
    }

    [Fact]
    public void A_complete_server_is_valid() => Failures(Complete()).Should().BeEmpty();

    [Fact]
    public void An_autostarting_server_without_object_names_the_setting()
    {
        var server = Complete();
        server.Import.Object = "";
        Failures(server).Should().ContainSingle().Which.Should().StartWith("ShopikoSync:Servers[0]:Import:Object");
    }

    [Fact]
    public void A_half_configured_server_that_does_not_autostart_does_not_stop_the_host()
    {
        Failures(Complete(), new ServerOptions { Name = "Old", Hidden = true }).Should().BeEmpty();
        ShopikoSyncOptionsValidator.ValidateComplete(new ServerOptions { Name = "Old" }, 1)
            .Select(p => p.Setting)
            .Should().Contain(["ShopikoSync:Servers[1]:Warehouse:ConnectionString", "ShopikoSync:Servers[1]:Shop:ApiId", "ShopikoSync:Servers[1]:Shop:Key", "ShopikoSync:Servers[1]:Import:Object"]);
    }

    [Theory]
    [InlineData("http://shop.example/api/microinvest/v1/", "Shop:BaseUrl")]
    [InlineData("not a url", "Shop:BaseUrl")]
    public void Bad_base_urls_are_refused(string url, string setting)
    {
        var server = Complete();
        server.Shop.BaseUrl = url;
        Failures(server).Should().ContainSingle().Which.Should().StartWith("ShopikoSync:Servers[0]:" + setting);
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
        Failures(server).Select(f => f.Split(' ')[0]).Should().BeEquivalentTo(
            "ShopikoSync:Servers[0]:Shop:ApiId",
            "ShopikoSync:Servers[0]:Shop:PageSize",
            "ShopikoSync:Servers[0]:Shop:BatchSize",
            "ShopikoSync:Servers[0]:Import:Delay",
            "ShopikoSync:Servers[0]:Export:Interval",
            "ShopikoSync:Servers[0]:Export:PriceColumn",
            "ShopikoSync:Servers[0]:Export:StockObjects[0]",
            "ShopikoSync:Servers[0]:Import:OperatorId");
    }

    [Fact]
    public void Server_names_must_be_unique()
    {
        var second = Complete();
        second.Name = "SHOPIKO";
        Failures(Complete(), second).Should().ContainSingle().Which.Should().StartWith("ShopikoSync:Servers[1]:Name");
    }

    [Fact]
    public void The_key_never_appears_in_a_failure()
    {
        var server = Complete();
        server.Shop.BaseUrl = "http://shop.example/";
        string.Join("\n", Failures(server)).Should().NotContain(server.Shop.Key);
    }
}
