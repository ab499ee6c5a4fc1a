namespace Shopiko.Sync.Engine.Money;

/// <summary>
/// Spreads an amount over weights to the cent with the largest-remainder method: each share is its proportional part
/// rounded down to the cent, and the cents left over go one by one to the largest remainders (ties: the larger weight,
/// then the earlier item). The shares always add up to the amount exactly; no cent is lost or invented.
/// </summary>
internal static class DiscountAllocator
{
    /// <summary>Allocates <paramref name="amount"/> (2 decimals, may be negative) proportionally to <paramref name="weights"/>.</summary>
    /// <exception cref="ArgumentException">Weights are empty, negative, or all zero while the amount is not.</exception>
    public static decimal[] Allocate(decimal amount, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (Amounts.Round2(amount) != amount)
        {
            throw new ArgumentException("The amount must be in whole cents.", nameof(amount));
        }

        var shares = new decimal[weights.Count];
        if (amount == 0)
        {
            return shares;
        }

        if (weights.Count == 0 || weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights must be present and not negative.", nameof(weights));
        }

        var total = weights.Sum();
        if (total == 0)
        {
            throw new ArgumentException("Cannot spread an amount over items that are all zero.", nameof(weights));
        }

        var sign = Math.Sign(amount);
        var cents = Math.Abs(amount) * 100m;
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        var given = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = cents * weights[i] / total;
            var floor = Math.Floor(exact);
            shares[i] = floor;
            given += floor;
            remainders[i] = (exact - floor, i);
        }

        var left = (int)(cents - given);
        foreach (var (_, index) in remainders
                     .OrderByDescending(r => r.Remainder)
                     .ThenByDescending(r => weights[r.Index])
                     .ThenBy(r => r.Index)
                     .Take(left))
        {
            shares[index] += 1;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = sign * shares[i] / 100m;
        }

        return shares;
    }

    /// <summary>
    /// Converts every amount with <paramref name="convert"/> so that the converted amounts add up exactly to the
    /// converted total (the total is converted and rounded once, then spread back by largest remainder).
    /// </summary>
    public static decimal[] ConvertReconciled(IReadOnlyList<decimal> amounts, Func<decimal, decimal> convert)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(convert);
        var total = amounts.Sum();
        if (amounts.All(a => a >= 0) && total > 0)
        {
            return Allocate(convert(total), amounts);
        }

        return amounts.Select(convert).ToArray();
    }
}
