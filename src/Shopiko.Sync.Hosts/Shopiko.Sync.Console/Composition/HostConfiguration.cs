using Microsoft.Extensions.Configuration;

namespace Shopiko.Sync.Console.Composition;

/// <summary>
/// Where the console's settings come from, later sources winning: <c>appsettings.json</c> next to the program (or the
/// <c>--config FILE</c> instead of it), user secrets (id <see cref="UserSecretsId"/>), environment variables
/// (<c>ShopikoSync__Servers__0__Shop__Key</c>) and <c>--Key=value</c> overrides on the command line.
/// </summary>
internal static class HostConfiguration
{
    /// <summary>The user-secrets id shared by the console and the service host.</summary>
    public const string UserSecretsId = "shopiko-sync";

    public static IConfigurationRoot Build(string? configFile, IReadOnlyList<string> overrides)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is null)
        {
            builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        }
        else
        {
            // --config replaces the sample file rather than layering on it: lists such as Servers merge by index in
            // Microsoft.Extensions.Configuration, and a half-inherited server is a surprise nobody wants.
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new Configuration.ShopikoConfigurationException($"The configuration file {full} does not exist.", "--config");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        builder.AddUserSecrets(UserSecretsId, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        builder.AddCommandLine([.. overrides]);
        try
        {
            // The servers the service's control page manages (its servers file, keys decrypted), right after the settings file.
            Shopiko.Sync.Hosting.Settings.ServerFileConfigurationExtensions.InsertShopikoSyncServerFile(builder, 1);
            return builder.Build();
        }
        catch (InvalidDataException e) when (ConfigurationFileError.Describe(e) is { } message)
        {
            throw new Configuration.ShopikoConfigurationException(message, "--config", e);
        }
    }
}
