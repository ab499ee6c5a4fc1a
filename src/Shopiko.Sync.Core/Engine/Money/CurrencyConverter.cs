namespace Shopiko.Sync.Engine.Money;

/// <summary>
/// Converts between the warehouse's base currency and the shop's. Bulgaria joined the euro on 2026-01-01 at the fixed
/// rate 1.95583 BGN = 1 EUR; that is the only pair the sync converts, exactly and rounded to the cent.
/// </summary>
internal sealed class CurrencyConverter
{
    /// <summary>BGN per EUR, fixed by the Council of the EU.</summary>
    public const decimal BgnPerEur = 1.95583m;

    private readonly decimal _factor;

    private CurrencyConverter(string from, string to, decimal factor)
    {
        From = from;
        To = to;
        _factor = factor;
    }

    /// <summary>The source currency.</summary>
    public string From { get; }

    /// <summary>The target currency.</summary>
    public string To { get; }

    /// <summary>True when both currencies are the same.</summary>
    public bool IsIdentity => _factor == 1m;

    /// <summary>A converter from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="NotSupportedException">A pair other than BGN/EUR.</exception>
    public static CurrencyConverter Between(string from, string to)
    {
        var f = Normalize(from);
        var t = Normalize(to);
        if (f == t)
        {
            return new CurrencyConverter(f, t, 1m);
        }

        return (f, t) switch
        {
            ("EUR", "BGN") => new CurrencyConverter(f, t, BgnPerEur),
            ("BGN", "EUR") => new CurrencyConverter(f, t, 1m / BgnPerEur),
            _ => throw new NotSupportedException(
                $"Cannot convert {f} to {t}: only BGN and EUR (at the fixed rate {BgnPerEur}) are supported. Make the shop and the warehouse use the same currency."),
        };
    }

    /// <summary>The reverse converter.</summary>
    public CurrencyConverter Reverse() => Between(To, From);

    /// <summary>Converts and rounds to the cent.</summary>
    public decimal Convert(decimal amount) => IsIdentity ? amount : Amounts.Round2(ConvertExact(amount));

    /// <summary>Converts without rounding (for unit prices that are rounded later).</summary>
    public decimal ConvertExact(decimal amount) => From == "BGN" && To == "EUR" ? amount / BgnPerEur : amount * _factor;

    private static string Normalize(string currency)
    {
        var c = (currency ?? "").Trim().ToUpperInvariant();
        // Warehouse Pro databases often spell the lev in Cyrillic.
        return c is "ЛВ" or "ЛВ." or "BGL" ? "BGN" : c;
    }
}
