using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Hosting.Settings;

/// <summary>
/// The service's own checks of a server's settings: the fast schedules beside the full passes (issue 12), which only
/// the service runs, so the library does not check them. Zero turns a fast schedule off; a negative one is a mistake.
/// Compiled into the console too, so <c>servers</c> lists a server the way the service would.
/// </summary>
internal static class ServiceSettingsValidation
{
    /// <summary>The service's problems with <paramref name="server"/>, whose settings live at <paramref name="settingsPath"/>.</summary>
    public static IEnumerable<SettingProblem> Validate(ServerOptions server, string settingsPath)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.Export.FastInterval < TimeSpan.Zero)
        {
            yield return Problem($"{settingsPath}:Export:FastInterval", "must not be negative (zero turns the fast export off).");
        }

        if (server.Export.CatalogueCheckInterval < TimeSpan.Zero)
        {
            yield return Problem($"{settingsPath}:Export:CatalogueCheckInterval", "must not be negative (zero checks the catalogue on every fast pass).");
        }

        if (server.Import.OrderPollInterval < TimeSpan.Zero)
        {
            yield return Problem($"{settingsPath}:Import:OrderPollInterval", "must not be negative (zero turns the order poll off).");
        }
    }

    /// <summary>The library's verdict on <paramref name="server"/> with the service's problems added after its own.</summary>
    /// <remarks>
    /// A value the library could not read keeps its default, and no default is negative: a setting is never reported by both.
    /// </remarks>
    public static ServerValidation WithServiceChecks(this ServerValidation validation, ServerOptions? server)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var added = server is null ? [] : Validate(server, validation.SettingsPath).ToList();
        return added.Count == 0 ? validation : validation with { Problems = [.. validation.Problems, .. added] };
    }

    private static SettingProblem Problem(string setting, string text) => new(setting, $"{setting} {text}");
}
