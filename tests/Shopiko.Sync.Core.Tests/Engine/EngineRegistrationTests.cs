using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Core.Tests.Engine;

public class EngineRegistrationTests
{
    private static ServerOptions Server(string name) => new()
    {
        Name = name,
        Warehouse = { Provider = WarehouseProvider.Sqlite, ConnectionString = "Data Source=never-opened.db" },
        Shop = { BaseUrl = "https://shop.example/api/microinvest/v1/", ApiId = "3267435611954348033", Key = "secret-key" },
        Import = { Object = "Централен Склад" },
    };

    [Fact]
    public void AddShopikoSync_creates_an_engine_per_configured_server()
    {
        using var services = new ServiceCollection().AddShopikoSync(o => o.Servers.AddRange([Server("A"), Server("B")])).Services.BuildServiceProvider();
        var factory = services.GetRequiredService<ISyncEngineFactory>();

        factory.ServerNames.Should().Equal("A", "B");
        factory.Create("b").ServerName.Should().Be("B");
        FluentActions.Invoking(() => factory.Create()).Should().Throw<ArgumentException>().WithMessage("*A, B*");
        FluentActions.Invoking(() => factory.Create("C")).Should().Throw<ArgumentException>().WithMessage("*C*");
    }

    [Fact]
    public void Invalid_settings_do_not_stop_the_host_but_the_server_is_refused_naming_the_setting()
    {
        var bad = Server("A");
        bad.AutoStart = true;
        bad.Shop.BatchSize = 0;
        using var services = new ServiceCollection().AddShopikoSync(o => o.Servers.AddRange([bad, Server("B")])).Services.BuildServiceProvider();

        services.GetRequiredService<IOptions<ShopikoSyncOptions>>().Value.Servers.Should().HaveCount(2);
        FluentActions.Invoking(() => services.GetRequiredService<ISyncEngineFactory>().Create("A"))
            .Should().Throw<ShopikoConfigurationException>().WithMessage("*ShopikoSync:Servers:0:Shop:BatchSize*");
        services.GetRequiredService<ISyncEngineFactory>().Create("B").ServerName.Should().Be("B");
    }

    [Fact]
    public void An_incomplete_server_fails_when_its_engine_is_created()
    {
        var incomplete = Server("A");
        incomplete.Shop.Key = "";
        using var services = new ServiceCollection().AddShopikoSync(o => o.Servers.Add(incomplete)).Services.BuildServiceProvider();

        FluentActions.Invoking(() => services.GetRequiredService<ISyncEngineFactory>().Create())
            .Should().Throw<ShopikoConfigurationException>()
            .Which.Setting.Should().Be("ShopikoSync:Servers:0:Shop:Key");
    }
}
