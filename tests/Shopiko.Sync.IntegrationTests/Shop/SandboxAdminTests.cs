using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Shop;

public class SandboxAdminTests
{
    [Fact]
    public async Task The_admin_surface_acts_as_merchant_and_shopper_and_injects_faults()
    {
        await using var c = await SandboxClient.StartAsync();
        using var admin = new HttpClient { BaseAddress = c.Shop.AdminUrl };

        var product = await Post<ShopProduct>(admin, "products", new { sku = "1001", name = "Кабел", price = 12.50 });
        var customer = await Post<ShopCustomer>(admin, "customers", new { type = "person", name = "Мария" });
        var order = await Post<ShopOrder>(admin, "orders", new
        {
            customerId = customer.Id,
            lines = new[] { new { productId = product.Id, quantity = 2, discount = new { type = "amount", value = 1.5 } } },
            discounts = new[] { new { kind = "promo_code", code = "PROMO5", amount = 5 } },
            shipping = new { method = "Спиди", price = 5.9, vatRate = 20 },
        });
        var cancelled = await Post<ShopOrder>(admin, $"orders/{order.Id}/cancel", new { });
        var faults = await admin.PostAsJsonAsync("faults", new { kind = "rate_limited", retryAfterSeconds = 3, count = 1 });
        var bad = await admin.PostAsJsonAsync("orders", new { customerId = "c-none", lines = new[] { new { productId = product.Id, quantity = 1 } } });
        var credentials = await admin.GetFromJsonAsync<JsonElement>("credentials");

        order.Totals.GrandTotal.Should().Be(22.00m + 5.90m - 5m);
        cancelled.Revision.Should().Be(2);
        faults.StatusCode.Should().Be(HttpStatusCode.OK);
        bad.StatusCode.Should().Be(HttpStatusCode.NotFound);
        credentials.GetProperty("apiId").GetString().Should().Be(c.Shop.ApiId);

        await c.Api.GetShopAsync();
        c.Delays.Should().Equal(TimeSpan.FromSeconds(3));

        (await admin.PutAsJsonAsync("addon", new { active = false })).EnsureSuccessStatusCode();
        c.State.AddonActive.Should().BeFalse();
        var state = await admin.GetFromJsonAsync<JsonElement>("state");
        state.GetProperty("orders").GetArrayLength().Should().Be(1);
        state.GetProperty("requestCount").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_and_rate_limit_headers()
    {
        await using var shop = await SandboxShop.StartAsync();
        using var http = new HttpClient();

        using var unsigned = await http.GetAsync(new Uri(shop.BaseUrl, "shop"));
        using var unknown = await http.GetAsync(new Uri(shop.BaseUrl, "nothing-here"));

        unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        foreach (var response in new[] { unsigned, unknown })
        {
            response.Headers.GetValues("X-Request-Id").Single().Should().NotBeNullOrEmpty();
            response.Headers.GetValues("X-RateLimit-Limit").Single().Should().Be("600");
            response.Headers.Should().Contain(h => h.Key == "X-RateLimit-Remaining");
            response.Headers.Should().Contain(h => h.Key == "X-RateLimit-Reset");
        }

        var body = await unsigned.Content.ReadFromJsonAsync<JsonElement>(ShopikoJson.Options);
        body.GetProperty("error").GetProperty("code").GetString().Should().Be("unknown_api_id");
    }

    [Fact]
    public async Task Bulk_admin_actions_seed_many_records_at_once_and_refuse_the_whole_list_for_one_bad_draft()
    {
        await using var shop = await SandboxShop.StartAsync();
        using var admin = new HttpClient { BaseAddress = shop.AdminUrl };

        var products = await Post<IdList>(admin, "products/bulk", new[] { new { sku = "1", name = "Кабел", price = 2.5 }, new { sku = "2", name = "Зарядно", price = 7.0 } });
        var customers = await Post<IdList>(admin, "customers/bulk", new[] { new { type = "person", name = "Мария" }, new { type = "company", name = "Техно ООД" } });
        var orders = await Post<IdList>(admin, "orders/bulk", new object[]
        {
            new { customerId = customers.Ids[0], lines = new[] { new { productId = products.Ids[0], quantity = 2 } } },
            new
            {
                customer = new { type = "person", name = "Гост" },
                lines = new[] { new { productId = products.Ids[1], quantity = 1, discount = new { type = "percent", value = 10 } } },
                discounts = new[] { new { kind = "voucher", code = "V5", amount = 1 } },
                shipping = new { method = "Спиди", price = 5.9, vatRate = 20 },
            },
        });
        using var bad = await admin.PostAsJsonAsync("orders/bulk", new object[]
        {
            new { customerId = customers.Ids[0], lines = new[] { new { productId = products.Ids[0], quantity = 1 } } },
            new { customerId = "c-none", lines = new[] { new { productId = products.Ids[0], quantity = 1 } } },
        });
        using var badProducts = await admin.PostAsJsonAsync("products/bulk", new[] { new { sku = "3", name = "Ок", price = 1.0 }, new { sku = "4", name = "", price = 1.0 } });
        var stats = await admin.GetFromJsonAsync<SandboxCounts>("stats", ShopikoJson.Options);

        products.Ids.Should().HaveCount(2);
        orders.Ids.Should().HaveCount(2);
        bad.StatusCode.Should().Be(HttpStatusCode.NotFound);
        badProducts.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        stats.Should().Be(new SandboxCounts(Categories: 0, Products: 2, Customers: 3, Orders: 2, Acks: 0, Requests: 0));
        shop.State.Orders[1].Totals.GrandTotal.Should().Be(7.00m - 0.70m - 1m + 5.90m);
    }

    [Fact]
    public async Task The_state_file_keeps_the_shop_and_its_credentials_across_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "shopiko-sandbox-" + Guid.NewGuid().ToString("N"), "state.json");
        try
        {
            string apiId, key, orderId;
            await using (var first = await SandboxShop.StartAsync(new SandboxShopOptions { StatePath = path }))
            {
                apiId = first.ApiId;
                key = first.Key;
                var product = first.State.CreateProduct(new SandboxProductDraft { Sku = "1", Name = "Кабел", Price = 2m });
                orderId = first.State.PlaceOrder(OrderTests.Guest(product.Id)).Id;
            }

            await using var second = await SandboxShop.StartAsync(new SandboxShopOptions { StatePath = path });
            second.ApiId.Should().Be(apiId);
            second.Key.Should().Be(key);
            second.State.Products.Should().ContainSingle().Which.Name.Should().Be("Кабел");
            second.State.Orders.Should().ContainSingle().Which.Id.Should().Be(orderId);
            second.State.CreateCategory("Нова").Id.Should().NotBeNullOrEmpty();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private sealed record IdList(List<string> Ids);

    private static async Task<T> Post<T>(HttpClient admin, string path, object body)
    {
        using var response = await admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonSerializer.Deserialize<T>(text, ShopikoJson.Options)!;
    }
}
