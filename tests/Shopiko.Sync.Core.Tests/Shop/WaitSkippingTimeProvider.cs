using Microsoft.Extensions.Time.Testing;

namespace Shopiko.Sync.Core.Tests.Shop;

/// <summary>
/// A fake clock that moves on by itself whenever someone starts waiting on it (a timer armed when it is created, as
/// <c>Task.Delay</c> and so the retry pipeline's waits do), and records how long each wait was. Timeouts arm their
/// timers later (<c>CancelAfter</c>), so they only fire when the clock passes them, as on a real clock.
/// </summary>
internal sealed class WaitSkippingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();

    public List<TimeSpan> Waits { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                Waits.Add(dueTime);
            }

            Advance(dueTime);
        }

        return timer;
    }
}
