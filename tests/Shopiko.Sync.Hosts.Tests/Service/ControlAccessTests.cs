using System.Net;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service;

namespace Shopiko.Sync.Hosts.Tests.Service;

/// <summary>Loopback by default; a token when configured; foreign pages and rebound host names refused.</summary>
public sealed class ControlAccessTests
{
    [Fact]
    public void An_address_reachable_from_other_machines_needs_a_token()
    {
        var act = () => ServiceHost.CreateBuilder(["--ShopikoSync:Service:Url=http://0.0.0.0:5080"]);
        act.Should().Throw<ShopikoConfigurationException>().WithMessage("*ShopikoSync:Service:Token*");
    }

    [Fact]
    public async Task With_a_token_every_api_call_must_bear_it()
    {
        await using var app = await ServiceApp.StartAsync(
            [new { Name = "Shopiko", AutoStart = false }],
            service: new { Url = "http://127.0.0.1:0", Token = "s3cret-token" });

        var anonymous = await app.Http.GetAsync("/api/servers");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");

        app.UseToken("wrong");
        (await app.Http.PostAsync("/api/servers/Shopiko/start", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        app.UseToken("s3cret-token");
        (await app.Http.GetAsync("/api/servers")).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Engines.AllCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_token_foreign_origins_and_host_names_are_refused()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "Shopiko", AutoStart = false }]);

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/servers");
        rebound.Headers.Host = "evil.example";
        (await app.Http.SendAsync(rebound)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/servers/Shopiko/run?operation=import");
        crossSite.Headers.Add("Origin", "https://evil.example");
        (await app.Http.SendAsync(crossSite)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        app.Engines.AllCalls.Should().BeEmpty();

        (await app.Http.PostAsync("/api/servers/Shopiko/run?operation=nonsense", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_page_lists_the_buttons()
    {
        await using var app = await ServiceApp.StartAsync([new { Name = "Shopiko", AutoStart = false }]);
        var page = await app.Http.GetAsync("/");
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Старт").And.Contain("Стоп").And.Contain("Лог").And.Contain("/api/servers");
    }
}
