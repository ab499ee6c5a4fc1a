namespace Shopiko.Sync.Engine.Money;

/// <summary>The one place money is rounded: to the cent, halves away from zero (as shops and tills do).</summary>
internal static class Amounts
{
    /// <summary>Rounds to 2 decimals.</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to <paramref name="decimals"/> decimals.</summary>
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a quantity to the contract's 3 decimals.</summary>
    public static decimal Round3(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The unit price that reproduces <paramref name="lineTotal"/> to the cent for <paramref name="quantity"/> units,
    /// with as few decimals as possible (2 to 6). A discounted or converted line rarely divides into whole cents per
    /// unit; storing the shortest exact-enough unit price keeps <c>Qtty × PriceOut</c> equal to the line total.
    /// </summary>
    public static decimal UnitPrice(decimal lineTotal, decimal quantity)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must be positive.");
        }

        var exact = lineTotal / quantity;
        for (var decimals = 2; decimals <= 6; decimals++)
        {
            var candidate = Round(exact, decimals);
            if (Round2(candidate * quantity) == lineTotal)
            {
                return candidate;
            }
        }

        return Round(exact, 8);
    }

    /// <summary>
    /// The unit price without VAT for a warehouse that keeps prices without VAT, chosen so that the line total the
    /// program computes, <c>Qtty × (PriceOut + VATOut)</c> with the unrounded <c>VATOut = PriceOut × r / 100</c>, is
    /// <paramref name="grossTotal"/> to the cent; with as few decimals as possible (2 to 8).
    /// </summary>
    public static decimal NetUnitPrice(decimal grossTotal, decimal quantity, decimal rate)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must be positive.");
        }

        var factor = (100m + rate) / 100m;
        var exact = grossTotal / factor / quantity;
        for (var decimals = 2; decimals <= 8; decimals++)
        {
            var candidate = Round(exact, decimals);
            if (Round2(candidate * quantity * factor) == grossTotal)
            {
                return candidate;
            }
        }

        return Round(exact, 10);
    }
}
