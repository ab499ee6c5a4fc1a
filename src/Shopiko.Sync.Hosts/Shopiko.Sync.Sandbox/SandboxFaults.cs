namespace Shopiko.Sync.Sandbox;

/// <summary>What goes wrong when a fault is injected.</summary>
public enum SandboxFaultKind
{
    /// <summary>The request is served after <see cref="SandboxFault.Latency"/>.</summary>
    Latency,

    /// <summary><c>429 rate_limited</c> with <c>Retry-After</c>.</summary>
    RateLimited,

    /// <summary><c>500 internal</c>.</summary>
    InternalError,

    /// <summary><c>503 unavailable</c> with <c>Retry-After</c>.</summary>
    Unavailable,

    /// <summary>The connection is aborted without an answer.</summary>
    DropConnection,
}

/// <summary>One injected failure.</summary>
/// <param name="Kind">What goes wrong.</param>
public sealed record SandboxFault(SandboxFaultKind Kind)
{
    /// <summary>The <c>Retry-After</c> of 429 and 503 answers (sent in whole seconds, rounded up).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The delay of a <see cref="SandboxFaultKind.Latency"/> fault (waited on the shop's clock).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>A 429 asking to wait <paramref name="retryAfter"/>.</summary>
    public static SandboxFault RateLimited(TimeSpan retryAfter) => new(SandboxFaultKind.RateLimited) { RetryAfter = retryAfter };

    /// <summary>A 503 asking to wait <paramref name="retryAfter"/> (default 1 s).</summary>
    public static SandboxFault Unavailable(TimeSpan? retryAfter = null) => new(SandboxFaultKind.Unavailable) { RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1) };

    /// <summary>A 500.</summary>
    public static SandboxFault InternalError() => new(SandboxFaultKind.InternalError);

    /// <summary>An aborted connection.</summary>
    public static SandboxFault DropConnection() => new(SandboxFaultKind.DropConnection);

    /// <summary>A slow answer.</summary>
    public static SandboxFault Delay(TimeSpan latency) => new(SandboxFaultKind.Latency) { Latency = latency };
}

/// <summary>
/// Fault injection on the contract endpoints (never on the admin surface). Scheduled faults win over queued ones,
/// queued ones over the random rate. Thread-safe.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<SandboxFault> _next = new();
    private readonly List<(int Remaining, SandboxFault Fault, string? Path)> _scheduled = [];
    private SandboxFault? _rateFault;
    private double _rate;
    private Random _random = new(0);
    private int _injected;

    /// <summary>How many faults were injected so far.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>The next <paramref name="count"/> contract requests fail with <paramref name="fault"/>.</summary>
    public void Next(SandboxFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }

    /// <summary>The <paramref name="nth"/> contract request from now (1 = the next one) fails with <paramref name="fault"/>.</summary>
    public void OnRequest(int nth, SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        lock (_gate)
        {
            _scheduled.Add((nth, fault, null));
        }
    }

    /// <summary>
    /// The <paramref name="nth"/> contract request to <paramref name="path"/> from now (relative to the API's base, e.g.
    /// <c>products/batch</c>) fails with <paramref name="fault"/>: for a client that sends to several endpoints at once.
    /// </summary>
    public void OnRequest(int nth, SandboxFault fault, string path)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        lock (_gate)
        {
            _scheduled.Add((nth, fault, "/" + path.Trim('/')));
        }
    }

    /// <summary>Each contract request fails with <paramref name="fault"/> with probability <paramref name="rate"/> (0 turns it off).</summary>
    /// <param name="fault">The failure.</param>
    /// <param name="rate">0–1.</param>
    /// <param name="seed">Seed of the random choice, for repeatable runs.</param>
    public void AtRate(SandboxFault fault, double rate, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        lock (_gate)
        {
            _rateFault = fault;
            _rate = rate;
            _random = new Random(seed);
        }
    }

    /// <summary>Removes every pending fault and the rate.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _next.Clear();
            _scheduled.Clear();
            _rateFault = null;
            _rate = 0;
        }
    }

    /// <summary>Decides the fate of one contract request.</summary>
    /// <param name="path">The request's path (only the faults scheduled for it, or for any path, count it).</param>
    internal SandboxFault? Decide(string path)
    {
        lock (_gate)
        {
            SandboxFault? chosen = null;
            for (var i = _scheduled.Count - 1; i >= 0; i--)
            {
                var (remaining, fault, on) = _scheduled[i];
                if (on is not null && !path.EndsWith(on, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (remaining == 1)
                {
                    chosen ??= fault;
                    _scheduled.RemoveAt(i);
                }
                else
                {
                    _scheduled[i] = (remaining - 1, fault, on);
                }
            }

            if (chosen is null && _next.Count > 0)
            {
                chosen = _next.Dequeue();
            }

            if (chosen is null && _rateFault is not null && _random.NextDouble() < _rate)
            {
                chosen = _rateFault;
            }

            if (chosen is not null)
            {
                _injected++;
            }

            return chosen;
        }
    }
}
