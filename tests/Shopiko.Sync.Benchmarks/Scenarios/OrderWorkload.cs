using System.Globalization;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>One line of an order as the warehouse books it.</summary>
internal sealed record OrderLineSpec(int GoodId, decimal Quantity, decimal UnitPrice, decimal DiscountPercent);

/// <summary>One order as the warehouse books it (what the import floor writes).</summary>
internal sealed record OrderSpec(int PartnerId, IReadOnlyList<OrderLineSpec> Lines, decimal Shipping, decimal Total, bool Paid);

/// <summary>
/// The shop orders of the import scenario: registered customers (linked to warehouse partners by the export), lines of
/// exported products spread over the catalogue, product discounts on every third line, a voucher on every second order,
/// a promo code on every fifth, shipping on every second, and a mix of paid cards and unpaid cash on delivery.
/// </summary>
internal static class OrderWorkload
{
    public static (List<SandboxOrderDraft> Drafts, List<OrderSpec> Specs) Create(
        int count, int linesPerOrder, IReadOnlyList<(int LocalId, string RemoteId)> products, IReadOnlyList<(int LocalId, string RemoteId)> customers)
    {
        var drafts = new List<SandboxOrderDraft>(count);
        var specs = new List<OrderSpec>(count);
        for (var i = 0; i < count; i++)
        {
            var (partnerId, customerId) = customers[i % customers.Count];
            var lines = new List<SandboxOrderLineDraft>(linesPerOrder);
            var lineSpecs = new List<OrderLineSpec>(linesPerOrder);
            for (var k = 0; k < linesPerOrder; k++)
            {
                var (goodId, productId) = products[(int)(((long)i * linesPerOrder + k) * 7919 % products.Count)];
                var quantity = 1 + (i + k) % 3;
                var discount = (i + k) % 3 == 0 ? new LineDiscount(LineDiscount.Percent, 10) : null;
                lines.Add(new SandboxOrderLineDraft(productId, quantity, discount));
                lineSpecs.Add(new OrderLineSpec(goodId, quantity, WarehouseGenerator.PriceOf(goodId - 1), discount is null ? 0 : 10));
            }

            var discounts = new List<OrderDiscount>();
            if (i % 2 == 0)
            {
                discounts.Add(new OrderDiscount(DiscountKinds.Voucher, "V" + i.ToString(CultureInfo.InvariantCulture), 1.00m));
            }

            if (i % 5 == 0)
            {
                discounts.Add(new OrderDiscount(DiscountKinds.PromoCode, "PROMO5", 0.50m));
            }

            var shipping = i % 2 == 1 ? new OrderShipping("Спиди", 5.90m, 20) : null;
            var paid = i % 4 != 3;
            drafts.Add(new SandboxOrderDraft
            {
                CustomerId = customerId,
                Lines = lines,
                Discounts = discounts,
                Shipping = shipping,
                PaymentMethod = paid ? PaymentMethods.Card : PaymentMethods.CashOnDelivery,
                Paid = paid,
            });
            var total = lineSpecs.Sum(l => Math.Round(l.Quantity * l.UnitPrice * (100 - l.DiscountPercent) / 100, 2)) - discounts.Sum(d => d.Amount) + (shipping?.Price ?? 0);
            specs.Add(new OrderSpec(partnerId, lineSpecs, shipping?.Price ?? 0, total, paid));
        }

        return (drafts, specs);
    }
}
