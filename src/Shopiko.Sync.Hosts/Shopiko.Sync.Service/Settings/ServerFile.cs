using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Shopiko.Sync.Hosting.Settings;

/// <summary>
/// The servers file the control page writes and both hosts read: one JSON object per server holding its settings as
/// configuration keys relative to the server (<c>"Import:Interval": "00:05:00"</c>), the key (<c>Shop:Key</c>) only as
/// <c>Shop:ProtectedKey</c>, a Data Protection payload. Compiled into the service and (linked) into the console.
/// </summary>
internal static class ServerFile
{
    /// <summary>Where the settings live under a server.</summary>
    public const string KeySetting = "Shop:Key";

    /// <summary>The key as stored.</summary>
    public const string ProtectedKeySetting = "Shop:ProtectedKey";

    /// <summary>Set by the reader when a stored key cannot be decrypted; the service lists it as the server's problem.</summary>
    public const string KeyErrorSetting = "Shop:KeyError";

    /// <summary>The setting naming the file (relative to the program folder).</summary>
    public const string PathSetting = "ShopikoSync:Service:ServersFile";

    /// <summary>The setting naming the key ring folder (relative to the program folder).</summary>
    public const string KeysSetting = "ShopikoSync:Service:KeysFolder";

    /// <summary>The default file.</summary>
    public const string DefaultPath = ".shopiko-sync/servers.json";

    /// <summary>The default key ring.</summary>
    public const string DefaultKeys = ".shopiko-sync/keys";

    private const string Purpose = "Shopiko.Sync.ServerFile.Key";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IDataProtectionProvider> Providers = new(StringComparer.Ordinal);

    /// <summary>Resolves a path setting against the program folder.</summary>
    public static string Resolve(string? configured, string fallback) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? fallback : configured, AppContext.BaseDirectory);

    /// <summary>Reads the servers of the file (null when it does not exist).</summary>
    /// <exception cref="Configuration.ShopikoConfigurationException">The file is not a servers file.</exception>
    public static List<Dictionary<string, string?>>? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject();
            var servers = root?["Servers"]?.AsArray() ?? [];
            return [.. servers.Select(s => s!.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValue<string>(), StringComparer.OrdinalIgnoreCase))];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new Configuration.ShopikoConfigurationException(
                $"The servers file {path} written by the control page is damaged ({ex.Message}); its previous version is {path}.bak.", PathSetting);
        }
    }

    /// <summary>The file's text for <paramref name="servers"/>.</summary>
    public static string Write(IEnumerable<IReadOnlyDictionary<string, string?>> servers)
    {
        var array = new JsonArray();
        foreach (var server in servers)
        {
            var o = new JsonObject();
            foreach (var (key, value) in server.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                o[key] = value;
            }

            array.Add(o);
        }

        var root = new JsonObject { ["Format"] = "1", ["Servers"] = array };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// The protector of stored keys. The key ring is a folder only the account running the host can open (mode 700 on
    /// Linux and macOS); on Windows its keys are themselves encrypted with DPAPI for that account.
    /// </summary>
    public static IDataProtectionProvider Protection(string keysFolder)
    {
        lock (Gate)
        {
            if (Providers.TryGetValue(keysFolder, out var existing))
            {
                return existing;
            }

            var folder = CreatePrivateFolder(keysFolder);
            var services = new ServiceCollection();
            var builder = services.AddDataProtection().SetApplicationName("Shopiko.Sync").PersistKeysToFileSystem(folder);
            if (OperatingSystem.IsWindows())
            {
                builder.ProtectKeysWithDpapi();
            }

            // Lives as long as the process: the protector is used by the configuration and the page alike.
            var provider = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
            Providers[keysFolder] = provider;
            return provider;
        }
    }

    /// <summary>Encrypts a key for the file.</summary>
    public static string Protect(IDataProtectionProvider provider, string key)
    {
        var payload = provider.CreateProtector(Purpose).Protect(key);
        TightenKeyFiles(provider);
        return payload;
    }

    /// <summary>Decrypts a stored key.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring does not hold the key it was written with.</exception>
    public static string Unprotect(IDataProtectionProvider provider, string payload) => provider.CreateProtector(Purpose).Unprotect(payload);

    private static DirectoryInfo CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var folder = Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    private static void TightenKeyFiles(IDataProtectionProvider provider)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var (folder, p) in Providers)
        {
            if (!ReferenceEquals(p, provider) || !Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}
