using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Console.Demo;

/// <summary>The shoppers of the demo: every kind of discount the shop knows, shipping, card and cash.</summary>
internal static class DemoOrders
{
    public static IReadOnlyList<ShopOrder> Place(SandboxState shop)
    {
        ShopProduct Product(string sku) => shop.Products.First(p => p.Sku == sku);
        var cafe = shop.Customers.First(c => c.Name.StartsWith("Кафене", StringComparison.Ordinal));

        return
        [
            // A registered company: a product discount and a voucher, shipped by courier, paid by card.
            shop.PlaceOrder(new SandboxOrderDraft
            {
                CustomerId = cafe.Id,
                Lines =
                [
                    new SandboxOrderLineDraft(Product("1001").Id, 2, new LineDiscount(LineDiscount.Percent, 10)),
                    new SandboxOrderLineDraft(Product("2001").Id, 3, null),
                ],
                Discounts = [new OrderDiscount(DiscountKinds.Voucher, "GIFT-5", 5.00m)],
                Shipping = new OrderShipping("Speedy до офис", 4.90m, 20),
                PaymentMethod = PaymentMethods.Card,
                Paid = true,
                Note = "Доставка до 12:00, моля.",
            }),

            // A guest: a promo code and an amount-off product discount, cash on delivery (not yet paid).
            shop.PlaceOrder(new SandboxOrderDraft
            {
                Customer = new SandboxCustomerDraft
                {
                    Type = CustomerTypes.Person,
                    Name = "Елена Димитрова",
                    Email = "elena.dimitrova@example.com",
                    Phone = "+359 887 555 010",
                    City = "Варна",
                    Address = "ул. Цар Симеон I 7",
                },
                Lines =
                [
                    new SandboxOrderLineDraft(Product("3001").Id, 1, new LineDiscount(LineDiscount.Amount, 2.00m)),
                    new SandboxOrderLineDraft(Product("1003").Id, 4, null),
                ],
                Discounts = [new OrderDiscount(DiscountKinds.PromoCode, "PROLET10", 3.50m)],
                Shipping = new OrderShipping("Еконт до адрес", 5.90m, 20),
                PaymentMethod = PaymentMethods.CashOnDelivery,
                Paid = false,
            }),

            // A registered person paying by card, no discounts.
            shop.PlaceOrder(new SandboxOrderDraft
            {
                CustomerId = shop.Customers.First(c => c.Name == "Иван Георгиев").Id,
                Lines = [new SandboxOrderLineDraft(Product("2002").Id, 2, null)],
                PaymentMethod = PaymentMethods.Card,
                Paid = true,
            }),
        ];
    }
}
