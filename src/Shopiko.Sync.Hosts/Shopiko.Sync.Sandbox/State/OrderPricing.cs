using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox.State;

/// <summary>
/// The contract's money rules: a line's unit price is the list price; a line discount is a percent of it or an
/// amount off per unit; each line total is quantity × discounted unit price rounded to 2 decimals;
/// grandTotal = lines − order discounts + shipping.
/// </summary>
internal static class OrderPricing
{
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal LineTotal(decimal quantity, decimal unitPrice, LineDiscount? discount) =>
        Round2(quantity * DiscountedUnitPrice(unitPrice, discount));

    public static decimal DiscountedUnitPrice(decimal unitPrice, LineDiscount? discount) => discount switch
    {
        null => unitPrice,
        { Type: LineDiscount.Percent, Value: var p } when p is >= 0 and <= 100 => unitPrice * (1 - (p / 100m)),
        { Type: LineDiscount.Amount, Value: var a } when a >= 0 && a <= unitPrice => unitPrice - a,
        _ => throw new ArgumentException(
            $"A line discount must be 'percent' 0–100 or 'amount' between 0 and the unit price {unitPrice}; got {discount.Type} {discount.Value}."),
    };

    public static OrderTotals Totals(IEnumerable<OrderLine> lines, IEnumerable<OrderDiscount> discounts, OrderShipping? shipping)
    {
        var lineSum = lines.Sum(l => LineTotal(l.Quantity, l.UnitPrice, l.Discount));
        var discountSum = discounts.Sum(d => Round2(d.Amount));
        var shippingPrice = shipping is null ? 0m : Round2(shipping.Price);
        var grand = lineSum - discountSum + shippingPrice;
        if (grand < 0)
        {
            throw new ArgumentException($"The order discounts ({discountSum}) exceed the lines and shipping ({lineSum + shippingPrice}).");
        }

        return new OrderTotals { Lines = lineSum, Discounts = discountSum, Shipping = shippingPrice, GrandTotal = grand };
    }
}
