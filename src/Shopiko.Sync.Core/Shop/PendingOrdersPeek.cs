using System.Globalization;

namespace Shopiko.Sync.Shop;

/// <summary>The answer of one small look at the shop's pending orders (<c>GET orders?state=pending&amp;limit=1</c>).</summary>
/// <param name="Waiting">At least one order waits to be imported (or acknowledged again).</param>
/// <param name="RateLimit">The shop's rate-limit headers on that answer, when it sent them.</param>
public sealed record PendingOrdersPeek(bool Waiting, ShopRateLimit? RateLimit);

/// <summary>The contract's <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c>.</summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in it.</param>
/// <param name="Reset">When the window starts again.</param>
public sealed record ShopRateLimit(int Limit, int Remaining, DateTimeOffset Reset)
{
    /// <summary>
    /// How long a poller should wait before its next request so that the shop is never hammered: until the window
    /// resets when nothing is left; the rest of the window spread over what is left once a tenth or less remains (the
    /// quota is shared with the exports and with anything else the merchant runs); otherwise null (the usual interval).
    /// </summary>
    public TimeSpan? WaitBeforeNext(DateTimeOffset now)
    {
        var untilReset = Reset > now ? Reset - now : TimeSpan.Zero;
        if (Remaining <= 0)
        {
            return untilReset;
        }

        return Limit > 0 && Remaining * 10 <= Limit ? untilReset / Remaining : null;
    }

    /// <summary>Parses the three headers; null when one is missing or not a number.</summary>
    public static ShopRateLimit? Parse(string? limit, string? remaining, string? reset) =>
        int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
        && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
        && long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
        && s is >= 0 and <= 253402300799
            ? new ShopRateLimit(l, r, DateTimeOffset.FromUnixTimeSeconds(s))
            : null;
}
