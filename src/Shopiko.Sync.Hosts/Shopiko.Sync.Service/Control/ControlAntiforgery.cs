using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Shopiko.Sync.Service.Control;

/// <summary>
/// The anti-forgery rule of the control surface: every state-changing API request carries the token the page got from
/// <c>GET /api/antiforgery</c> (header <see cref="HeaderName"/> plus its cookie). Requests with the bearer token are
/// exempt: a foreign page cannot make a browser send that header.
/// </summary>
internal static class ControlAntiforgery
{
    /// <summary>The header that carries the request token.</summary>
    public const string HeaderName = "X-Shopiko-Antiforgery";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var changesState = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var hasToken = !string.IsNullOrEmpty(context.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.Token);
        if (changesState && !hasToken && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                Log.ControlRefused(context.RequestServices.GetRequiredService<ILogger<ControlAccess>>(), "anti-forgery token missing or stale", request.Method, request.Path);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(
                    new { error = $"The anti-forgery token is missing or stale: reload the page (scripts: GET /api/antiforgery, then send its token in the {HeaderName} header with its cookie)." },
                    context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }
}
