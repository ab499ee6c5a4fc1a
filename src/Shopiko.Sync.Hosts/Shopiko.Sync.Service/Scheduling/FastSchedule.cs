namespace Shopiko.Sync.Service.Scheduling;

/// <summary>When a fast schedule (the fast export, the order poll) runs next: pure, tested over tables of cases.</summary>
public static class FastSchedule
{
    /// <summary>The longest a failing fast schedule waits between attempts (the full schedules go on meanwhile).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait before the next fast pass: the interval; doubled per consecutive failure up to <see cref="MaxBackoff"/>
    /// (an unreachable shop or database is not asked every two seconds); and never shorter than what the shop asked
    /// for (<c>Retry-After</c>, an exhausted rate limit).
    /// </summary>
    public static TimeSpan NextWait(TimeSpan interval, int consecutiveFailures, TimeSpan? requested)
    {
        var wait = interval;
        if (consecutiveFailures > 0)
        {
            var factor = Math.Pow(2, Math.Min(consecutiveFailures, 16));
            wait = TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, interval.Ticks * factor));
            wait = wait < interval ? interval : wait;
        }

        return requested is { } asked && asked > wait ? asked : wait;
    }

    /// <summary>True when a fast export pass should also compare the catalogue checksums.</summary>
    public static bool CatalogueDue(DateTimeOffset now, DateTimeOffset? lastCheck, TimeSpan checkInterval) =>
        lastCheck is not { } last || now - last >= checkInterval;
}
