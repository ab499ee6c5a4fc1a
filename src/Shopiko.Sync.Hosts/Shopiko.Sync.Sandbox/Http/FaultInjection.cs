using Microsoft.AspNetCore.Http;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>Counts contract requests and applies the fault <see cref="SandboxFaults"/> chooses for each.</summary>
internal sealed class FaultInjection(SandboxState state, SandboxFaults faults, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        state.CountRequest();
        var fault = faults.Decide(context.Request.Path.Value ?? "");
        switch (fault?.Kind)
        {
            case null:
                break;
            case SandboxFaultKind.Latency:
                await Task.Delay(fault.Latency, time, context.RequestAborted).ConfigureAwait(false);
                break;
            case SandboxFaultKind.RateLimited:
                await Json.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; retry later.", fault.RetryAfter).ConfigureAwait(false);
                return;
            case SandboxFaultKind.InternalError:
                await Json.ErrorAsync(context, StatusCodes.Status500InternalServerError, "internal", "An injected internal error.").ConfigureAwait(false);
                return;
            case SandboxFaultKind.Unavailable:
                await Json.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "unavailable", "The shop is temporarily unavailable.", fault.RetryAfter).ConfigureAwait(false);
                return;
            case SandboxFaultKind.DropConnection:
                context.Abort();
                return;
        }

        await next(context).ConfigureAwait(false);
    }
}
