using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Service.Control;

/// <summary>
/// Who may use the control surface. With a token: only requests bearing it. Without one the surface is bound to
/// loopback, and two browser attacks on local services are closed: a foreign page posting to it (Origin must match)
/// and DNS rebinding (Host must be a loopback name).
/// </summary>
internal sealed class ControlAccess(IOptions<ServiceOptions> options, ILogger<ControlAccess> logger)
{
    private readonly byte[]? _token = string.IsNullOrEmpty(options.Value.Token) ? null : Encoding.UTF8.GetBytes(options.Value.Token);

    /// <summary>Refuses a URL off loopback without a token.</summary>
    /// <exception cref="ShopikoConfigurationException">The URL is invalid or reachable from elsewhere without a token.</exception>
    public static void Validate(ServiceOptions options)
    {
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ShopikoConfigurationException(
                $"ShopikoSync:Service:Url '{options.Url}' is not an http(s) URL such as http://127.0.0.1:5080.", "ShopikoSync:Service:Url");
        }

        if (!IsLoopback(url.Host) && string.IsNullOrEmpty(options.Token))
        {
            throw new ShopikoConfigurationException(
                $"ShopikoSync:Service:Url '{options.Url}' can be reached from other machines: set ShopikoSync:Service:Token "
                + "(clients then send 'Authorization: Bearer <token>') or bind to 127.0.0.1.", "ShopikoSync:Service:Token");
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var refusal = Check(context.Request);
        if (refusal is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        Log.ControlRefused(logger, refusal.Value.Reason, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = refusal.Value.Status;
        if (refusal.Value.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await context.Response.WriteAsJsonAsync(new { error = refusal.Value.Reason }, context.RequestAborted).ConfigureAwait(false);
    }

    private (int Status, string Reason)? Check(HttpRequest request)
    {
        // The page itself holds no data; with a token it asks for it and sends it on every API call.
        var isPage = request.Path == "/" && HttpMethods.IsGet(request.Method);
        if (_token is not null)
        {
            if (isPage)
            {
                return null;
            }

            var header = request.Headers.Authorization.ToString();
            const string Scheme = "Bearer ";
            var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()) : [];
            return CryptographicOperations.FixedTimeEquals(presented, _token)
                ? null
                : (StatusCodes.Status401Unauthorized, "a valid 'Authorization: Bearer <token>' header is required");
        }

        if (!IsLoopback(request.Host.Host))
        {
            return (StatusCodes.Status403Forbidden, "the control surface answers loopback host names only");
        }

        if (!HttpMethods.IsGet(request.Method) && request.Headers.Origin is { Count: > 0 } origin
            && (!Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var from) || !IsLoopback(from.Host)))
        {
            return (StatusCodes.Status403Forbidden, "requests from other sites are refused");
        }

        return null;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
