using System.Globalization;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosting.Settings;

namespace Shopiko.Sync.Service.Settings;

/// <summary>
/// Reads <c>ShopikoSync:Servers</c> one server at a time, so a server whose settings do not bind or do not validate is
/// listed with its problems instead of taking the others down. The library's engines see only the valid servers
/// (<see cref="ConfigureValidServers"/>).
/// </summary>
internal sealed class ServerCatalog(IConfiguration configuration, IEnumerable<IValidateOptions<ShopikoSyncOptions>> validators)
{
    private readonly IValidateOptions<ShopikoSyncOptions>[] _validators = [.. validators];

    /// <summary>Every configured server, in configuration order.</summary>
    public IReadOnlyList<ServerEntry> Read()
    {
        var sections = configuration.GetSection(ShopikoSyncOptions.SectionName + ":Servers").GetChildren()
            .OrderBy(s => int.TryParse(s.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ToList();
        var entries = new List<ServerEntry>(sections.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sections.Count; i++)
        {
            var entry = Read(sections[i], i);
            if (!string.IsNullOrWhiteSpace(entry.Name) && !names.Add(entry.Name.Trim()))
            {
                entry = entry with
                {
                    Problems = [.. entry.Problems, new SettingProblem(Path(i) + ":Name", $"{Path(i)}:Name: another server is already named '{entry.Name}'; names must be unique.")],
                };
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The problems of settings about to be saved for server <paramref name="index"/>.</summary>
    public IReadOnlyList<SettingProblem> Validate(IConfiguration server, int index) => Read(server, index).Problems;

    internal static string Path(int index) => $"{ShopikoSyncOptions.SectionName}:Servers[{index.ToString(CultureInfo.InvariantCulture)}]";

    private ServerEntry Read(IConfiguration section, int index)
    {
        var problems = new List<SettingProblem>();
        var name = section["Name"] ?? new ServerOptions().Name;
        var options = Bind(section, index, problems);
        options.Name = name;
        if (section[ServerFile.KeyErrorSetting] is { Length: > 0 } keyError)
        {
            problems.Add(new SettingProblem(Path(index) + ":Shop:Key", $"{Path(index)}:Shop:Key: {keyError}"));
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Validated(section, index));
        }

        return new ServerEntry(index, name, options, problems);
    }

    /// <summary>Binds what binds; a value that does not is a problem naming its setting, and keeps its default.</summary>
    private static ServerOptions Bind(IConfiguration section, int index, List<SettingProblem> problems)
    {
        var options = new ServerOptions();
        try
        {
            section.Bind(options);
            return options;
        }
        catch (InvalidOperationException)
        {
            // Find every value that does not bind, one key at a time, so the page names them all.
        }

        options = new ServerOptions();
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null))
        {
            var probe = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
            try
            {
                probe.Bind(new ServerOptions());
                probe.Bind(options);
            }
            catch (InvalidOperationException ex)
            {
                var setting = Path(index) + ":" + key;
                problems.Add(new SettingProblem(setting, $"{setting} '{value}' is not valid: {ex.InnerException?.Message ?? ex.Message}"));
            }
        }

        return options;
    }

    /// <summary>The library's validation of one server, complete (as if it started automatically), with its real path.</summary>
    private IEnumerable<SettingProblem> Validated(IConfiguration section, int index)
    {
        var probe = new ServerOptions();
        section.Bind(probe);
        probe.AutoStart = true;
        var single = new ShopikoSyncOptions { Servers = [probe] };
        var first = Path(0);
        foreach (var validator in _validators)
        {
            var result = validator.Validate(Options.DefaultName, single);
            foreach (var failure in result.Failures ?? [])
            {
                var message = failure.StartsWith(first, StringComparison.Ordinal) ? Path(index) + failure[first.Length..] : failure;
                var space = message.IndexOf(' ', StringComparison.Ordinal);
                yield return new SettingProblem(space > 0 ? message[..space].TrimEnd(':') : Path(index), message);
            }
        }
    }
}

/// <summary>Gives the library's options only the servers that can run.</summary>
internal sealed class ConfigureValidServers(ServerCatalog catalog) : IConfigureOptions<ShopikoSyncOptions>
{
    /// <inheritdoc />
    public void Configure(ShopikoSyncOptions options) =>
        options.Servers = [.. catalog.Read().Where(e => e.IsValid).Select(e => e.Options)];
}
