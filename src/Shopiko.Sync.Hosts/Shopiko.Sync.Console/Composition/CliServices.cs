using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Console.Composition;

/// <summary>The library composed for one command: configuration, logging to stderr, Shopiko.Sync and the run log.</summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliServices(ServiceProvider provider, IConfiguration configuration)
    {
        _provider = provider;
        Configuration = configuration;
    }

    /// <summary>
    /// Log categories that say, at Information, one line per HTTP request and per retry attempt: useful when tracing a
    /// connection, noise otherwise. Warning by default in both hosts (the service's appsettings.json says the same).
    /// </summary>
    public static readonly string[] QuietCategories = ["System.Net.Http.HttpClient", "Polly", "Microsoft.Extensions.Http.Resilience"];

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => _provider;

    public TimeProvider Time => _provider.GetRequiredService<TimeProvider>();

    public ShopikoSyncOptions Options => _provider.GetRequiredService<IOptions<ShopikoSyncOptions>>().Value;

    public ISyncEngineFactory Engines => _provider.GetRequiredService<ISyncEngineFactory>();

    public FileRunLog RunLog => _provider.GetRequiredService<FileRunLog>();

    /// <summary>Composes from a configuration file (or the sample next to the program) plus overrides.</summary>
    /// <param name="configFile">The settings file, or null for the sample next to the program.</param>
    /// <param name="overrides">Command-line settings (<c>Key=Value</c>).</param>
    /// <param name="verbose">Debug logs on stderr.</param>
    /// <param name="quietest">
    /// The lowest log level shown when not verbose; <c>check</c> raises it to Error because its verdict already names
    /// every failure, and a warning line above it would only repeat it.
    /// </param>
    public static CliServices Create(string? configFile, IReadOnlyList<string> overrides, bool verbose, LogLevel quietest = LogLevel.Warning) =>
        Create(HostConfiguration.Build(configFile, overrides), verbose, quietest);

    /// <summary>Composes from a ready configuration (the demo builds its own).</summary>
    public static CliServices Create(IConfiguration configuration, bool verbose, LogLevel quietest = LogLevel.Warning)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            // Before the configuration, so a Logging section may still lower them.
            foreach (var category in QuietCategories)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }

            if (!verbose)
            {
                // The library's own lines (a request failed, a run failed, an item was held back) repeat what the
                // report and the one stderr line already say: a failure is said once. --verbose shows them, with the
                // failure's details at Debug.
                logging.AddFilter("Shopiko.Sync", LogLevel.None);
            }

            logging.AddConfiguration(configuration.GetSection("Logging"));
            // Logs go to stderr only, so stdout stays the report (and pure JSON with --json).
            logging.AddSimpleConsole(o => o.SingleLine = true);
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : quietest);
            if (verbose)
            {
                logging.AddFilter(null, LogLevel.Debug);
            }
            else if (quietest > LogLevel.Warning)
            {
                logging.AddFilter(null, quietest);
            }
        });
        services.AddShopikoSync(configuration.GetSection(ShopikoSyncOptions.SectionName));
        services.Configure<RunLogOptions>(configuration.GetSection(RunLogOptions.SectionName));
        services.AddSingleton(sp => new FileRunLog(sp.GetRequiredService<IOptions<RunLogOptions>>().Value.Folder));
        services.AddSingleton<IRunLog>(sp => sp.GetRequiredService<FileRunLog>());
        return new CliServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), configuration);
    }

    /// <summary>
    /// The server a command acts on: the one named, or the only one configured.
    /// </summary>
    /// <exception cref="ShopikoConfigurationException">No server, an unknown name, or several and no name.</exception>
    public string ResolveServer(string? name)
    {
        var names = Engines.ServerNames;
        if (name is not null)
        {
            return names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ShopikoConfigurationException(
                    $"No server named '{name}' is configured (configured: {(names.Count == 0 ? "none" : string.Join(", ", names))}).", "--server");
        }

        return names.Count switch
        {
            1 => names[0],
            0 => throw new ShopikoConfigurationException(
                "No server is configured: add one under ShopikoSync:Servers in appsettings.json or pass --config FILE.", "ShopikoSync:Servers"),
            _ => throw new ShopikoConfigurationException(
                $"Several servers are configured ({string.Join(", ", names)}): choose one with --server NAME.", "--server"),
        };
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
