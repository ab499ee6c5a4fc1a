using System.Net;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Core.Tests.Shop;

public class ClientBehaviourTests
{
    [Theory]
    [InlineData("http://shop.example/api/microinvest/v1/", "Shop.BaseUrl", "https://")]
    [InlineData("https://shop.example/api/microinvest/v1", "Shop.BaseUrl", "end with '/'")]
    [InlineData("shop.example/api/", "Shop.BaseUrl", "absolute")]
    [InlineData("", "Shop.BaseUrl", "not set")]
    public void A_bad_base_URL_is_a_configuration_error_naming_the_setting(string baseUrl, string setting, string hint)
    {
        using var h = new ClientHarness();

        var thrown = FluentActions.Invoking(() => h.Factory.Create(new ShopConnectionOptions { BaseUrl = baseUrl, ApiId = "1", Key = "k" }))
            .Should().Throw<ShopikoConfigurationException>();

        thrown.Which.Setting.Should().Be(setting);
        thrown.Which.Message.Should().Contain(setting).And.Contain(hint);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/microinvest/v1/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void Plain_HTTP_is_allowed_on_loopback(string baseUrl)
    {
        using var h = new ClientHarness();

        h.Factory.Create(new ShopConnectionOptions { BaseUrl = baseUrl, ApiId = "1", Key = "k" }).Should().NotBeNull();
    }

    [Fact]
    public void Missing_credentials_and_out_of_range_sizes_are_configuration_errors()
    {
        using var h = new ClientHarness();
        ShopConnectionOptions Valid() => new() { BaseUrl = "https://shop.example/", ApiId = "1", Key = "k" };

        Setting(() => h.Factory.Create(new ShopConnectionOptions { BaseUrl = "https://shop.example/", Key = "k" })).Should().Be("Shop.ApiId");
        Setting(() => h.Factory.Create(new ShopConnectionOptions { BaseUrl = "https://shop.example/", ApiId = "1" })).Should().Be("Shop.Key");
        var tooBig = Valid();
        tooBig.BatchSize = 501;
        Setting(() => h.Factory.Create(tooBig)).Should().Be("Shop.BatchSize");
        var noPage = Valid();
        noPage.PageSize = 0;
        Setting(() => h.Factory.Create(noPage)).Should().Be("Shop.PageSize");
    }

    [Fact]
    public async Task The_key_never_appears_in_an_exception_even_if_the_shop_echoes_it()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.UnprocessableEntity,
            $$$"""{"error":{"code":"validation_failed","message":"bad key {{{ClientHarness.Key}}}"}}""");

        var thrown = await FluentActions.Awaiting(() => h.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Validation);
        thrown.Which.RequestId.Should().Be("req-test");
        thrown.Which.ToString().Should().NotContain(ClientHarness.Key).And.Contain("****");
        h.Handler.Requests.Should().HaveCount(1, "a 422 will not change on retry");
    }

    [Fact]
    public async Task A_response_over_the_size_limit_is_a_protocol_error_and_not_retried()
    {
        using var h = new ClientHarness(client: o => o.MaxResponseBytes = 1024);
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK, "{\"name\":\"" + new string('x', 4096) + "\"}");

        var thrown = await FluentActions.Awaiting(() => h.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Protocol);
        h.Handler.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_batch_answer_with_the_wrong_number_of_results_is_a_protocol_error()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK, """{"results":[]}""");

        var thrown = await FluentActions.Awaiting(() => h.Api.UpdateStockAsync([new StockUpsert("1", 1m)])).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Protocol);
    }

    [Fact]
    public async Task Money_goes_with_two_decimals_quantities_with_three_and_unknown_properties_are_ignored()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = r => CapturingHandler.Json(HttpStatusCode.OK, """{"results":[{"externalId":"42","id":"p-1","status":"updated","extra":{"a":1}}],"more":true}""");

        await h.Api.UpsertProductsAsync([new ProductUpsert { ExternalId = "42", Sku = "1001", Name = "Кабел", Unit = "бр.", Price = 12.5m, VatRate = 20 }]);
        var results = await h.Api.UpdateStockAsync([new StockUpsert("42", 17m)]);

        h.Handler.Requests[0].BodyText.Should().Contain("\"price\":12.50").And.Contain("\"categoryExternalId\":null");
        h.Handler.Requests[1].BodyText.Should().Be("""{"items":[{"externalId":"42","quantity":17.000}]}""");
        results.Single().Status.Should().Be("updated");
    }

    [Fact]
    public async Task Timestamps_are_read_as_UTC()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK,
            """{"items":[{"id":"c-1","name":"X","updatedAt":"2026-11-28T15:20:00+02:00"}],"nextCursor":null}""");

        var category = (await h.Api.GetCategoriesAsync().ToListAsync()).Single();

        category.UpdatedAt.Should().Be(new DateTimeOffset(2026, 11, 28, 13, 20, 0, TimeSpan.Zero));
        category.UpdatedAt.Offset.Should().Be(TimeSpan.Zero);
        ShopikoJson.FormatTimestamp(category.UpdatedAt).Should().Be("2026-11-28T13:20:00Z");
    }

    [Fact]
    public async Task A_cursor_that_never_changes_is_refused_rather_than_looping_forever()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK, """{"items":[],"nextCursor":"same"}""");

        var thrown = await FluentActions.Awaiting(() => h.Api.GetCustomersAsync().ToListAsync().AsTask()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Protocol);
        h.Handler.Requests.Should().HaveCount(2);
        h.Handler.Requests[1].Uri.Query.Should().EndWith("&cursor=same");
    }

    [Fact]
    public async Task A_Retry_After_date_is_honoured_against_the_clock()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => h.Handler.Requests.Count == 1
            ? CapturingHandler.Json(HttpStatusCode.ServiceUnavailable, "", m => m.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(h.Time.GetUtcNow().AddSeconds(30)))
            : CapturingHandler.Json(HttpStatusCode.OK, "{}");

        await h.Api.GetShopAsync();

        h.Delays.Should().Equal(TimeSpan.FromSeconds(30));
    }

    private static string? Setting(Action create) =>
        FluentActions.Invoking(create).Should().Throw<ShopikoConfigurationException>().Which.Setting;
}
