using System.Globalization;

namespace Shopiko.Sync.Configuration;

/// <summary>
/// The checks of one server's settings. Every failure names its setting the way configuration spells it
/// (<c>ShopikoSync:Servers:0:Shop:Key</c>). They run per server (<see cref="ShopikoSyncValidation"/>), never for the
/// host as a whole: a server whose settings are wrong is listed with its reasons and refused when it would run, while
/// the others go on. Only what the library reads is checked here: settings only a host reads (the service's fast
/// schedules, <c>AutoStart</c>, <c>Hidden</c>) are the host's to check.
/// </summary>
internal static class ShopikoSyncOptionsValidator
{
    /// <summary>Problems with values that are set.</summary>
    internal static IEnumerable<(string Setting, string Message)> ValidateValues(ServerOptions server, int index)
    {
        var p = SettingsPath(server, index);
        if (string.IsNullOrWhiteSpace(server.Name))
        {
            yield return Problem($"{p}:Name", "is empty; give the server a name, e.g. Shopiko.");
        }

        if (!Enum.IsDefined(server.Warehouse.Provider))
        {
            yield return Problem($"{p}:Warehouse:Provider", $"must be one of {SettingValues.AcceptedNames(typeof(WarehouseProvider))}.");
        }

        if (server.Warehouse.CommandTimeout <= TimeSpan.Zero)
        {
            yield return Problem($"{p}:Warehouse:CommandTimeout", "must be positive.");
        }

        if (!string.IsNullOrWhiteSpace(server.Shop.BaseUrl) && BaseUrlProblem(server.Shop.BaseUrl) is { } url)
        {
            yield return Problem($"{p}:Shop:BaseUrl", url);
        }

        if (!string.IsNullOrWhiteSpace(server.Shop.ApiId) && !server.Shop.ApiId.Trim().All(char.IsAsciiDigit))
        {
            yield return Problem($"{p}:Shop:ApiId", "must be the decimal number shown as \"API Идентификатор\" in the shop's add-on page.");
        }

        if (server.Shop.PageSize is < 1 or > 500)
        {
            yield return Problem($"{p}:Shop:PageSize", "must be between 1 and 500.");
        }

        if (server.Shop.BatchSize is < 1 or > 500)
        {
            yield return Problem($"{p}:Shop:BatchSize", "must be between 1 and 500 (the shop refuses larger batches).");
        }

        if (server.Shop.AttemptTimeout <= TimeSpan.Zero)
        {
            yield return Problem($"{p}:Shop:AttemptTimeout", "must be positive.");
        }

        if (server.Shop.TotalTimeout < server.Shop.AttemptTimeout)
        {
            yield return Problem($"{p}:Shop:TotalTimeout", "must be at least Shop:AttemptTimeout.");
        }

        if (server.Shop.MaxRetries < 0)
        {
            yield return Problem($"{p}:Shop:MaxRetries", "must not be negative.");
        }

        foreach (var problem in ValidateJob(server.Import, $"{p}:Import").Concat(ValidateJob(server.Export, $"{p}:Export")))
        {
            yield return problem;
        }

        if (!Enum.IsDefined(server.Import.DocumentType))
        {
            yield return Problem($"{p}:Import:DocumentType", "must be Sale or SalesOrder.");
        }

        if (server.Import.OperatorId < 1)
        {
            yield return Problem($"{p}:Import:OperatorId", "must be the ID of a Warehouse Pro user (1 is the default user).");
        }

        if (string.IsNullOrWhiteSpace(server.Import.ShippingGoodCode) || server.Import.ShippingGoodCode.Length > 255)
        {
            yield return Problem($"{p}:Import:ShippingGoodCode", "must be a good code of 1 to 255 characters.");
        }

        if (!Enum.IsDefined(server.Export.PriceColumn))
        {
            yield return Problem($"{p}:Export:PriceColumn", "must be one of PriceOut1 … PriceOut10.");
        }

        for (var s = 0; s < server.Export.StockObjects.Count; s++)
        {
            if (string.IsNullOrWhiteSpace(server.Export.StockObjects[s]))
            {
                yield return Problem($"{p}:Export:StockObjects:{s.ToString(CultureInfo.InvariantCulture)}", "is empty; give an object's name or ID.");
            }
        }
    }

    /// <summary>Every problem that stops a server from running: bad values, or a missing connection, credential or object.</summary>
    internal static IEnumerable<(string Setting, string Message)> ValidateComplete(ServerOptions server, int index) =>
        ValidateValues(server, index).Concat(ValidatePresent(server, index));

    private static IEnumerable<(string Setting, string Message)> ValidatePresent(ServerOptions server, int index)
    {
        var p = SettingsPath(server, index);
        if (string.IsNullOrWhiteSpace(server.Warehouse.ConnectionString))
        {
            yield return Problem($"{p}:Warehouse:ConnectionString", "is empty; set the Warehouse Pro database's connection string.");
        }

        if (string.IsNullOrWhiteSpace(server.Shop.BaseUrl))
        {
            yield return Problem($"{p}:Shop:BaseUrl", "is empty; set the shop's synchronisation address, e.g. https://myshop.example/api/microinvest/v1/.");
        }

        if (string.IsNullOrWhiteSpace(server.Shop.ApiId))
        {
            yield return Problem($"{p}:Shop:ApiId", "is empty; copy \"API Идентификатор\" from the shop's Microinvest add-on page.");
        }

        if (string.IsNullOrEmpty(server.Shop.Key))
        {
            yield return Problem($"{p}:Shop:Key", "is empty; copy \"Ключ\" from the shop's Microinvest add-on page.");
        }

        // An empty Import:Object is not missing: the run takes the warehouse's first object, as documented.
    }

    private static IEnumerable<(string Setting, string Message)> ValidateJob(JobOptions job, string p)
    {
        if (!Enum.IsDefined(job.Start))
        {
            yield return Problem($"{p}:Start", "must be OnServerStart, Delayed or Disabled.");
        }

        if (job.Delay < TimeSpan.Zero)
        {
            yield return Problem($"{p}:Delay", "must not be negative.");
        }

        if (job.Start == StartMode.Delayed && job.Delay == TimeSpan.Zero)
        {
            yield return Problem($"{p}:Delay", "must be set when Start is Delayed.");
        }

        if (job.Interval < TimeSpan.Zero)
        {
            yield return Problem($"{p}:Interval", "must not be negative (zero runs once).");
        }
    }

    private static string? BaseUrlProblem(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"'{value}' is not an absolute http(s) address.";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
            ? $"'{value}' must use https: the key signs every request and orders carry personal data (http is allowed on loopback only)."
            : null;
    }

    private static (string Setting, string Message) Problem(string setting, string text) => (setting, $"{setting} {text}");

    /// <summary>Where server <paramref name="index"/> lives in configuration: <c>ShopikoSync:Servers:0</c>.</summary>
    internal static string SettingsPath(int index) => $"{ShopikoSyncOptions.SectionName}:Servers:{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Where <paramref name="server"/> was read from, or where it stands in the list when built in code.</summary>
    internal static string SettingsPath(ServerOptions? server, int index) => server?.SettingsPath ?? SettingsPath(index);
}
