using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Sync.RunLog;

namespace Shopiko.Sync.Service.Control;

/// <summary>The Utility Center buttons as JSON endpoints, plus the page that presses them.</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(ControlPage.Html, "text/html; charset=utf-8"));

        var api = app.MapGroup("/api/servers");
        api.MapGet("/", (ServerSupervisor supervisor, bool? all) =>
            Json(supervisor.Servers.Where(s => all == true || !s.Settings.Hidden).Select(ServerView.Of)));

        api.MapPost("/{name}/start", (ServerSupervisor supervisor, string name) =>
        {
            if (supervisor.Find(name) is not { } server)
            {
                return UnknownServer(name);
            }

            server.Start();
            return Json(ServerView.Of(server));
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
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, RunReportJson.Compact, statusCode: status);

    private static IResult Error(int status, string message) => Json(new { error = message }, status);

    private static IResult UnknownServer(string name) => Error(StatusCodes.Status404NotFound, $"No server named '{name}' is configured.");
}
