using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shopiko.Sync.Sandbox.State;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>The endpoints of shopiko-api.md, under the base path. Authentication already happened in <see cref="SignatureCheck"/>.</summary>
internal sealed class ContractEndpoints(SandboxState state)
{
    public const int MaxBatch = 500;
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;

    public void Map(IEndpointRouteBuilder routes, string basePath)
    {
        var api = routes.MapGroup(basePath.TrimEnd('/'));
        api.MapGet("/shop", context => Json.WriteAsync(context, state.Info()));

        api.MapPut("/categories/batch", context => BatchAsync<CategoryUpsert>(context, state.UpsertCategories));
        api.MapGet("/categories", context => PageAsync(context, allowSince: false, (_, cursor, limit) => state.CategoriesPage(cursor, limit)));
        api.MapPut("/categories/links", context => BatchAsync<LinkItem>(context, state.LinkCategories));

        api.MapPut("/products/batch", context => BatchAsync<ProductUpsert>(context, state.UpsertProducts));
        api.MapGet("/products", context => PageAsync(context, allowSince: true, state.ProductsPage));
        api.MapPut("/products/links", context => BatchAsync<LinkItem>(context, state.LinkProducts));

        api.MapPut("/stock/batch", context => BatchAsync<StockUpsert>(context, state.UpdateStock));

        api.MapPut("/customers/batch", context => BatchAsync<CustomerUpsert>(context, state.UpsertCustomers));
        api.MapGet("/customers", context => PageAsync(context, allowSince: true, state.CustomersPage));
        api.MapPut("/customers/links", context => BatchAsync<LinkItem>(context, state.LinkCustomers));

        api.MapGet("/orders", PendingOrdersAsync);
        api.MapPost("/orders/{id}/ack", AckAsync);

        // Anything else under the base path answers in the contract's error shape.
        api.Map("/{**rest}", context => Json.ErrorAsync(context, StatusCodes.Status404NotFound, "not_found", $"No endpoint {context.Request.Method} {context.Request.Path}."));
    }

    private static async Task BatchAsync<T>(HttpContext context, Func<BatchBody<T>, List<BatchItemResult>> apply)
        where T : class
    {
        BatchBody<T>? batch;
        try
        {
            batch = BatchBody<T>.Parse((await BodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false)).Span);
        }
        catch (JsonException ex)
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "The body is not JSON: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (batch is null)
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "The body must be {\"items\": [ … ]}.").ConfigureAwait(false);
            return;
        }

        if (batch.Items.Count > MaxBatch)
        {
            await Json.ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "batch_too_large", $"A batch holds at most {MaxBatch} items; this one has {batch.Items.Count}.").ConfigureAwait(false);
            return;
        }

        await Json.WriteResultsAsync(context, apply(batch)).ConfigureAwait(false);
    }

    /// <summary>The request body's bytes (already in memory once <see cref="SignatureCheck"/> has hashed it).</summary>
    private static async Task<ReadOnlyMemory<byte>> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Body is MemoryStream { Position: 0 } buffered && buffered.TryGetBuffer(out var segment))
        {
            return segment;
        }

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    private static async Task PageAsync<T>(HttpContext context, bool allowSince, Func<DateTimeOffset?, Cursor?, int, (List<T> Items, string? Next)> page)
    {
        var query = context.Request.Query;
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", $"limit must be 1–{MaxLimit}.").ConfigureAwait(false);
            return;
        }

        if (!Cursor.TryDecode(query["cursor"], out var cursor))
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "cursor is not one this shop gave out.").ConfigureAwait(false);
            return;
        }

        DateTimeOffset? since = null;
        if (allowSince && query.TryGetValue("updatedSince", out var sinceText))
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "updatedSince must be an ISO 8601 timestamp.").ConfigureAwait(false);
                return;
            }

            since = parsed;
        }

        var (items, next) = page(since, cursor, limit);
        await Json.WriteAsync(context, new { items, nextCursor = next }).ConfigureAwait(false);
    }

    private Task PendingOrdersAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Query["state"], "pending", StringComparison.Ordinal))
        {
            return Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "state must be 'pending'.");
        }

        return PageAsync(context, allowSince: false, (_, cursor, limit) => state.PendingOrdersPage(cursor, limit));
    }

    private async Task AckAsync(HttpContext context)
    {
        var orderId = (string)context.Request.RouteValues["id"]!;
        AckBody? body;
        try
        {
            body = await Json.ReadAsync<AckBody>(context).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "The body must be {\"revision\": n, \"document\": \"…\"}: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (body is null || body.Revision is null || string.IsNullOrWhiteSpace(body.Document))
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "revision and document are required.").ConfigureAwait(false);
            return;
        }

        switch (state.Acknowledge(orderId, body.Revision.Value, body.Document))
        {
            case SandboxState.AckOutcome.Recorded or SandboxState.AckOutcome.AlreadyRecorded:
                await Json.WriteAsync(context, new { id = orderId, revision = body.Revision, document = body.Document }).ConfigureAwait(false);
                break;
            case SandboxState.AckOutcome.UnknownOrder:
                await Json.ErrorAsync(context, StatusCodes.Status404NotFound, "not_found", $"No order with id '{orderId}'.").ConfigureAwait(false);
                break;
            case SandboxState.AckOutcome.UnknownRevision:
                await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", $"Order '{orderId}' has no revision {body.Revision}.").ConfigureAwait(false);
                break;
            default:
                await Json.ErrorAsync(context, StatusCodes.Status409Conflict, "conflict", $"Revision {body.Revision} of order '{orderId}' is already acknowledged as another document.").ConfigureAwait(false);
                break;
        }
    }

    private sealed record AckBody(int? Revision, string? Document);
}
