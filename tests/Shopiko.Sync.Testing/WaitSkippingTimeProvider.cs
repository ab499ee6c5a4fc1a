using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Shopiko.Sync.Testing;

/// <summary>
/// A clock on which every wait (a timer armed when it is created, as <c>Task.Delay</c> and so the retry pipeline's
/// waits do) ends at once and is recorded in <see cref="Waits"/>. Timeouts arm their timers later (<c>CancelAfter</c>),
/// so they are not skipped: they fire when their clock passes them.
/// <list type="bullet">
/// <item><see cref="WaitSkippingTimeProvider(TimeProvider?)"/>: the time is read from a given clock (the system's by
/// default) and timers run on the real clock, for clients talking to a real loopback server.</item>
/// <item><see cref="WaitSkippingTimeProvider(DateTimeOffset)"/>: a fake clock that moves on by each wait, so the time
/// a client reads and its timeouts see every wait as spent, while nothing sleeps.</item>
/// </list>
/// </summary>
public sealed class WaitSkippingTimeProvider : TimeProvider
{
    private readonly TimeProvider _clock;
    private readonly FakeTimeProvider? _fake;

    /// <summary>Reads the time from <paramref name="clock"/> (default: the system clock); timers run on the real clock.</summary>
    public WaitSkippingTimeProvider(TimeProvider? clock = null) => _clock = clock ?? System;

    /// <summary>A fake clock starting at <paramref name="start"/> that moves on by each wait it skips.</summary>
    public WaitSkippingTimeProvider(DateTimeOffset start) => _clock = _fake = new FakeTimeProvider(start);

    /// <summary>Every wait skipped, in order.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => (_fake ?? System).TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => (_fake ?? System).GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var wait = dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan;
        if (wait)
        {
            Waits.Enqueue(dueTime);
        }

        if (_fake is null)
        {
            return System.CreateTimer(callback, state, wait ? TimeSpan.Zero : dueTime, period);
        }

        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        if (wait)
        {
            _fake.Advance(dueTime);
        }

        return timer;
    }
}
