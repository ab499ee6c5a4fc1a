using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Shop;

/// <summary>The sandbox's batch bodies as raw bytes on the wire, and its lists while records change between pages.</summary>
public class SandboxBatchBodyTests
{
    [Fact]
    public async Task Each_item_is_read_on_its_own_so_a_bad_one_fails_alone_with_its_externalId()
    {
        await using var shop = await SandboxShop.StartAsync();
        var body = """
            {"note": {"items": 1}, "items": [
              {"externalId": "1", "sku": "A", "name": "Кабел", "unit": "бр.", "price": 1.50, "vatRate": 20},
              "text",
              null,
              {"externalId": "9", "sku": "B", "name": "Щепсел", "unit": "бр.", "price": "abc", "vatRate": 20},
              {"externalId": "10", "name": "No sku", "unit": "бр.", "price": 1, "vatRate": 20}
            ], "after": [1, {"x": null}]}
            """;

        var (status, answer) = await PutAsync(shop, "products/batch", body);

        status.Should().Be(HttpStatusCode.OK);
        var results = answer.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).Should().Equal("created", "failed", "failed", "failed", "failed");
        results.Select(r => r.GetProperty("externalId").GetString()).Should().Equal("1", "", "", "9", "10");
        results.Skip(1).Should().OnlyContain(r => r.GetProperty("error").GetProperty("code").GetString() == "validation_failed");
        shop.State.Products.Should().ContainSingle().Which.Name.Should().Be("Кабел");
        var typed = answer.RootElement.GetProperty("results").Deserialize<List<BatchItemResult>>(ShopikoJson.Options);
        answer.RootElement.GetRawText().Should().Be(JsonSerializer.Serialize(new { results = typed }, ShopikoJson.Options), "the answer is written as the serializer writes it");
    }

    [Theory]
    [InlineData("""{"items": [{"externalId": "1"}]} trailing""", "The body is not JSON")]
    [InlineData("""{"items": [{"externalId": "1"]}""", "The body is not JSON")]
    [InlineData("", "The body is not JSON")]
    [InlineData("""{"other": []}""", "The body must be")]
    [InlineData("""[{"externalId": "1"}]""", "The body must be")]
    [InlineData("""{"items": {"externalId": "1"}}""", "The body must be")]
    [InlineData("""{"items": [], "items": 3}""", "The body must be")]
    public async Task A_body_that_is_not_an_items_array_is_refused_whole(string body, string message)
    {
        await using var shop = await SandboxShop.StartAsync();

        var (status, answer) = await PutAsync(shop, "stock/batch", body);

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        answer.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("validation_failed");
        answer.RootElement.GetProperty("error").GetProperty("message").GetString().Should().StartWith(message);
    }

    [Fact]
    public async Task More_than_500_items_is_batch_too_large()
    {
        await using var shop = await SandboxShop.StartAsync();
        var body = "{\"items\": [" + string.Join(", ", Enumerable.Range(1, 501).Select(i => $"{{\"externalId\": \"{i}\", \"quantity\": 1}}")) + "]}";

        var (status, answer) = await PutAsync(shop, "stock/batch", body);

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        answer.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("batch_too_large");
    }

    [Fact]
    public async Task A_record_changed_while_listing_comes_again_after_the_others_and_since_finds_only_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var c = await SandboxClient.StartAsync(o => o.PageSize = 4, clientTime: clock, shopOptions: new SandboxShopOptions { TimeProvider = clock });
        await c.Api.UpsertProductsAsync(Enumerable.Range(1, 10).Select(i => Product(i.ToString(CultureInfo.InvariantCulture), "old")).ToList());
        clock.Advance(TimeSpan.FromSeconds(1));
        await c.Api.UpsertProductsAsync(Enumerable.Range(11, 10).Select(i => Product(i.ToString(CultureInfo.InvariantCulture), "old")).ToList());

        var listed = new List<string>();
        await foreach (var product in c.Api.GetProductsAsync())
        {
            listed.Add(product.ExternalId!);
            if (listed.Count == 5)
            {
                // Product 2 was served on the first page; changed now, it sorts after everything listed so far.
                clock.Advance(TimeSpan.FromSeconds(1));
                await c.Api.UpsertProductsAsync([Product("2", "new")]);
            }
        }

        var since = await c.Api.GetProductsAsync(clock.GetUtcNow()).ToListAsync();

        listed.Should().HaveCount(21);
        listed.Take(20).Should().Equal(Enumerable.Range(1, 20).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        listed[20].Should().Be("2");
        since.Should().ContainSingle().Which.Name.Should().Be("new");
    }

    private static ProductUpsert Product(string externalId, string name) =>
        new() { ExternalId = externalId, Sku = "SKU" + externalId, Name = name, Unit = "бр.", Price = 1m, VatRate = 20 };

    /// <summary>A PUT signed as the contract says, with <paramref name="body"/> exactly as given.</summary>
    private static async Task<(HttpStatusCode Status, JsonDocument Answer)> PutAsync(SandboxShop shop, string path, string body)
    {
        using var http = new HttpClient { BaseAddress = shop.BaseUrl };
        var bytes = Encoding.UTF8.GetBytes(body);
        var target = shop.BaseUrl.AbsolutePath + path;
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var canonical = $"PUT\n{target}\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(bytes))}";
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-Api-Id", shop.ApiId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(shop.Key), Encoding.UTF8.GetBytes(canonical))));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()));
    }
}
