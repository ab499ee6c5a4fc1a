using Shopiko.Sync.Console.Demo;

namespace Shopiko.Sync.Hosts.Tests.Console;

/// <summary>The demo's "both sides agree" is a comparison: each way the sides can differ is named.</summary>
public sealed class DemoAgreementTests
{
    private static readonly StockPair s_coffee = new("1001", "Кафе Арабика 1 кг", 38m, 38m);
    private static readonly OrderPair s_order = new("100013", 57.32m, "S0000000001", "S0000000001", 57.32m);

    [Fact]
    public void Agreeing_sides_have_no_difference() =>
        DemoAgreement.Differences([s_coffee], [s_order]).Should().BeEmpty();

    [Theory]
    [InlineData(37, "good '1001' Кафе Арабика 1 кг: the shop shows 37, the warehouse holds 38")]
    [InlineData(null, "good '1001' Кафе Арабика 1 кг: the shop has no product for it")]
    public void A_stock_difference_is_named(int? shop, string expected) =>
        DemoAgreement.Differences([s_coffee with { ShopStock = shop }], [s_order]).Should().ContainSingle().Which.Should().StartWith(expected);

    [Fact]
    public void Order_differences_are_named()
    {
        DemoAgreement.Differences([], [s_order with { AcknowledgedDocument = null }]).Should().ContainSingle()
            .Which.Should().Be("order 100013: the shop was never told it became S0000000001");
        DemoAgreement.Differences([], [s_order with { AcknowledgedDocument = "S0000000002" }]).Should().ContainSingle()
            .Which.Should().Be("order 100013: the shop was told S0000000002, the warehouse wrote S0000000001");
        DemoAgreement.Differences([], [s_order with { DocumentTotal = 57.31m }]).Should().ContainSingle()
            .Which.Should().Be("order 100013: document S0000000001 totals 57.31, the order 57.32");
        DemoAgreement.Differences([], [s_order with { WarehouseDocument = null }]).Should().ContainSingle()
            .Which.Should().Be("order 100013: the warehouse has no document for it");
    }
}
