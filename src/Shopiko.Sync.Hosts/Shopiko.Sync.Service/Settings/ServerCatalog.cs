using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosting.Settings;

namespace Shopiko.Sync.Service.Settings;

/// <summary>
/// Reads <c>ShopikoSync:Servers</c> with the library's per-server binding and validation plus the service's own checks
/// (<see cref="ServiceSettingsValidation"/>), so a server whose settings do not bind or do not validate is listed with
/// its problems instead of vanishing or taking the others down.
/// </summary>
internal sealed class ServerCatalog(IConfiguration configuration)
{
    /// <summary>Every configured server, in configuration order.</summary>
    public IReadOnlyList<ServerEntry> Read() => Read(configuration.GetSection(ShopikoSyncOptions.SectionName));

    /// <summary>The problems of settings about to be saved as server <paramref name="index"/> (keys relative to the server).</summary>
    public IReadOnlyList<SettingProblem> Validate(IReadOnlyDictionary<string, string?> server, int index)
    {
        var prefix = $"{ShopikoSyncOptions.SectionName}:Servers:{index}:";
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(server.Select(p => new KeyValuePair<string, string?>(prefix + p.Key, p.Value)))
            .Build()
            .GetSection(ShopikoSyncOptions.SectionName);
        return Read(section).Single().Problems;
    }

    private static List<ServerEntry> Read(IConfigurationSection section)
    {
        var options = ShopikoSyncConfiguration.Bind(section);
        // The library checks what it reads; the service adds the checks of the schedules only it runs.
        var validations = options.ValidateServers().Select(v => v.WithServiceChecks(options.Servers[v.Index])).ToList();
        var keyErrors = section.GetSection("Servers").GetChildren().Select(s => s[ServerFile.KeyErrorSetting]).ToList();
        var entries = new List<ServerEntry>(validations.Count);
        foreach (var v in validations)
        {
            var problems = v.Errors.ToList();
            var warnings = v.Warnings.Where(w => !w.Setting.EndsWith(ServerFile.KeyErrorSetting, StringComparison.OrdinalIgnoreCase)).ToList();
            if (v.Index < keyErrors.Count && keyErrors[v.Index] is { Length: > 0 } keyError)
            {
                // The stored key could not be decrypted: say so instead of "the key is empty".
                problems.RemoveAll(p => p.Setting.EndsWith(":Shop:Key", StringComparison.OrdinalIgnoreCase));
                problems.Add(new SettingProblem($"{v.SettingsPath}:Shop:Key", $"{v.SettingsPath}:Shop:Key: {keyError}"));
            }

            entries.Add(new ServerEntry(v.Index, v.Name, v.SettingsPath, options.Servers[v.Index] ?? new ServerOptions(), problems, warnings));
        }

        return entries;
    }
}
