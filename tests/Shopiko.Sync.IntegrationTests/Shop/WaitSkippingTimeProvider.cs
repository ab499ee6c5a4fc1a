using System.Collections.Concurrent;

namespace Shopiko.Sync.IntegrationTests.Shop;

/// <summary>
/// The real clock (or a given one) for reading the time, but every wait (a timer armed when it is created, as
/// <c>Task.Delay</c> and so the retry pipeline's waits do) ends at once and is recorded. Timeouts arm their timers
/// later (<c>CancelAfter</c>), so they stay on the real clock.
/// </summary>
internal sealed class WaitSkippingTimeProvider(TimeProvider? clock = null) : TimeProvider
{
    private readonly TimeProvider _clock = clock ?? System;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override long TimestampFrequency => System.TimestampFrequency;

    public override long GetTimestamp() => System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            dueTime = TimeSpan.Zero;
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
