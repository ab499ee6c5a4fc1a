using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>
/// The contract's authentication, computed here from the wire (raw request target, raw body bytes) independently of
/// the client's signer: API ID, then signature, then the 300-second timestamp window, then the add-on switch.
/// </summary>
internal sealed class SignatureCheck(SandboxState state, TimeProvider time, string apiId, string key)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private const int MaxInitialBuffer = 4 << 20;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        if (!string.Equals(headers["X-Api-Id"], apiId, StringComparison.Ordinal))
        {
            await Json.ErrorAsync(context, StatusCodes.Status401Unauthorized, "unknown_api_id", "The API ID is not known to this shop.").ConfigureAwait(false);
            return;
        }

        string timestamp = headers["X-Timestamp"].ToString();

        // The body is read once into memory and put back as a seekable stream for the endpoint: ASP.NET Core's own
        // buffering would spill batch bodies over 30 KB to a temporary file and read them back.
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        context.Request.Body = body;

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var canonical = context.Request.Method.ToUpperInvariant() + "\n" + target + "\n" + timestamp + "\n"
            + Convert.ToHexStringLower(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(headers["X-Signature"].ToString())))
        {
            await Json.ErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_signature", "The request signature does not match.").ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > Window.TotalSeconds)
        {
            await Json.ErrorAsync(context, StatusCodes.Status401Unauthorized, "stale_timestamp", "X-Timestamp is more than 300 seconds away from the shop's clock.").ConfigureAwait(false);
            return;
        }

        if (!state.AddonActive)
        {
            await Json.ErrorAsync(context, StatusCodes.Status403Forbidden, "addon_inactive", "The Microinvest Синхронизация add-on is not active.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Content-Length only sizes the first buffer (Kestrel enforces the body limit while it is read).
        var body = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 0, MaxInitialBuffer));
        request.HttpContext.Response.RegisterForDispose(body);
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        body.Position = 0;
        return body;
    }
}
