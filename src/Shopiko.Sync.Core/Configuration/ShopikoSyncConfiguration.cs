using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Shopiko.Sync.Configuration;

/// <summary>
/// Binds the <c>ShopikoSync</c> section server by server, so no server ever vanishes. The plain configuration binder
/// drops a whole list element whose value does not convert (<c>"Provider": "MariaDB"</c>, <c>"Interval": "5 min"</c>)
/// without a word; here every value is read first (<see cref="SettingValues"/>: friendly durations, aliases, yes/no),
/// what does not parse becomes a <see cref="SettingProblem"/> naming the setting, the value and the accepted forms, and
/// the server is kept with its remaining settings. <see cref="ShopikoSyncValidation.ValidateServers"/> then reports it.
/// </summary>
public static class ShopikoSyncConfiguration
{
    private static readonly Lazy<SettingsShape> s_serverShape = new(() => SettingsShape.Of(typeof(ServerOptions)));

    /// <summary>Binds <paramref name="section"/> (shaped like <c>ShopikoSync</c>) into new options.</summary>
    public static ShopikoSyncOptions Bind(IConfiguration section)
    {
        var options = new ShopikoSyncOptions();
        Bind(section, options);
        return options;
    }

    /// <summary>Binds <paramref name="section"/> into <paramref name="options"/>, appending its servers.</summary>
    public static void Bind(IConfiguration section, ShopikoSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var sectionPath = section is IConfigurationSection s ? s.Path : "";

        // Everything but the servers binds as usual (settings other branches of the host may add at the root).
        var rest = section.AsEnumerable(makePathsRelative: true)
            .Where(kv => !kv.Key.StartsWith(nameof(ShopikoSyncOptions.Servers), StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (rest.Count > 0)
        {
            new ConfigurationBuilder().AddInMemoryCollection(rest).Build().Bind(options);
        }

        foreach (var child in section.GetSection(nameof(ShopikoSyncOptions.Servers)).GetChildren())
        {
            options.Servers.Add(BindServer(child, Join(sectionPath, $"{nameof(ShopikoSyncOptions.Servers)}:{child.Key}")));
        }
    }

    /// <summary>Binds one server's section; problems are kept on the server for validation.</summary>
    internal static ServerOptions BindServer(IConfigurationSection section, string path)
    {
        var shape = s_serverShape.Value;
        var server = new ServerOptions { SettingsPath = path };
        var accepted = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null)
            {
                continue; // a section, or a JSON null: nothing to read
            }

            var setting = $"{path}:{key}";
            switch (shape.Find(key))
            {
                case { Kind: SettingKind.Value, Type: var type }:
                    if (SettingValues.Canonical(type, value, out var problem) is { } canonical)
                    {
                        accepted.Add(new(key, canonical));
                    }
                    else
                    {
                        server.BindingProblems.Add(new SettingProblem(setting, $"{setting} {problem}."));
                    }

                    break;
                case { Kind: SettingKind.Opaque }:
                    accepted.Add(new(key, value));
                    break;
                case { Kind: SettingKind.Group }:
                    if (value.Length > 0)
                    {
                        server.BindingProblems.Add(new SettingProblem(setting, $"{setting} is a group of settings ({shape.ChildrenOf(key)}), not a single value."));
                    }

                    break;
                case { Kind: SettingKind.List }:
                    if (value.Length > 0)
                    {
                        server.BindingProblems.Add(new SettingProblem(setting, $"{setting} is a list: write [\"{value}\"], not \"{value}\"."));
                    }

                    break;
                default:
                    // The value is not repeated: a misplaced key or password must not end up in a log.
                    server.BindingProblems.Add(new SettingProblem(
                        setting,
                        $"{setting} is not a setting and is ignored; the settings {(shape.Parent(key) is { Length: > 0 } parent ? "of " + parent : "of a server")} are: {shape.ChildrenOf(shape.Parent(key))}.",
                        SettingSeverity.Warning));
                    break;
            }
        }

        new ConfigurationBuilder().AddInMemoryCollection(accepted).Build().Bind(server);
        return server;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}:{b}";

    private enum SettingKind
    {
        Unknown,
        Value,
        Group,
        List,

        /// <summary>A collection of groups or a dictionary: its values are left to the binder, unchecked.</summary>
        Opaque,
    }

    private readonly record struct Setting(SettingKind Kind, Type Type);

    /// <summary>The settings a type offers, by configuration path (case-insensitive), read from its public properties.</summary>
    private sealed class SettingsShape
    {
        private readonly Dictionary<string, Setting> _settings = new(StringComparer.OrdinalIgnoreCase);

        public static SettingsShape Of(Type type)
        {
            var shape = new SettingsShape();
            shape.Add("", type);
            return shape;
        }

        public Setting Find(string key)
        {
            if (_settings.TryGetValue(key, out var setting))
            {
                return setting;
            }

            for (var at = key.IndexOf(':', StringComparison.Ordinal); at > 0; at = key.IndexOf(':', at + 1))
            {
                if (_settings.TryGetValue(key[..at], out var outer) && outer.Kind == SettingKind.Opaque)
                {
                    return outer;
                }
            }

            // A list element: Export:StockObjects:0
            var cut = key.LastIndexOf(':');
            return cut > 0 && int.TryParse(key.AsSpan(cut + 1), out _) && _settings.TryGetValue(key[..cut], out var list) && list.Kind == SettingKind.List
                ? new Setting(SettingKind.Value, list.Type)
                : default;
        }

        public string Parent(string key)
        {
            // The deepest known group the key lies in.
            var parts = key.Split(':');
            for (var n = parts.Length - 1; n > 0; n--)
            {
                var candidate = string.Join(':', parts[..n]);
                if (_settings.TryGetValue(candidate, out var s) && s.Kind == SettingKind.Group)
                {
                    return candidate;
                }
            }

            return "";
        }

        public string ChildrenOf(string group) => string.Join(", ", _settings.Keys
            .Where(k => group.Length == 0 ? !k.Contains(':', StringComparison.Ordinal) : k.StartsWith(group + ":", StringComparison.OrdinalIgnoreCase) && !k[(group.Length + 1)..].Contains(':', StringComparison.Ordinal))
            .Select(k => group.Length == 0 ? k : k[(group.Length + 1)..]));

        private void Add(string prefix, Type type)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
                var propertyType = property.PropertyType;
                if (IsValue(propertyType))
                {
                    if (property.CanWrite)
                    {
                        _settings[path] = new Setting(SettingKind.Value, propertyType);
                    }
                }
                else if (ElementOf(propertyType) is { } element)
                {
                    _settings[path] = new Setting(SettingKind.List, element);
                }
                else if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
                {
                    _settings[path] = new Setting(SettingKind.Opaque, propertyType);
                }
                else if (propertyType.IsClass)
                {
                    _settings[path] = new Setting(SettingKind.Group, propertyType);
                    Add(path, propertyType);
                }
            }
        }

        private static bool IsValue(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
                   || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);
        }

        private static Type? ElementOf(Type type)
        {
            if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
            {
                return null;
            }

            var arguments = type.GetGenericArguments();
            var element = type.IsArray ? type.GetElementType() : arguments.Length == 1 ? arguments[0] : null;
            return element is not null && IsValue(element) ? element : null;
        }
    }
}
