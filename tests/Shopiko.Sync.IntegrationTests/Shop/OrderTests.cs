using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Shop;

public class OrderTests
{
    [Fact]
    public async Task Pending_orders_leave_when_acknowledged_and_come_back_cancelled_with_a_higher_revision()
    {
        await using var c = await SandboxClient.StartAsync(o => o.PageSize = 2);
        var product = c.State.CreateProduct(new SandboxProductDraft { Sku = "1001", Name = "Кабел", Price = 12.50m });
        var orders = Enumerable.Range(0, 5).Select(_ => c.State.PlaceOrder(Guest(product.Id))).ToList();

        var pending = await c.Api.GetPendingOrdersAsync().ToListAsync();
        pending.Select(o => o.Id).Should().Equal(orders.Select(o => o.Id)); // oldest first, across pages

        await c.Api.AcknowledgeOrderAsync(orders[0].Id, 1, "S0000000123");
        await c.Api.AcknowledgeOrderAsync(orders[0].Id, 1, "S0000000123"); // same revision, same document: 200 again
        var conflict = await FluentActions.Awaiting(() => c.Api.AcknowledgeOrderAsync(orders[0].Id, 1, "S0000000999"))
            .Should().ThrowAsync<ShopikoApiException>();
        conflict.Which.Kind.Should().Be(ShopikoErrorKind.Conflict);
        conflict.Which.ErrorCode.Should().Be("conflict");

        (await c.Api.GetPendingOrdersAsync().ToListAsync()).Select(o => o.Id).Should().NotContain(orders[0].Id);

        c.State.CancelOrder(orders[0].Id);
        var back = (await c.Api.GetPendingOrdersAsync().ToListAsync()).Single(o => o.Id == orders[0].Id);
        back.Status.Should().Be(OrderStatuses.Cancelled);
        back.Revision.Should().Be(2);

        await c.Api.AcknowledgeOrderAsync(orders[0].Id, 2, "S0000000124");
        (await c.Api.GetPendingOrdersAsync().ToListAsync()).Should().HaveCount(4);
        c.State.Acks.Should().Equal(new SandboxAck(orders[0].Id, 1, "S0000000123"), new SandboxAck(orders[0].Id, 2, "S0000000124"));
    }

    [Fact]
    public async Task Acking_an_unknown_order_or_revision_is_refused_without_retrying()
    {
        await using var c = await SandboxClient.StartAsync();
        var product = c.State.CreateProduct(new SandboxProductDraft { Sku = "1", Name = "X", Price = 1m });
        var order = c.State.PlaceOrder(Guest(product.Id));
        var before = c.State.RequestCount;

        (await FluentActions.Awaiting(() => c.Api.AcknowledgeOrderAsync("nope", 1, "S1")).Should().ThrowAsync<ShopikoApiException>())
            .Which.Kind.Should().Be(ShopikoErrorKind.NotFound);
        (await FluentActions.Awaiting(() => c.Api.AcknowledgeOrderAsync(order.Id, 5, "S1")).Should().ThrowAsync<ShopikoApiException>())
            .Which.Kind.Should().Be(ShopikoErrorKind.Validation);
        (c.State.RequestCount - before).Should().Be(2);
    }

    [Fact]
    public async Task An_order_carries_discounts_shipping_payment_and_totals_that_reconcile_to_the_cent()
    {
        await using var c = await SandboxClient.StartAsync();
        var cable = c.State.CreateProduct(new SandboxProductDraft { Sku = "1001", Name = "Кабел", Price = 12.50m });
        var lamp = c.State.CreateProduct(new SandboxProductDraft { Sku = "1002", Name = "Лампа", Price = 3.33m, VatRate = 9 });
        var customer = c.State.CreateCustomer(new SandboxCustomerDraft { Type = "company", Name = "Фирма ООД", Eik = "123456789" });
        c.State.PlaceOrder(new SandboxOrderDraft
        {
            CustomerId = customer.Id,
            Lines =
            [
                new SandboxOrderLineDraft(cable.Id, 2, new LineDiscount(LineDiscount.Percent, 10)), // 2 × 11.25 = 22.50
                new SandboxOrderLineDraft(lamp.Id, 3, new LineDiscount(LineDiscount.Amount, 0.335m)), // 3 × 2.995 = 8.985 → 8.99
            ],
            Discounts = [new OrderDiscount(DiscountKinds.Voucher, "XMAS10", 5m), new OrderDiscount(DiscountKinds.PromoCode, "PROMO", 1.10m)],
            Shipping = new OrderShipping("Еконт", 6.90m, 20),
            PaymentMethod = PaymentMethods.CashOnDelivery,
            Paid = false,
            Note = "Звънете",
        });

        var order = (await c.Api.GetPendingOrdersAsync().ToListAsync()).Single();

        order.Totals.Should().BeEquivalentTo(new OrderTotals { Lines = 31.49m, Discounts = 6.10m, Shipping = 6.90m, GrandTotal = 32.29m });
        order.Payment.Should().Be(new OrderPayment("cash_on_delivery", "unpaid", 32.29m));
        order.Lines.Select(l => l.UnitPrice).Should().Equal(12.50m, 3.33m);
        order.Lines[0].Discount.Should().Be(new LineDiscount("percent", 10));
        order.Customer!.Should().BeEquivalentTo(new { Id = customer.Id, Type = "company", Eik = "123456789", ExternalId = (string?)null });
        order.Currency.Should().Be("EUR");
        order.Note.Should().Be("Звънете");
    }

    [Fact]
    public async Task Links_made_after_an_order_was_placed_show_on_the_order()
    {
        await using var c = await SandboxClient.StartAsync();
        var product = c.State.CreateProduct(new SandboxProductDraft { Sku = "1", Name = "X", Price = 1m });
        var order = c.State.PlaceOrder(Guest(product.Id));

        await c.Api.LinkProductsAsync([new LinkItem(product.Id, "42")]);
        await c.Api.LinkCustomersAsync([new LinkItem(order.Customer!.Id, "15")]);
        var pending = (await c.Api.GetPendingOrdersAsync().ToListAsync()).Single();

        pending.Lines.Single().ExternalId.Should().Be("42");
        pending.Customer!.ExternalId.Should().Be("15");
    }

    internal static SandboxOrderDraft Guest(string productId) => new()
    {
        Customer = new SandboxCustomerDraft { Name = "Гост Гостев", Email = "guest@example.bg", City = "София" },
        Lines = [new SandboxOrderLineDraft(productId, 1)],
    };
}
