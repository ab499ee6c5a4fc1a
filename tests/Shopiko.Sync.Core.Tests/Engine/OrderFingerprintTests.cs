using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Import;

namespace Shopiko.Sync.Core.Tests.Engine;

public class OrderFingerprintTests
{
    private static readonly ShopOrder Order = OrderPlannerTests.MoneyOrder();

    public static TheoryData<string, Func<ShopOrder, ShopOrder>> Edits => new()
    {
        { "quantity down", o => o with { Lines = [o.Lines[0] with { Quantity = 1 }, o.Lines[1]] } },
        { "line removed", o => o with { Lines = [o.Lines[0]] } },
        { "line added", o => o with { Lines = [.. o.Lines, o.Lines[1] with { LineId = "3", ProductId = "p-11" }] } },
        { "price changed", o => o with { Lines = [o.Lines[0] with { UnitPrice = 11.90m }, o.Lines[1]] } },
        { "line discount changed", o => o with { Lines = [o.Lines[0] with { Discount = new LineDiscount("amount", 1) }, o.Lines[1]] } },
        { "order discount changed", o => o with { Discounts = [o.Discounts[0]] } },
        { "shipping changed", o => o with { Shipping = o.Shipping! with { Price = 4.90m } } },
        { "shipping removed", o => o with { Shipping = null } },
        { "payment changed", o => o with { Payment = o.Payment! with { Status = "unpaid" } } },
        { "customer changed", o => o with { Customer = o.Customer! with { Id = "c-600", Name = "Петър Петров", Email = "petar@example.bg" } } },
        { "currency changed", o => o with { Currency = "BGN" } },
    };

    public static TheoryData<string, Func<ShopOrder, ShopOrder>> NotEdits => new()
    {
        { "status and revision", o => o with { Status = OrderStatuses.Completed, Revision = 5 } },
        { "links made by the warehouse", o => o with { Customer = o.Customer! with { ExternalId = "15" }, Lines = o.Lines.Select(l => l with { ExternalId = "99" }).ToList() } },
        { "the customer's note", o => o with { Note = "please ring twice" } },
        { "trailing zeros", o => o with { Shipping = o.Shipping! with { Price = 6.900m } } },
        { "the product renamed", o => o with { Lines = [o.Lines[0] with { Name = "Кабел USB-C" }, o.Lines[1]] } },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Changes_with_what_the_order_books(string edit, Func<ShopOrder, ShopOrder> change) =>
        OrderFingerprint.Of(change(Order)).Should().NotBe(OrderFingerprint.Of(Order), edit);

    [Theory]
    [MemberData(nameof(NotEdits))]
    public void Stays_for_what_books_nothing(string change, Func<ShopOrder, ShopOrder> apply) =>
        OrderFingerprint.Of(apply(Order)).Should().Be(OrderFingerprint.Of(Order), change);

    [Fact]
    public void Is_64_lowercase_hex_characters() =>
        OrderFingerprint.Of(Order).Should().HaveLength(OrderFingerprint.Length).And.MatchRegex("^[0-9a-f]+$");
}
