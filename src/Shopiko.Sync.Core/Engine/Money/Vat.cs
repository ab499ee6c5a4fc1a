namespace Shopiko.Sync.Engine.Money;

/// <summary>VAT arithmetic on both bases (prices including VAT and prices excluding VAT).</summary>
internal static class Vat
{
    /// <summary>The VAT contained in a gross amount, rounded to the cent.</summary>
    public static decimal OfGross(decimal gross, decimal rate) => Amounts.Round2(gross * rate / (100m + rate));

    /// <summary>The VAT added to a net amount, rounded to the cent.</summary>
    public static decimal OfNet(decimal net, decimal rate) => Amounts.Round2(net * rate / 100m);

    /// <summary>The net part of a gross amount, so that net + VAT equals the gross to the cent.</summary>
    public static decimal NetOfGross(decimal gross, decimal rate) => gross - OfGross(gross, rate);

    /// <summary>
    /// Re-expresses a price from one VAT basis on another, unrounded (rounding is the caller's: a unit price keeps its
    /// precision, an amount is rounded to the cent).
    /// </summary>
    public static decimal ChangeBasis(decimal price, decimal rate, bool fromIncludesVat, bool toIncludesVat)
    {
        if (fromIncludesVat == toIncludesVat)
        {
            return price;
        }

        return fromIncludesVat ? price * 100m / (100m + rate) : price * (100m + rate) / 100m;
    }

    /// <summary>
    /// The VAT of one unit as Warehouse Pro writes <c>VATOut</c>/<c>VATIn</c>: unrounded, <c>price × r / (100 + r)</c>
    /// when the price includes VAT and <c>price × r / 100</c> when it does not. The program's VAT reports multiply it by
    /// the quantity themselves; a rounded unit VAT would drift from them.
    /// </summary>
    public static decimal PerUnit(decimal unitPrice, decimal rate, bool priceIncludesVat) =>
        priceIncludesVat ? unitPrice * rate / (100m + rate) : unitPrice * rate / 100m;

    /// <summary>Splits a line amount given on either basis into its net, VAT and gross parts, reconciled to the cent.</summary>
    public static LineAmounts Split(decimal amount, decimal rate, bool amountIncludesVat)
    {
        if (amountIncludesVat)
        {
            var vat = OfGross(amount, rate);
            return new LineAmounts(amount - vat, vat, amount);
        }

        var added = OfNet(amount, rate);
        return new LineAmounts(amount, added, amount + added);
    }
}

/// <summary>A line total split into net, VAT and gross; <c>Net + Vat == Gross</c> exactly.</summary>
/// <param name="Net">Without VAT.</param>
/// <param name="Vat">The VAT.</param>
/// <param name="Gross">With VAT.</param>
internal readonly record struct LineAmounts(decimal Net, decimal Vat, decimal Gross);
