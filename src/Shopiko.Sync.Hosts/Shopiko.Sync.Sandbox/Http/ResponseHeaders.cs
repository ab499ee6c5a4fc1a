using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>
/// Puts <c>X-Request-Id</c> and the <c>X-RateLimit-*</c> headers on every answer. The sandbox reports a per-minute
/// window but never enforces it (429s come from <see cref="SandboxFaults"/>), so tests stay deterministic.
/// </summary>
internal sealed class ResponseHeaders(TimeProvider time)
{
    public const int Limit = 600;

    private readonly Lock _gate = new();
    private long _windowStart;
    private int _used;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        int remaining;
        long reset;
        lock (_gate)
        {
            var window = now - (now % 60);
            if (window != _windowStart)
            {
                _windowStart = window;
                _used = 0;
            }

            _used++;
            remaining = Math.Max(0, Limit - _used);
            reset = _windowStart + 60;
        }

        var headers = context.Response.Headers;
        headers["X-Request-Id"] = "req-" + Guid.NewGuid().ToString("N")[..16];
        headers["X-RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        return next(context);
    }
}
