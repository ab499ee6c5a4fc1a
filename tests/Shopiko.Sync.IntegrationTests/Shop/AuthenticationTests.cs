using System.Net;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Shop;

namespace Shopiko.Sync.IntegrationTests.Shop;

public class AuthenticationTests
{
    [Fact]
    public async Task A_wrong_key_is_an_authentication_error_that_says_what_to_do_and_never_shows_the_key()
    {
        const string wrongKey = "892b2466d9611628358bfd292745bf3bdadb737";
        await using var c = await SandboxClient.StartAsync(o => o.Key = wrongKey);

        var thrown = await FluentActions.Awaiting(() => c.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Authentication);
        thrown.Which.ErrorCode.Should().Be("invalid_signature");
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        thrown.Which.Message.Should().Contain("copy the key").And.Contain("Microinvest Синхронизация");
        thrown.Which.ToString().Should().NotContain(wrongKey).And.NotContain(c.Shop.Key);
        c.State.RequestCount.Should().Be(1, "a 401 is not retried");
    }

    [Fact]
    public async Task An_unknown_API_ID_asks_to_copy_it_again()
    {
        await using var c = await SandboxClient.StartAsync(o => o.ApiId = "1234567890123456789");

        var thrown = await FluentActions.Awaiting(() => c.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.ErrorCode.Should().Be("unknown_api_id");
        thrown.Which.Message.Should().StartWith("The API ID is not known to the shop — copy it again from Microinvest Синхронизация");
    }

    [Fact]
    public async Task A_clock_ten_minutes_off_is_a_stale_timestamp()
    {
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        await using var c = await SandboxClient.StartAsync(clientTime: skewed);

        var thrown = await FluentActions.Awaiting(() => c.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Authentication);
        thrown.Which.ErrorCode.Should().Be("stale_timestamp");
        thrown.Which.Message.Should().Contain("clock");
    }

    [Fact]
    public async Task A_clock_within_the_window_is_accepted()
    {
        var slightlyOff = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(4));
        await using var c = await SandboxClient.StartAsync(clientTime: slightlyOff);

        (await c.Api.GetShopAsync()).AddonActive.Should().BeTrue();
    }

    [Fact]
    public async Task A_deactivated_add_on_is_its_own_kind()
    {
        await using var c = await SandboxClient.StartAsync();
        c.State.AddonActive = false;

        var thrown = await FluentActions.Awaiting(() => c.Api.GetPendingOrdersAsync().ToListAsync().AsTask()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.AddonInactive);
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        thrown.Which.Message.Should().Contain("activate it");

        c.State.AddonActive = true;
        (await c.Api.GetPendingOrdersAsync().ToListAsync()).Should().BeEmpty();
    }
}
