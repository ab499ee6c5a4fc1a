using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;

namespace Shopiko.Sync.IntegrationTests.Shop;

/// <summary>Faults from the sandbox over real HTTP; retry waits are recorded by the client's delay hook, never slept.</summary>
public class ResilienceTests
{
    [Fact]
    public async Task A_429_is_retried_after_exactly_its_Retry_After()
    {
        await using var c = await SandboxClient.StartAsync();
        c.Shop.Faults.Next(SandboxFault.RateLimited(TimeSpan.FromSeconds(7)));

        var shop = await c.Api.GetShopAsync();

        shop.Currency.Should().Be("EUR");
        c.Delays.Should().Equal(TimeSpan.FromSeconds(7));
        c.State.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task A_burst_of_503s_is_survived()
    {
        await using var c = await SandboxClient.StartAsync();
        c.Shop.Faults.Next(SandboxFault.Unavailable(TimeSpan.FromSeconds(2)), count: 4);

        var results = await c.Api.UpsertCategoriesAsync([new() { ExternalId = "1", Name = "Кабели" }]);

        results.Single().Status.Should().Be("created");
        c.Delays.Should().Equal(Enumerable.Repeat(TimeSpan.FromSeconds(2), 4));
        c.State.RequestCount.Should().Be(5);
    }

    [Fact]
    public async Task A_500_without_Retry_After_backs_off_exponentially()
    {
        await using var c = await SandboxClient.StartAsync();
        c.Shop.Faults.Next(SandboxFault.InternalError(), count: 3);

        await c.Api.GetShopAsync();

        var delays = c.Delays.ToArray();
        delays.Should().HaveCount(3);
        delays[0].Should().BeCloseTo(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(125));
        delays[1].Should().BeCloseTo(TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(250));
        delays[2].Should().BeCloseTo(TimeSpan.FromMilliseconds(2000), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var c = await SandboxClient.StartAsync();
        c.Shop.Faults.OnRequest(1, SandboxFault.DropConnection());

        var results = await c.Api.UpdateStockAsync([new("404", 1m)]);

        results.Single().Error!.Code.Should().Be("not_found");
        c.Shop.Faults.Injected.Should().Be(1);
        c.State.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task An_ack_whose_answer_was_lost_is_retried_safely()
    {
        await using var c = await SandboxClient.StartAsync();
        var product = c.State.CreateProduct(new SandboxProductDraft { Sku = "1", Name = "X", Price = 1m });
        var order = c.State.PlaceOrder(OrderTests.Guest(product.Id));
        await c.Api.AcknowledgeOrderAsync(order.Id, 1, "S1");
        c.Shop.Faults.Next(SandboxFault.DropConnection());

        await c.Api.AcknowledgeOrderAsync(order.Id, 1, "S1");

        c.State.Acks.Should().ContainSingle();
    }

    [Fact]
    public async Task When_retries_run_out_the_error_says_the_shop_is_unavailable()
    {
        await using var c = await SandboxClient.StartAsync(o => o.MaxRetries = 2);
        c.Shop.Faults.Next(SandboxFault.Unavailable(), count: 10);

        var thrown = await FluentActions.Awaiting(() => c.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.Unavailable);
        thrown.Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        thrown.Which.RequestId.Should().NotBeNullOrEmpty();
        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        c.State.RequestCount.Should().Be(3);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_total_timeout_is_handed_to_the_caller()
    {
        await using var c = await SandboxClient.StartAsync(o => o.TotalTimeout = TimeSpan.FromSeconds(30));
        c.Shop.Faults.Next(SandboxFault.RateLimited(TimeSpan.FromMinutes(10)));

        var thrown = await FluentActions.Awaiting(() => c.Api.GetShopAsync()).Should().ThrowAsync<ShopikoApiException>();

        thrown.Which.Kind.Should().Be(ShopikoErrorKind.RateLimited);
        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromMinutes(10));
        c.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task Random_faults_at_a_rate_do_not_lose_items()
    {
        await using var c = await SandboxClient.StartAsync(o =>
        {
            o.BatchSize = 50;
            o.PageSize = 25;
            o.MaxRetries = 10;
        });
        c.Shop.Faults.AtRate(SandboxFault.Unavailable(), 0.3, seed: 42);

        var results = await c.Api.UpsertCustomersAsync(Enumerable.Range(1, 300)
            .Select(i => new Shopiko.Sync.Shop.Contract.CustomerUpsert { ExternalId = i.ToString(), Type = "person", Name = "Клиент " + i }).ToList());
        var listed = await c.Api.GetCustomersAsync().ToListAsync();

        results.Should().HaveCount(300).And.OnlyContain(r => r.Succeeded);
        listed.Should().HaveCount(300);
        c.Shop.Faults.Injected.Should().BeGreaterThan(0);
    }
}
