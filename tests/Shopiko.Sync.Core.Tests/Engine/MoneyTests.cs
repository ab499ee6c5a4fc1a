using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Money;

namespace Shopiko.Sync.Core.Tests.Engine;

public class MoneyTests
{
    [Theory]
    [InlineData(10.00, 19.56)]
    [InlineData(1.00, 1.96)]
    [InlineData(12.50, 24.45)]
    [InlineData(0.01, 0.02)]
    public void Euro_to_lev_uses_the_fixed_rate_and_rounds_to_the_cent(decimal eur, decimal bgn) =>
        CurrencyConverter.Between("EUR", "BGN").Convert(eur).Should().Be(bgn);

    [Fact]
    public void Lev_to_euro_divides_by_the_fixed_rate()
    {
        CurrencyConverter.Between("BGN", "EUR").Convert(19.56m).Should().Be(10.00m);
        CurrencyConverter.Between("BGN", "EUR").Convert(1.95583m).Should().Be(1.00m);
    }

    [Fact]
    public void Same_currency_is_identity_and_cyrillic_lev_is_bgn()
    {
        CurrencyConverter.Between("EUR", "eur").IsIdentity.Should().BeTrue();
        CurrencyConverter.Between("лв", "BGN").IsIdentity.Should().BeTrue();
        CurrencyConverter.Between("EUR", "EUR").Convert(1.234m).Should().Be(1.234m);
    }

    [Fact]
    public void Other_currency_pairs_are_refused_with_a_clear_message() =>
        FluentActions.Invoking(() => CurrencyConverter.Between("USD", "EUR"))
            .Should().Throw<NotSupportedException>().WithMessage("*USD*EUR*");

    [Theory]
    [InlineData(12.00, 20, 2.00)]
    [InlineData(17.33, 20, 2.89)]
    [InlineData(10.00, 9, 0.83)]
    public void Vat_of_a_gross_amount(decimal gross, decimal rate, decimal vat) => Vat.OfGross(gross, rate).Should().Be(vat);

    [Fact]
    public void Split_reconciles_net_vat_and_gross_on_both_bases()
    {
        var gross = Vat.Split(17.33m, 20m, amountIncludesVat: true);
        gross.Should().Be(new LineAmounts(14.44m, 2.89m, 17.33m));
        var net = Vat.Split(14.44m, 20m, amountIncludesVat: false);
        net.Should().Be(new LineAmounts(14.44m, 2.89m, 17.33m));
    }

    [Fact]
    public void Change_of_vat_basis_goes_both_ways()
    {
        Vat.ChangeBasis(12m, 20m, fromIncludesVat: true, toIncludesVat: false).Should().Be(10m);
        Vat.ChangeBasis(10m, 20m, fromIncludesVat: false, toIncludesVat: true).Should().Be(12m);
        Vat.ChangeBasis(10m, 20m, fromIncludesVat: true, toIncludesVat: true).Should().Be(10m);
    }

    [Fact]
    public void Allocation_spreads_by_largest_remainder_and_loses_no_cent()
    {
        DiscountAllocator.Allocate(7.00m, [22.50m, 7.99m]).Should().Equal(5.17m, 1.83m);
        DiscountAllocator.Allocate(0.01m, [1m, 1m, 1m]).Should().Equal(0.01m, 0m, 0m);
        DiscountAllocator.Allocate(0.02m, [1m, 3m, 1m]).Should().Equal(0.01m, 0.01m, 0m);
        DiscountAllocator.Allocate(10m, [1m, 1m, 1m]).Should().Equal(3.34m, 3.33m, 3.33m);
        DiscountAllocator.Allocate(-1m, [1m, 1m, 1m]).Should().Equal(-0.34m, -0.33m, -0.33m);
        DiscountAllocator.Allocate(0m, []).Should().BeEmpty();
    }

    [Fact]
    public void Allocation_always_adds_up_exactly()
    {
        var random = new Random(42);
        for (var run = 0; run < 2000; run++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 9)).Select(_ => random.Next(0, 100_000) / 100m).ToArray();
            if (weights.Sum() == 0)
            {
                continue;
            }

            var amount = random.Next(0, 1_000_000) / 100m;
            var shares = DiscountAllocator.Allocate(amount, weights);
            shares.Sum().Should().Be(amount);
            for (var i = 0; i < shares.Length; i++)
            {
                Math.Abs(shares[i] - amount * weights[i] / weights.Sum()).Should().BeLessThan(0.01m);
                (shares[i] * 100 % 1).Should().Be(0);
            }
        }
    }

    [Fact]
    public void Allocation_refuses_what_cannot_be_spread()
    {
        FluentActions.Invoking(() => DiscountAllocator.Allocate(1m, [0m, 0m])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DiscountAllocator.Allocate(1m, [-1m, 2m])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DiscountAllocator.Allocate(0.001m, [1m])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Converted_amounts_add_up_to_the_converted_total()
    {
        var converter = CurrencyConverter.Between("EUR", "BGN");
        var converted = DiscountAllocator.ConvertReconciled([17.33m, 6.16m, 6.90m], converter.Convert);
        converted.Sum().Should().Be(converter.Convert(30.39m)).And.Be(59.44m);
        converted.Should().Equal(33.90m, 12.05m, 13.49m);
    }

    [Theory]
    [InlineData(17.33, 2, 8.665)]
    [InlineData(10.00, 3, 3.333)]
    [InlineData(6.16, 1, 6.16)]
    [InlineData(100.00, 7, 14.286)]
    [InlineData(1.00, 1.5, 0.667)]
    public void Unit_price_is_the_shortest_that_reproduces_the_line_total(decimal total, decimal quantity, decimal expected)
    {
        var price = Amounts.UnitPrice(total, quantity);
        price.Should().Be(expected);
        Amounts.Round2(price * quantity).Should().Be(total);
    }

    [Fact]
    public void Product_discounts_percent_and_amount()
    {
        LineDiscounts.LineTotal(2m, 12.50m, new LineDiscount(LineDiscount.Percent, 10m)).Should().Be(22.50m);
        LineDiscounts.LineTotal(3m, 12.99m, new LineDiscount(LineDiscount.Percent, 10m)).Should().Be(35.07m);
        LineDiscounts.LineTotal(2m, 10m, new LineDiscount(LineDiscount.Amount, 1.5m)).Should().Be(17.00m);
        LineDiscounts.Percent(10m, new LineDiscount(LineDiscount.Amount, 1.5m)).Should().Be(15m);
        LineDiscounts.Percent(12.5m, new LineDiscount(LineDiscount.Percent, 10m)).Should().Be(10m);
        LineDiscounts.Percent(12.5m, null).Should().Be(0m);
        LineDiscounts.IsValid(10m, new LineDiscount(LineDiscount.Amount, 11m)).Should().BeFalse();
        LineDiscounts.IsValid(10m, new LineDiscount("bogus", 1m)).Should().BeFalse();
    }

    [Fact]
    public void Catalogue_prices_convert_currency_and_vat_basis_both_ways()
    {
        var basis = new PriceBasis("BGN", WarehouseIncludesVat: false, "EUR", ShopIncludesVat: true);
        // 20.37 BGN net → 24.444 BGN gross → 12.498 EUR → 12.50
        basis.ShopPrice(20.37m, 20m).Should().Be(12.50m);
        basis.WarehousePrice(12.50m, 20m).Should().Be(20.37m);
        new PriceBasis("EUR", true, "EUR", true).ShopPrice(12.5m, 20m).Should().Be(12.50m);
    }
}
