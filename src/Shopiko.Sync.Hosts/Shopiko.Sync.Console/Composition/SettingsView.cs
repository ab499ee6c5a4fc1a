using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Composition;

/// <summary>
/// The settings as written, bound without validation, so <c>servers</c> and <c>log</c> work even while a key is
/// still missing; and the masking that makes them safe to print.
/// </summary>
internal static class SettingsView
{
    private static readonly string[] s_secretKeys = ["password", "pwd", "user password", "jet oledb:database password"];

    /// <summary>Every configured server, the invalid ones too (with their problems, see <see cref="ShopikoSyncValidation"/>).</summary>
    public static ShopikoSyncOptions Servers(IConfiguration configuration) =>
        ShopikoSyncConfiguration.Bind(configuration.GetSection(ShopikoSyncOptions.SectionName));

    public static FileRunLog RunLog(IConfiguration configuration) =>
        new((configuration.GetSection(RunLogOptions.SectionName).Get<RunLogOptions>() ?? new RunLogOptions()).Folder);

    /// <summary>The connection string with passwords replaced by <c>****</c>.</summary>
    public static string MaskConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "(not set)";
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().ToList())
            {
                if (s_secretKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    builder[key] = "****";
                }
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(not a valid connection string)";
        }
    }

    public static string MaskKey(string key) => string.IsNullOrEmpty(key) ? "(not set)" : "****" + (key.Length >= 12 ? key[^4..] : "");
}
