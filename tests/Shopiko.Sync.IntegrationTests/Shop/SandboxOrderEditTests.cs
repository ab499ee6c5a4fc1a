using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Shop;

public class SandboxOrderEditTests
{
    [Fact]
    public async Task The_merchant_edits_an_order_into_a_new_revision_that_is_pending_again()
    {
        await using var c = await SandboxClient.StartAsync();
        using var admin = new HttpClient { BaseAddress = c.Shop.AdminUrl };
        var cable = await Post<ShopProduct>(admin, "products", new { sku = "1001", name = "Кабел", price = 12.50 });
        var charger = await Post<ShopProduct>(admin, "products", new { sku = "1002", name = "Зарядно", price = 7.99 });
        var maria = await Post<ShopCustomer>(admin, "customers", new { type = "person", name = "Мария" });
        var ivan = await Post<ShopCustomer>(admin, "customers", new { type = "person", name = "Иван" });
        var order = await Post<ShopOrder>(admin, "orders", new
        {
            customerId = maria.Id,
            lines = new object[] { new { productId = cable.Id, quantity = 3 }, new { productId = charger.Id, quantity = 1 } },
            shipping = new { method = "Спиди", price = 5.9, vatRate = 20 },
        });
        await c.Api.AcknowledgeOrderAsync(order.Id, 1, "S0000000001");
        (await c.Api.GetPendingOrdersAsync().ToListAsync()).Should().BeEmpty();

        var edited = await Post<ShopOrder>(admin, $"orders/{order.Id}/edit", new
        {
            lines = new[] { new { productId = cable.Id, quantity = 1, unitPrice = 11.90 } },
            customerId = ivan.Id,
            removeShipping = true,
            status = "processing",
        });

        edited.Should().BeEquivalentTo(new { order.Id, order.Number, Revision = 2, Status = "processing", order.CreatedAt, Shipping = (OrderShipping?)null });
        edited.Customer!.Id.Should().Be(ivan.Id);
        edited.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LineId = "1", ProductId = cable.Id, Quantity = 1m, UnitPrice = 11.90m });
        edited.Totals.Should().Be(new OrderTotals { Lines = 11.90m, Discounts = 0m, Shipping = 0m, GrandTotal = 11.90m });
        edited.Payment!.Amount.Should().Be(11.90m);
        (await c.Api.GetPendingOrdersAsync().ToListAsync()).Should().ContainSingle().Which.Revision.Should().Be(2);

        (await admin.PostAsJsonAsync($"orders/{order.Id}/edit", new { lines = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await admin.PostAsJsonAsync($"orders/{order.Id}/edit", new { status = "lost" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await admin.PostAsJsonAsync("orders/nope/edit", new { status = "new" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        c.State.Orders.Single().Revision.Should().Be(2, "a refused edit changes nothing");
    }

    private static async Task<T> Post<T>(HttpClient admin, string path, object body)
    {
        using var response = await admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonSerializer.Deserialize<T>(text, ShopikoJson.Options)!;
    }
}
