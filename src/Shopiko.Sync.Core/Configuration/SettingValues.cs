using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Shopiko.Sync.Configuration;

/// <summary>
/// Reads one setting's text the way a merchant writes it, or says exactly why it cannot. Pure functions: the binder
/// (<see cref="ShopikoSyncConfiguration"/>) turns what they accept into the canonical text
/// <see cref="Microsoft.Extensions.Configuration.ConfigurationBinder"/> reads, and reports the rest.
/// </summary>
internal static partial class SettingValues
{
    /// <summary>The forms a duration may take, for messages and docs.</summary>
    public const string DurationForms =
        "hh:mm:ss (00:05:00) or d.hh:mm:ss (1.00:00:00), or a number with a unit: 30s, 5m, 5 min, 1h 30m, 2 hours, 1d (also сек, мин, ч, д)";

    private static readonly Dictionary<string, TimeSpan> s_units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ms"] = TimeSpan.FromMilliseconds(1),
        ["s"] = TimeSpan.FromSeconds(1), ["sec"] = TimeSpan.FromSeconds(1), ["secs"] = TimeSpan.FromSeconds(1),
        ["second"] = TimeSpan.FromSeconds(1), ["seconds"] = TimeSpan.FromSeconds(1),
        ["сек"] = TimeSpan.FromSeconds(1), ["секунда"] = TimeSpan.FromSeconds(1), ["секунди"] = TimeSpan.FromSeconds(1),
        ["m"] = TimeSpan.FromMinutes(1), ["min"] = TimeSpan.FromMinutes(1), ["mins"] = TimeSpan.FromMinutes(1),
        ["minute"] = TimeSpan.FromMinutes(1), ["minutes"] = TimeSpan.FromMinutes(1),
        ["мин"] = TimeSpan.FromMinutes(1), ["минута"] = TimeSpan.FromMinutes(1), ["минути"] = TimeSpan.FromMinutes(1),
        ["h"] = TimeSpan.FromHours(1), ["hr"] = TimeSpan.FromHours(1), ["hrs"] = TimeSpan.FromHours(1),
        ["hour"] = TimeSpan.FromHours(1), ["hours"] = TimeSpan.FromHours(1),
        ["ч"] = TimeSpan.FromHours(1), ["час"] = TimeSpan.FromHours(1), ["часа"] = TimeSpan.FromHours(1), ["часове"] = TimeSpan.FromHours(1),
        ["d"] = TimeSpan.FromDays(1), ["day"] = TimeSpan.FromDays(1), ["days"] = TimeSpan.FromDays(1),
        ["д"] = TimeSpan.FromDays(1), ["ден"] = TimeSpan.FromDays(1), ["дни"] = TimeSpan.FromDays(1), ["дена"] = TimeSpan.FromDays(1),
    };

    /// <summary>Other names merchants use for an enum value (compared without spaces, dashes and case).</summary>
    private static readonly Dictionary<Type, Dictionary<string, string>> s_aliases = new()
    {
        [typeof(WarehouseProvider)] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["MariaDB"] = nameof(WarehouseProvider.MySql),
            ["MSSQL"] = nameof(WarehouseProvider.SqlServer),
            ["MSAccess"] = nameof(WarehouseProvider.Access),
            ["SQLite3"] = nameof(WarehouseProvider.Sqlite),
        },
    };

    [GeneratedRegex(@"\G\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>[\p{L}]+)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();

    /// <summary>Reads a duration: <see cref="TimeSpan"/>'s invariant text or number-and-unit pairs.</summary>
    /// <returns>The duration, or null with <paramref name="problem"/> saying what is wrong (without the setting name).</returns>
    public static TimeSpan? ParseDuration(string text, out string? problem)
    {
        problem = null;
        var value = text.Trim();
        if (value.Length == 0)
        {
            problem = $"is empty; write {DurationForms}";
            return null;
        }

        if (value.All(char.IsAsciiDigit))
        {
            if (value.All(c => c == '0'))
            {
                return TimeSpan.Zero;
            }

            // TimeSpan reads a bare "5" as five days; a merchant who wrote it almost surely meant minutes. Ask.
            problem = $"is \"{text}\", a number without a unit; write {value}m or {value} min for minutes, {value}s, {value}h, or 00:{value.PadLeft(2, '0')}:00";
            return null;
        }

        if (value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }

        var total = TimeSpan.Zero;
        var at = 0;
        var parts = 0;
        for (var match = DurationPart().Match(value); match.Success && match.Index == at; match = match.NextMatch())
        {
            if (!s_units.TryGetValue(match.Groups["u"].Value.TrimEnd('.'), out var unit))
            {
                problem = $"is \"{text}\"; \"{match.Groups["u"].Value}\" is not a unit. Write {DurationForms}";
                return null;
            }

            total += unit * double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            at = match.Index + match.Length;
            parts++;
        }

        if (parts == 0 || at != value.Length)
        {
            problem = $"is \"{text}\", which is not a duration; write {DurationForms}";
            return null;
        }

        return total;
    }

    /// <summary>Reads an enum value by name (case, spaces and dashes ignored), by a known alias, or by its number.</summary>
    public static object? ParseEnum(Type type, string text, out string? problem)
    {
        problem = null;
        var squeezed = Squeeze(text);
        if (s_aliases.TryGetValue(type, out var aliases) && aliases.TryGetValue(squeezed, out var alias))
        {
            squeezed = alias;
        }

        var byName = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, squeezed, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return Enum.Parse(type, byName);
        }

        if (long.TryParse(squeezed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            var value = Enum.ToObject(type, number);
            if (Enum.IsDefined(type, value))
            {
                return value;
            }
        }

        problem = $"is \"{text}\"; accepted values: {AcceptedNames(type)}";
        return null;
    }

    /// <summary>The names of an enum's values with their aliases, for messages and docs: <c>MySql (also MariaDB), …</c>.</summary>
    public static string AcceptedNames(Type type) => string.Join(", ", Enum.GetNames(type).Select(n =>
    {
        var also = s_aliases.TryGetValue(type, out var aliases)
            ? aliases.Where(a => a.Value == n).Select(a => a.Key).ToList()
            : [];
        return also.Count == 0 ? n : $"{n} (also {string.Join(", ", also)})";
    }));

    /// <summary>Reads a yes/no setting: true/false, yes/no, on/off, 1/0, да/не.</summary>
    public static bool? ParseBoolean(string text, out string? problem)
    {
        problem = null;
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "YES" or "ON" or "1" or "ДА":
                return true;
            case "FALSE" or "NO" or "OFF" or "0" or "НЕ":
                return false;
            default:
                problem = $"is \"{text}\"; accepted values: true or false (also yes/no, on/off, 1/0, да/не)";
                return null;
        }
    }

    /// <summary>
    /// Reads <paramref name="text"/> as <paramref name="type"/> and returns the text the configuration binder reads back
    /// as the same value, or null with <paramref name="problem"/> set.
    /// </summary>
    public static string? Canonical(Type type, string text, out string? problem)
    {
        problem = null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(TimeSpan))
        {
            return ParseDuration(text, out problem)?.ToString("c", CultureInfo.InvariantCulture);
        }

        if (type.IsEnum)
        {
            return ParseEnum(type, text, out problem)?.ToString();
        }

        if (type == typeof(bool))
        {
            return ParseBoolean(text, out problem) is { } flag ? (flag ? "true" : "false") : null;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                && TypeDescriptor.GetConverter(type).IsValid(number.ToString(CultureInfo.InvariantCulture)))
            {
                return number.ToString(CultureInfo.InvariantCulture);
            }

            problem = $"is \"{text}\"; it must be a whole number, e.g. 100";
            return null;
        }

        // Anything else the binder reads with the type's converter; ask it the same question first.
        var converter = TypeDescriptor.GetConverter(type);
        try
        {
            return converter.ConvertFromInvariantString(text) is null ? null : text;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            problem = $"is \"{text}\", which is not a valid {type.Name}";
            return null;
        }
    }

    private static string Squeeze(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_'));
}
