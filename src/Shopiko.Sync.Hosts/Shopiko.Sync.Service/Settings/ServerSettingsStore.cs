using Microsoft.AspNetCore.DataProtection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosting.Settings;

namespace Shopiko.Sync.Service.Settings;

/// <summary>
/// Writes the servers file for the control page: the whole list each time, to a temporary file renamed over the old
/// one (which is kept as <c>.bak</c>), then reloads the configuration so the library and the supervisor see it. The
/// first write takes over the servers configured so far, so none is lost.
/// </summary>
internal sealed class ServerSettingsStore(ServerFileConfigurationSource source, IConfiguration configuration)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file.</summary>
    public string Path => source.Path;

    /// <summary>The protector of stored keys.</summary>
    public IDataProtectionProvider Protection => ServerFile.Protection(source.KeysFolder);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored servers (setting keys relative to a server) and writes them.
    /// <paramref name="change"/> may throw to refuse; nothing is written then.
    /// </summary>
    public async Task UpdateAsync(Action<List<Dictionary<string, string?>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var servers = ServerFile.Read(source.Path) ?? Current();
            change(servers);
            await WriteAsync(servers, cancellationToken).ConfigureAwait(false);
            source.Provider?.Reload();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored settings of server <paramref name="name"/>, or null (keys relative to the server).</summary>
    public Dictionary<string, string?>? Find(string name) =>
        (ServerFile.Read(source.Path) ?? Current()).FirstOrDefault(s => Named(s, name));

    /// <summary>True when <paramref name="server"/> is named <paramref name="name"/>.</summary>
    public static bool Named(IReadOnlyDictionary<string, string?> server, string name) =>
        string.Equals(server.GetValueOrDefault("Name") ?? new ServerOptions().Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The servers configured before the file existed, their keys encrypted.</summary>
    private List<Dictionary<string, string?>> Current()
    {
        var list = new List<Dictionary<string, string?>>();
        foreach (var server in configuration.GetSection(ShopikoSyncOptions.SectionName + ":Servers").GetChildren())
        {
            var settings = server.AsEnumerable(makePathsRelative: true)
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
            if (settings.Remove(ServerFile.KeySetting, out var key) && !string.IsNullOrEmpty(key))
            {
                settings[ServerFile.ProtectedKeySetting] = ServerFile.Protect(Protection, key);
            }

            list.Add(settings);
        }

        return list;
    }

    private async Task WriteAsync(List<Dictionary<string, string?>> servers, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(source.Path)!;
        Directory.CreateDirectory(folder);
        var temp = source.Path + ".tmp";
        await File.WriteAllTextAsync(temp, ServerFile.Write(servers), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (File.Exists(source.Path))
        {
            // Atomic on both systems; the old version stays beside it.
            File.Replace(temp, source.Path, source.Path + ".bak", ignoreMetadataErrors: true);
        }
        else
        {
            File.Move(temp, source.Path);
        }
    }
}
