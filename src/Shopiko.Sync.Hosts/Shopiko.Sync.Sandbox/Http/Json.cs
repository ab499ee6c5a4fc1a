using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Shopiko.Sync.Shop;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>Writes the contract's JSON answers and error bodies.</summary>
internal static class Json
{
    public static async Task WriteAsync<T>(HttpContext context, T value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, ShopikoJson.Options, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary><c>{"error": {"code", "message", "details"}}</c>, with <c>Retry-After</c> when given.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string code, string message, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, new { error = new { code, message, details = Array.Empty<object>() } }, status);
    }

    public static async Task<T?> ReadAsync<T>(HttpContext context)
    {
        return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, ShopikoJson.Options, context.RequestAborted).ConfigureAwait(false);
    }
}
