using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Engine.Money;

/// <summary>The shop's product discount on a line: the unit price after it and the percent Warehouse Pro records.</summary>
internal static class LineDiscounts
{
    /// <summary>The unit price after the line's product discount (unrounded: the contract rounds the line total).</summary>
    public static decimal UnitPriceAfter(decimal unitPrice, LineDiscount? discount) => discount switch
    {
        null => unitPrice,
        { Type: LineDiscount.Percent } d => unitPrice * (100m - d.Value) / 100m,
        { Type: LineDiscount.Amount } d => unitPrice - d.Value,
        _ => throw new ArgumentException($"Unknown line discount type '{discount.Type}'.", nameof(discount)),
    };

    /// <summary>The contract's line total: quantity × unit price after the product discount, rounded to the cent.</summary>
    public static decimal LineTotal(decimal quantity, decimal unitPrice, LineDiscount? discount) =>
        Amounts.Round2(quantity * UnitPriceAfter(unitPrice, discount));

    /// <summary>The product discount as the percent written to <c>operations.Discount</c> (2 decimals).</summary>
    public static decimal Percent(decimal unitPrice, LineDiscount? discount) => discount switch
    {
        null => 0m,
        { Type: LineDiscount.Percent } d => d.Value,
        { Type: LineDiscount.Amount } d when unitPrice != 0 => Amounts.Round2(d.Value / unitPrice * 100m),
        _ => 0m,
    };

    /// <summary>True when the discount is of a known type and leaves a price between zero and the list price.</summary>
    public static bool IsValid(decimal unitPrice, LineDiscount? discount) => discount is null ||
        (discount.Type is LineDiscount.Percent or LineDiscount.Amount && discount.Value >= 0 &&
         UnitPriceAfter(unitPrice, discount) >= 0);
}
