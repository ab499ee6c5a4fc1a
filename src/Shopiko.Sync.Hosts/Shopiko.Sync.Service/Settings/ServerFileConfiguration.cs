using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Shopiko.Sync.Hosting.Settings;

/// <summary>
/// The servers file as a configuration source. Once the file exists it is the whole server list: the servers of the
/// sources before it (the sample <c>appsettings.json</c>) are hidden, since the page imported them when it first wrote
/// the file, while later sources (environment variables, command-line overrides) still win key by key.
/// </summary>
internal sealed class ServerFileConfigurationSource(string path, string keysFolder) : IConfigurationSource
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>The key ring folder.</summary>
    public string KeysFolder { get; } = keysFolder;

    /// <summary>The provider built from this source (the service reloads it after writing the file).</summary>
    public ServerFileConfigurationProvider? Provider { get; private set; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider = new ServerFileConfigurationProvider(this);
}

/// <summary>Reads <see cref="ServerFile"/> into <c>ShopikoSync:Servers:N:…</c>.</summary>
internal sealed class ServerFileConfigurationProvider(ServerFileConfigurationSource source) : ConfigurationProvider
{
    private const string ServersPath = "ShopikoSync:Servers";

    /// <summary>True while the file exists and owns the server list.</summary>
    public bool OwnsServers { get; private set; }

    /// <inheritdoc />
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var servers = ServerFile.Read(source.Path);
        OwnsServers = servers is not null;
        for (var i = 0; servers is not null && i < servers.Count; i++)
        {
            var prefix = ServersPath + ":" + i.ToString(CultureInfo.InvariantCulture) + ":";
            foreach (var (key, value) in servers[i])
            {
                if (string.Equals(key, ServerFile.ProtectedKeySetting, StringComparison.OrdinalIgnoreCase))
                {
                    data[prefix + ServerFile.KeySetting] = Unprotect(value, out var error);
                    if (error is not null)
                    {
                        data[prefix + ServerFile.KeyErrorSetting] = error;
                    }
                }
                else
                {
                    data[prefix + key] = value;
                }
            }
        }

        Data = data;
    }

    /// <summary>Reads the file again and tells the configuration's listeners.</summary>
    public void Reload()
    {
        Load();
        OnReload();
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        // Servers of earlier sources are hidden under the list; elsewhere keys merge as usual.
        var hides = OwnsServers && parentPath is not null
            && (string.Equals(parentPath, ServersPath, StringComparison.OrdinalIgnoreCase)
                || parentPath.StartsWith(ServersPath + ":", StringComparison.OrdinalIgnoreCase));
        return base.GetChildKeys(hides ? [] : earlierKeys, parentPath);
    }

    private string Unprotect(string? payload, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(payload))
        {
            return "";
        }

        try
        {
            return ServerFile.Unprotect(ServerFile.Protection(source.KeysFolder), payload);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            error = $"the key stored by the control page cannot be decrypted with the key ring {source.KeysFolder} "
                + "(another account, or the key ring was lost): type the key again on the control page.";
            return "";
        }
    }
}

/// <summary>Adds the servers file to a host's configuration.</summary>
internal static class ServerFileConfigurationExtensions
{
    /// <summary>
    /// Adds the servers file named by <c>ShopikoSync:Service:ServersFile</c> in the configuration built so far (default
    /// <c>.shopiko-sync/servers.json</c> next to the program), its keys decrypted with the key ring of
    /// <c>ShopikoSync:Service:KeysFolder</c>.
    /// </summary>
    public static ServerFileConfigurationSource AddShopikoSyncServerFile(this IConfigurationBuilder builder, IConfiguration? soFar = null)
    {
        soFar ??= builder.Build();
        var source = new ServerFileConfigurationSource(
            ServerFile.Resolve(soFar[ServerFile.PathSetting], ServerFile.DefaultPath),
            ServerFile.Resolve(soFar[ServerFile.KeysSetting], ServerFile.DefaultKeys));
        builder.Add(source);
        return source;
    }

    /// <summary>
    /// Inserts the servers file at <paramref name="index"/> of the sources (after the settings file, before user
    /// secrets, environment and command line), its location read from all the sources.
    /// </summary>
    public static ServerFileConfigurationSource InsertShopikoSyncServerFile(IConfigurationBuilder builder, int index)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var soFar = builder.Build();
        var source = new ServerFileConfigurationSource(
            ServerFile.Resolve(soFar[ServerFile.PathSetting], ServerFile.DefaultPath),
            ServerFile.Resolve(soFar[ServerFile.KeysSetting], ServerFile.DefaultKeys));
        builder.Sources.Insert(Math.Clamp(index, 0, builder.Sources.Count), source);
        return source;
    }
}
