using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Hosting.Settings;
using Shopiko.Sync.Service.Settings;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Service.Control;
using Shopiko.Sync.Service.Scheduling;
using Shopiko.Sync.Engine.RunLog;

namespace Shopiko.Sync.Service;

/// <summary>
/// Composes the service: configuration, Shopiko.Sync, the schedules of every server, the run log and the control
/// surface. <c>Program</c> runs it; the tests build it the same way and swap the clock or the engine.
/// </summary>
public static class ServiceHost
{
    /// <summary>The user-secrets id shared with the console host.</summary>
    public const string UserSecretsId = "shopiko-sync";

    /// <summary>A builder with everything registered. <paramref name="args"/> take <c>--config FILE</c> and <c>--Key=value</c> overrides.</summary>
    /// <exception cref="ShopikoConfigurationException">The control surface would be reachable off loopback without a token, or --config names no file.</exception>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // A Windows service starts in System32; settings and relative paths belong next to the program.
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(ServiceHost).Assembly.GetName().Name,
        });

        var serverFile = ConfigureSources(builder.Configuration, args);
        builder.Services.AddWindowsService(o => o.ServiceName = "Shopiko.Sync");
        builder.Services.AddSystemd();

        var serviceOptions = builder.Configuration.GetSection(ServiceOptions.SectionName).Get<ServiceOptions>() ?? new ServiceOptions();
        ControlAccess.Validate(serviceOptions);
        builder.WebHost.UseUrls(serviceOptions.Url);

        // The library binds and validates server by server, so one bad server never stops the others; its options follow
        // the configuration when the control page rewrites the servers file.
        builder.Services.AddShopikoSync(builder.Configuration.GetSection(ShopikoSyncOptions.SectionName));
        builder.Services.AddSingleton<ServerCatalog>();
        builder.Services.AddSingleton(serverFile);
        builder.Services.AddSingleton<ServerSettingsStore>();
        builder.Services.AddSingleton<ServerForms>();
        builder.Services.AddSingleton<ConnectionChecks>();
        // Data Protection keeps the anti-forgery tokens and the stored keys, with one key ring only this account opens.
        builder.Services.AddSingleton(ServerFile.Protection(serverFile.KeysFolder));
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = ControlAntiforgery.HeaderName;
            o.Cookie.Name = "shopiko-sync-antiforgery";
        });
        builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.SectionName));
        builder.Services.Configure<RunLogOptions>(builder.Configuration.GetSection(RunLogOptions.SectionName));
        builder.Services.AddSingleton<IRunLog>(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<RunLogOptions>>().Value.Folder;
            return new FileRunLog(Path.IsPathRooted(folder) ? folder : Path.Combine(builder.Environment.ContentRootPath, folder));
        });
        builder.Services.AddSingleton(sp => new ServerSupervisor(
            sp.GetRequiredService<ServerCatalog>(),
            sp.GetRequiredService<IOptions<ServiceOptions>>(),
            sp.GetRequiredService<ISyncEngineFactory>(),
            sp.GetRequiredService<IRunLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServerSupervisor>());
        builder.Services.AddSingleton<ControlAccess>();
        TelemetryEndpoints.Add(builder);
        builder.Services.Configure<HostOptions>(o =>
            // The host must wait at least as long as a server's drain, or a stop would cut a pass short.
            o.ShutdownTimeout = serviceOptions.StopTimeout + TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>Builds the app and maps the control surface.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var access = app.Services.GetRequiredService<ControlAccess>();
        app.Use(access.InvokeAsync);
        app.Use(ControlAntiforgery.InvokeAsync);
        ControlEndpoints.Map(app);
        TelemetryEndpoints.Map(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceHost));
            var protection = string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value.Token) ? " (loopback only)" : " (bearer token required)";
            foreach (var address in Addresses(app))
            {
                Log.ControlListening(logger, address, protection);
            }
        });
        return app;
    }

    /// <summary>The addresses the control surface is bound to (the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    /// <summary>
    /// The same layering as the console: <c>appsettings.json</c> next to the program (or <c>--config FILE</c> instead),
    /// the servers file the control page writes, user secrets, environment variables, command-line overrides.
    /// </summary>
    private static ServerFileConfigurationSource ConfigureSources(ConfigurationManager configuration, string[] args)
    {
        var commandLine = new ConfigurationBuilder().AddCommandLine(args).Build();
        var configFile = commandLine["config"];
        configuration.Sources.Clear();
        if (configFile is null)
        {
            configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        }
        else
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ShopikoConfigurationException($"The configuration file {full} does not exist.", "--config");
            }

            configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        // Where the servers file is may itself be set by any layer; it goes right after the settings file.
        var soFar = new ConfigurationBuilder();
        foreach (var s in configuration.Sources)
        {
            soFar.Add(s);
        }

        soFar.AddUserSecrets(UserSecretsId, reloadOnChange: false).AddEnvironmentVariables().AddCommandLine(args);
        var serverFile = configuration.AddShopikoSyncServerFile(soFar.Build());
        configuration.AddUserSecrets(UserSecretsId, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return serverFile;
    }
}
