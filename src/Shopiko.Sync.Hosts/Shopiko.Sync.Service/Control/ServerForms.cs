using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosting.Settings;
using Shopiko.Sync.Service.Settings;

namespace Shopiko.Sync.Service.Control;

/// <summary>Turns the stored settings of a server into the form and back, validating before anything is written.</summary>
internal sealed class ServerForms(ServerSettingsStore store, ServerCatalog catalog)
{
    private static readonly (string Setting, Func<ServerForm, string?> Value)[] Fields =
    [
        ("Name", f => f.Name.Trim()),
        ("AutoStart", f => Bool(f.AutoStart)),
        ("Hidden", f => Bool(f.Hidden)),
        ("Warehouse:Provider", f => string.Equals(f.Provider.Trim(), "MariaDB", StringComparison.OrdinalIgnoreCase) ? nameof(WarehouseProvider.MySql) : f.Provider.Trim()),
        ("Warehouse:ConnectionString", f => f.ConnectionString.Trim()),
        ("Shop:BaseUrl", f => f.BaseUrl.Trim()),
        ("Shop:ApiId", f => f.ApiId.Trim()),
        ("Import:Start", f => f.Import.Start),
        ("Import:Delay", f => Minutes(f.Import.Delay)),
        ("Import:Interval", f => Minutes(f.Import.Interval)),
        ("Import:OrderPollInterval", f => Seconds(f.Import.FastInterval)),
        ("Import:Object", f => f.Object.Trim()),
        ("Import:SyncNomenclature", f => Bool(f.SyncNomenclature)),
        ("Export:Start", f => f.Export.Start),
        ("Export:Delay", f => Minutes(f.Export.Delay)),
        ("Export:Interval", f => Minutes(f.Export.Interval)),
        ("Export:FastInterval", f => Seconds(f.Export.FastInterval)),
        ("Export:Partners", f => Bool(f.ExportPartners)),
        ("Export:Goods", f => Bool(f.ExportGoods)),
    ];

    /// <summary>The form of server <paramref name="name"/>, with the key masked; null when there is none.</summary>
    public ServerForm? Get(string name)
    {
        if (store.Find(name) is not { } s)
        {
            return null;
        }

        string Raw(string key, string fallback = "") => s.GetValueOrDefault(key) ?? fallback;
        var defaults = new ServerOptions();
        return new ServerForm
        {
            Name = Raw("Name", defaults.Name),
            AutoStart = IsTrue(Raw("AutoStart")),
            Hidden = IsTrue(Raw("Hidden")),
            Provider = Raw("Warehouse:Provider", defaults.Warehouse.Provider.ToString()),
            ConnectionString = Raw("Warehouse:ConnectionString"),
            BaseUrl = Raw("Shop:BaseUrl"),
            ApiId = Raw("Shop:ApiId"),
            KeySet = !string.IsNullOrEmpty(Raw(ServerFile.ProtectedKeySetting)),
            Import = Job(s, "Import", defaults.Import) with { FastInterval = ShowSeconds(s.GetValueOrDefault("Import:OrderPollInterval"), defaults.Import.OrderPollInterval) },
            Export = Job(s, "Export", defaults.Export) with { FastInterval = ShowSeconds(s.GetValueOrDefault("Export:FastInterval"), defaults.Export.FastInterval) },
            Object = Raw("Import:Object"),
            ExportPartners = IsTrue(Raw("Export:Partners")),
            ExportGoods = IsTrue(Raw("Export:Goods")),
            SyncNomenclature = IsTrue(Raw("Import:SyncNomenclature", "true")),
        };
    }

    /// <summary>Saves a new server (<paramref name="name"/> null) or the edit of one; the problems when it is refused.</summary>
    public async Task<IReadOnlyList<SettingProblem>> SaveAsync(string? name, ServerForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            await store.UpdateAsync(servers => Change(servers, name, form), cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (RefusedException refused)
        {
            // Nothing was written; the problems say why.
            return refused.Problems;
        }
    }

    private void Change(List<Dictionary<string, string?>> servers, string? name, ServerForm form)
    {
        var index = name is null ? servers.Count : servers.FindIndex(s => ServerSettingsStore.Named(s, name));
        if (index < 0)
        {
            throw new RefusedException([new SettingProblem("Name", $"No server named '{name}' is configured.")]);
        }

        var settings = index < servers.Count
            ? new Dictionary<string, string?>(servers[index], StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = Apply(form, settings, index);
        if (problems.Count == 0 && servers.Where((_, i) => i != index).Any(s => ServerSettingsStore.Named(s, form.Name.Trim())))
        {
            problems = [new SettingProblem(Path(index) + ":Name", $"{Path(index)}:Name: another server is already named '{form.Name.Trim()}'; names must be unique.")];
        }

        if (problems.Count > 0)
        {
            throw new RefusedException(problems);
        }

        if (index < servers.Count)
        {
            servers[index] = settings;
        }
        else
        {
            servers.Add(settings);
        }
    }

    private List<SettingProblem> Apply(ServerForm form, Dictionary<string, string?> settings, int index)
    {
        var problems = new List<SettingProblem>();
        foreach (var (setting, value) in Fields)
        {
            try
            {
                settings[setting] = value(form);
            }
            catch (FormatException ex)
            {
                problems.Add(new SettingProblem(Path(index) + ":" + setting, $"{Path(index)}:{setting} {ex.Message}"));
            }
        }

        if (!string.IsNullOrEmpty(form.Key))
        {
            settings[ServerFile.ProtectedKeySetting] = ServerFile.Protect(store.Protection, form.Key.Trim());
        }

        settings.Remove(ServerFile.KeySetting);
        if (problems.Count > 0)
        {
            return problems;
        }

        // The library's validation and the service's own, with the stored key standing in for itself.
        var probe = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        if (probe.Remove(ServerFile.ProtectedKeySetting, out var protectedKey) && !string.IsNullOrEmpty(protectedKey))
        {
            probe[ServerFile.KeySetting] = "stored";
        }

        return [.. catalog.Validate(probe, index)];
    }

    private static JobForm Job(Dictionary<string, string?> s, string job, JobOptions defaults) => new()
    {
        Start = s.GetValueOrDefault(job + ":Start") ?? defaults.Start.ToString(),
        Delay = ShowMinutes(s.GetValueOrDefault(job + ":Delay"), defaults.Delay),
        Interval = ShowMinutes(s.GetValueOrDefault(job + ":Interval"), defaults.Interval),
    };

    /// <summary>Minutes as stored: a TimeSpan, or the text as it was when it is not one (so the page shows the mistake).</summary>
    private static string ShowMinutes(string? stored, TimeSpan fallback)
    {
        if (stored is null)
        {
            return fallback.TotalMinutes.ToString(CultureInfo.InvariantCulture);
        }

        return TimeSpan.TryParse(stored, CultureInfo.InvariantCulture, out var value) ? value.TotalMinutes.ToString(CultureInfo.InvariantCulture) : stored;
    }

    /// <summary>Seconds as stored, shown the way <see cref="ShowMinutes"/> shows minutes.</summary>
    private static string ShowSeconds(string? stored, TimeSpan fallback)
    {
        if (stored is null)
        {
            return fallback.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TimeSpan.TryParse(stored, CultureInfo.InvariantCulture, out var value) ? value.TotalSeconds.ToString(CultureInfo.InvariantCulture) : stored;
    }

    private static string Seconds(string typed)
    {
        var text = (typed ?? "").Trim().Replace(',', '.');
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        }

        // Anything else as typed: the library reads it or names the accepted forms.
        return text.Length == 0 ? throw new FormatException("is empty; type a number of seconds, e.g. 2 (0 turns it off).") : (typed ?? "").Trim();
    }

    private static string Minutes(string typed)
    {
        var text = (typed ?? "").Trim().Replace(',', '.');
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes >= 0 && minutes <= TimeSpan.MaxValue.TotalMinutes / 2)
        {
            return TimeSpan.FromMinutes(minutes).ToString("c", CultureInfo.InvariantCulture);
        }

        // Anything else as typed ("1h 30m", "00:05:00"): the library reads it or names the accepted forms.
        return text.Length == 0 ? throw new FormatException("is empty; type a number of minutes, e.g. 5 (0 runs once).") : (typed ?? "").Trim();
    }

    private static string Path(int index) => $"{ShopikoSyncOptions.SectionName}:Servers:{index.ToString(CultureInfo.InvariantCulture)}";

    private static string Bool(bool value) => value ? "true" : "false";

    private static bool IsTrue(string value) => bool.TryParse(value, out var b) && b;

    /// <summary>Thrown inside the store's update to leave the file untouched.</summary>
    private sealed class RefusedException(IReadOnlyList<SettingProblem> problems) : Exception("The settings were refused.")
    {
        public IReadOnlyList<SettingProblem> Problems { get; } = problems;
    }
}
