using Microsoft.AspNetCore.Antiforgery;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Service.Settings;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service.Control;

/// <summary>The Utility Center buttons as JSON endpoints, plus the page that presses them.</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(ControlPage.Html, "text/html; charset=utf-8"));

        app.MapGet("/api/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Json(new { header = ControlAntiforgery.HeaderName, token = tokens.RequestToken });
        });

        var api = app.MapGroup("/api/servers");
        api.MapGet("/", (ServerSupervisor supervisor, bool? all) =>
            Json(supervisor.Servers.Where(s => all == true || !s.Settings.Hidden || s.Problems.Count > 0).Select(ServerView.Of)));

        api.MapPost("/", async (ServerForms forms, ServerSupervisor supervisor, ILogger<ServerForms> logger, ServerForm form, CancellationToken ct) =>
        {
            var problems = await forms.SaveAsync(null, form, ct).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                return Refused(problems);
            }

            await supervisor.ApplyAsync(ct).ConfigureAwait(false);
            Log.ServerChanged(logger, form.Name.Trim(), "created");
            return Json(ServerView.Of(supervisor.Find(form.Name.Trim())!), StatusCodes.Status201Created);
        });

        api.MapGet("/{name}/settings", (ServerForms forms, string name) =>
            forms.Get(name) is { } form ? Json(form) : UnknownServer(name));

        api.MapPut("/{name}", async (ServerForms forms, ServerSupervisor supervisor, ILogger<ServerForms> logger, string name, ServerForm form, CancellationToken ct) =>
        {
            if (forms.Get(name) is null)
            {
                return UnknownServer(name);
            }

            var problems = await forms.SaveAsync(name, form, ct).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                return Refused(problems);
            }

            await supervisor.ApplyAsync(ct).ConfigureAwait(false);
            Log.ServerChanged(logger, form.Name.Trim(), "edited");
            return Json(ServerView.Of(supervisor.Find(form.Name.Trim())!));
        });

        api.MapDelete("/{name}", async (ServerSettingsStore store, ServerSupervisor supervisor, ILogger<ServerForms> logger, string name, CancellationToken ct) =>
        {
            if (store.Find(name) is null)
            {
                return UnknownServer(name);
            }

            // A deleted server stops first: its pass ends at an item boundary before it leaves the list.
            if (supervisor.Find(name) is { } server)
            {
                await server.StopAsync(ct).ConfigureAwait(false);
            }

            await store.UpdateAsync(servers => servers.RemoveAll(s => ServerSettingsStore.Named(s, name)), ct).ConfigureAwait(false);
            await supervisor.ApplyAsync(ct).ConfigureAwait(false);
            Log.ServerChanged(logger, name, "deleted");
            return Results.NoContent();
        });

        api.MapPost("/{name}/hidden", async (ServerSettingsStore store, ServerSupervisor supervisor, string name, bool? value, CancellationToken ct) =>
        {
            if (store.Find(name) is null)
            {
                return UnknownServer(name);
            }

            await store.UpdateAsync(servers =>
            {
                foreach (var s in servers.Where(s => ServerSettingsStore.Named(s, name)))
                {
                    s["Hidden"] = value ?? true ? "true" : "false";
                }
            }, ct).ConfigureAwait(false);
            await supervisor.ApplyAsync(ct).ConfigureAwait(false);
            return Json(ServerView.Of(supervisor.Find(name)!));
        });

        api.MapPost("/{name}/start", (ServerSupervisor supervisor, string name) =>
        {
            if (supervisor.Find(name) is not { } server)
            {
                return UnknownServer(name);
            }

            return server.Start() is { } refusal ? Error(StatusCodes.Status409Conflict, refusal) : Json(ServerView.Of(server));
        });

        api.MapPost("/{name}/stop", async (ServerSupervisor supervisor, string name, CancellationToken ct) =>
        {
            if (supervisor.Find(name) is not { } server)
            {
                return UnknownServer(name);
            }

            await server.StopAsync(ct).ConfigureAwait(false);
            return Json(ServerView.Of(server));
        });

        api.MapPost("/{name}/run", (ServerSupervisor supervisor, string name, string? operation) =>
        {
            if (supervisor.Find(name) is not { } server)
            {
                return UnknownServer(name);
            }

            if (!SyncOperations.TryParse(operation, out var op))
            {
                return Error(StatusCodes.Status400BadRequest, "operation must be import, export or sync (e.g. ?operation=import).");
            }

            return server.TryRunNow(op) switch
            {
                RunRequestOutcome.Started => Json(ServerView.Of(server), StatusCodes.Status202Accepted),
                RunRequestOutcome.Busy => Error(StatusCodes.Status409Conflict,
                    $"{server.Name} is running {server.CurrentOperation?.Name() ?? "a pass"}; runs of one server never overlap. Try again when it ends."),
                RunRequestOutcome.Invalid => Error(StatusCodes.Status409Conflict, $"{server.Name} cannot run: {server.Problems[0].Message}"),
                _ => Error(StatusCodes.Status503ServiceUnavailable, "The service is shutting down."),
            };
        });

        api.MapGet("/{name}/log", async (ServerSupervisor supervisor, IRunLog log, string name, int? count, CancellationToken ct) =>
        {
            if (supervisor.Find(name) is not { } server)
            {
                return UnknownServer(name);
            }

            var runs = await log.ReadRecentAsync(server.Name, Math.Clamp(count ?? 20, 1, 500), ct).ConfigureAwait(false);
            return Json(runs);
        });

        var check = app.MapGroup("/api/check");
        check.MapPost("/warehouse", async (ConnectionChecks checks, WarehouseCheckRequest request, CancellationToken ct) =>
            Json(await checks.WarehouseAsync(request.Provider, request.ConnectionString, ct).ConfigureAwait(false)));

        check.MapPost("/shop", async (ConnectionChecks checks, ServerSupervisor supervisor, ShopCheckRequest request, CancellationToken ct) =>
        {
            // A key left blank in the form is the stored one (of the server being edited); it never left the service.
            var key = request.Key;
            if (string.IsNullOrEmpty(key) && request.Server is { Length: > 0 } name && supervisor.Find(name) is { } server)
            {
                key = server.Settings.Shop.Key;
            }

            return Json(await checks.ShopAsync(request.BaseUrl, request.ApiId, key, ct).ConfigureAwait(false));
        });
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, RunReportJson.Compact, statusCode: status);

    private static IResult Error(int status, string message) => Json(new { error = message }, status);

    private static IResult Refused(IReadOnlyList<SettingProblem> problems) =>
        Json(new { error = problems[0].Message, problems }, StatusCodes.Status400BadRequest);

    private static IResult UnknownServer(string name) => Error(StatusCodes.Status404NotFound, $"No server named '{name}' is configured.");
}

/// <summary>The warehouse Проверка: the connection as typed.</summary>
public sealed record WarehouseCheckRequest(string? Provider, string? ConnectionString);

/// <summary>The shop Проверка: the address and credentials as typed; a blank key means the stored key of <paramref name="Server"/>.</summary>
public sealed record ShopCheckRequest(string? BaseUrl, string? ApiId, string? Key, string? Server);
