using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

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

    /// <summary>
    /// A batch answer <c>{"results": [ … ]}</c>, written field by field straight into the response (the same bytes the
    /// serializer would write for <see cref="BatchItemResult"/>, without its reflection over 500 records).
    /// </summary>
    public static async Task WriteResultsAsync(HttpContext context, IReadOnlyList<BatchItemResult> results)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = context.Response.BodyWriter;
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = ShopikoJson.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results"u8);
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("externalId"u8, result.ExternalId);
                writer.WriteString("id"u8, result.Id);
                writer.WriteString("status"u8, result.Status);
                if (result.Error is { } error)
                {
                    writer.WriteStartObject("error"u8);
                    writer.WriteString("code"u8, error.Code);
                    writer.WriteString("message"u8, error.Message);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("error"u8);
                }

                writer.WriteBoolean("succeeded"u8, result.Succeeded);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
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
