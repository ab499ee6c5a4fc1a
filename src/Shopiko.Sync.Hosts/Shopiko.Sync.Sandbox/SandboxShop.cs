using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Sandbox.Http;
using Shopiko.Sync.Sandbox.State;

namespace Shopiko.Sync.Sandbox;

/// <summary>
/// A Shopiko shop on loopback (Kestrel) serving the synchronisation contract of shopiko-api.md, with an admin surface
/// under <c>/_sandbox/</c> and fault injection. Start it with <see cref="StartAsync"/>; dispose it to stop it.
/// </summary>
public sealed class SandboxShop : IAsyncDisposable
{
    /// <summary>The path of the contract's base URL.</summary>
    public const string ApiBasePath = "/api/microinvest/v1/";

    private readonly WebApplication _app;

    private SandboxShop(WebApplication app, Uri root, string apiId, string key, SandboxState state, SandboxFaults faults)
    {
        _app = app;
        BaseUrl = new Uri(root, ApiBasePath);
        AdminUrl = new Uri(root, AdminEndpoints.BasePath + "/");
        ApiId = apiId;
        Key = key;
        State = state;
        Faults = faults;
    }

    /// <summary>The contract's base URL, e.g. <c>http://127.0.0.1:5123/api/microinvest/v1/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The admin surface, e.g. <c>http://127.0.0.1:5123/_sandbox/</c>.</summary>
    public Uri AdminUrl { get; }

    /// <summary>The API ID (API Идентификатор) the shop accepts.</summary>
    public string ApiId { get; }

    /// <summary>The key (Ключ) requests must be signed with.</summary>
    public string Key { get; }

    /// <summary>The shop's data and the merchant's and shoppers' actions.</summary>
    public SandboxState State { get; }

    /// <summary>Fault injection on the contract endpoints.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Starts a sandbox shop on 127.0.0.1.</summary>
    /// <param name="options">Port, state file, currency, credentials, clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SandboxShop> StartAsync(SandboxShopOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxShopOptions();
        var time = options.TimeProvider ?? TimeProvider.System;
        var data = SandboxStateFile.Load(options.StatePath) ?? new SandboxSnapshot();
        data.ApiId = options.ApiId ?? (string.IsNullOrEmpty(data.ApiId) ? NewApiId() : data.ApiId);
        data.Key = options.Key ?? (string.IsNullOrEmpty(data.Key) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)) : data.Key);
        if (options.StatePath is not null)
        {
            SandboxStateFile.Save(options.StatePath, data);
        }

        var state = new SandboxState(data, options.Currency, options.PricesIncludeVat, time, options.StatePath);
        var faults = new SandboxFaults();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRouting();
        var app = builder.Build();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var responseHeaders = new ResponseHeaders(time);
        var faultInjection = new FaultInjection(state, faults, time);
        var signatureCheck = new SignatureCheck(state, time, data.ApiId, data.Key);
        app.Use(responseHeaders.InvokeAsync);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiBasePath.TrimEnd('/'), StringComparison.Ordinal),
            contract => contract.Use(faultInjection.InvokeAsync).Use(signatureCheck.InvokeAsync));
        app.UseRouting();
        new ContractEndpoints(state).Map(app, ApiBasePath);

        // The admin surface needs the shop (its address), which exists only once Kestrel has picked the port.
        SandboxShop? started = null;
        new AdminEndpoints(() => started!).Map(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var root = new Uri(addresses.Addresses.First());
        started = new SandboxShop(app, new Uri($"http://127.0.0.1:{root.Port.ToString(CultureInfo.InvariantCulture)}/"), data.ApiId, data.Key, state, faults);
        return started;
    }

    /// <summary>Stops the shop (the state file, if any, is already up to date).</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static string NewApiId() =>
        "3" + string.Concat(Enumerable.Range(0, 18).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)));
}
