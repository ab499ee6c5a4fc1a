using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>
/// The sandbox's own admin surface under <c>/_sandbox/</c>, outside the contract and unauthenticated (loopback only):
/// the merchant's and shoppers' actions of <see cref="SandboxState"/> (one at a time, or in bulk under <c>…/bulk</c> to seed
/// large shops), counts under <c>stats</c>, plus fault injection.
/// </summary>
internal sealed class AdminEndpoints(Func<SandboxShop> shopOf)
{
    public const string BasePath = "/_sandbox";

    public void Map(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(BasePath);
        admin.MapGet("/state", context => Json.WriteAsync(context, new
        {
            shop = shopOf().State.Info(),
            shopOf().State.RequestCount,
            faultsInjected = shopOf().Faults.Injected,
            categories = shopOf().State.Categories,
            products = shopOf().State.Products.Select(p => new { product = p, stock = p.ExternalId is null ? null : shopOf().State.StockOf(p.ExternalId) }),
            customers = shopOf().State.Customers,
            orders = shopOf().State.Orders,
            acks = shopOf().State.Acks,
        }));
        admin.MapGet("/credentials", context => Json.WriteAsync(context, new { baseUrl = shopOf().BaseUrl, apiId = shopOf().ApiId, key = shopOf().Key }));
        admin.MapPost("/categories", context => Act<CategoryBody>(context, b => shopOf().State.CreateCategory(b.Name ?? "", b.ParentId)));
        admin.MapPost("/products", context => Act<SandboxProductDraft>(context, shopOf().State.CreateProduct));
        admin.MapPost("/customers", context => Act<SandboxCustomerDraft>(context, shopOf().State.CreateCustomer));
        admin.MapPost("/orders", context => Act<SandboxOrderDraft>(context, shopOf().State.PlaceOrder));
        admin.MapGet("/stats", context => Json.WriteAsync(context, shopOf().State.Counts));
        admin.MapPost("/products/bulk", context => Act<List<SandboxProductDraft>>(context, b => new { ids = shopOf().State.CreateProducts(b) }));
        admin.MapPost("/customers/bulk", context => Act<List<SandboxCustomerDraft>>(context, b => new { ids = shopOf().State.CreateCustomers(b) }));
        admin.MapPost("/orders/bulk", context => Act<List<SandboxOrderDraft>>(context, b => new { ids = shopOf().State.PlaceOrders(b) }));
        admin.MapPost("/orders/{id}/cancel", context => Run(context, () => shopOf().State.CancelOrder((string)context.Request.RouteValues["id"]!)));
        admin.MapPost("/orders/{id}/edit", context => Act<SandboxOrderEdit>(context, b => shopOf().State.EditOrder((string)context.Request.RouteValues["id"]!, b)));
        admin.MapPut("/addon", context => Act<AddonBody>(context, b =>
        {
            shopOf().State.AddonActive = b.Active;
            return new { active = shopOf().State.AddonActive };
        }));
        admin.MapPost("/faults", context => Act<FaultBody>(context, b =>
        {
            Schedule(b);
            return new { scheduled = true };
        }));
        admin.MapDelete("/faults", context => Run(context, () =>
        {
            shopOf().Faults.Clear();
            return new { cleared = true };
        }));
    }

    private void Schedule(FaultBody body)
    {
        var kindText = (body.Kind ?? "").Replace("_", "", StringComparison.Ordinal);
        if (!Enum.TryParse<SandboxFaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"kind must be one of {string.Join(", ", Enum.GetNames<SandboxFaultKind>())}.");
        }

        var fault = new SandboxFault(kind)
        {
            RetryAfter = TimeSpan.FromSeconds(body.RetryAfterSeconds ?? 1),
            Latency = TimeSpan.FromMilliseconds(body.LatencyMs ?? 0),
        };
        if (body.Rate is { } rate)
        {
            shopOf().Faults.AtRate(fault, rate, body.Seed ?? 0);
        }
        else if (body.Nth is { } nth)
        {
            shopOf().Faults.OnRequest(nth, fault);
        }
        else
        {
            shopOf().Faults.Next(fault, body.Count ?? 1);
        }
    }

    private static async Task Act<TBody>(HttpContext context, Func<TBody, object> action)
    {
        TBody? body;
        try
        {
            body = await Json.ReadAsync<TBody>(context).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "The body does not fit: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", "A JSON body is required.").ConfigureAwait(false);
            return;
        }

        await Run(context, () => action(body)).ConfigureAwait(false);
    }

    private static Task Run(HttpContext context, Func<object> action)
    {
        object result;
        try
        {
            result = action();
        }
        catch (KeyNotFoundException ex)
        {
            return Json.ErrorAsync(context, StatusCodes.Status404NotFound, "not_found", ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Json.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "validation_failed", ex.Message);
        }

        return Json.WriteAsync(context, result);
    }

    private sealed record CategoryBody(string? Name, string? ParentId);

    private sealed record AddonBody(bool Active);

    private sealed record FaultBody(string? Kind, int? Count, int? Nth, double? Rate, int? Seed, double? RetryAfterSeconds, double? LatencyMs);
}
