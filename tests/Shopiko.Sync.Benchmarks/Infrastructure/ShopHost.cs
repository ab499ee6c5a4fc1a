using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Shopiko.Sync.Benchmarks.Measurement;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop;

namespace Shopiko.Sync.Benchmarks.Infrastructure;

/// <summary>
/// The sandbox shop the engine talks to, in a child process (default) or in this one, always reached over loopback
/// HTTP; seeded and counted through its admin surface (<c>/_sandbox/…/bulk</c>, <c>/_sandbox/stats</c>).
/// </summary>
internal sealed class ShopHost : IAsyncDisposable
{
    /// <summary>The hidden command that makes this program serve a sandbox shop for a parent benchmark.</summary>
    public const string ChildCommand = "sandbox-child";

    private readonly Process? _child;
    private readonly SandboxShop? _inProcess;
    private readonly HttpClient _admin;

    private ShopHost(Uri baseUrl, Uri adminUrl, string apiId, string key, Process? child, SandboxShop? inProcess)
    {
        BaseUrl = baseUrl;
        ApiId = apiId;
        Key = key;
        _child = child;
        _inProcess = inProcess;
        _admin = new HttpClient { BaseAddress = adminUrl, Timeout = TimeSpan.FromMinutes(5) };
        Meter = child is null ? null : new ProcessMeter(child.Id);
    }

    public Uri BaseUrl { get; }

    public string ApiId { get; }

    public string Key { get; }

    /// <summary>The shop process's meter; null when the shop runs in the benchmark process.</summary>
    public ProcessMeter? Meter { get; }

    public static async Task<ShopHost> StartAsync(SandboxPlacement placement, CancellationToken ct)
    {
        if (placement == SandboxPlacement.InProcess)
        {
            var shop = await SandboxShop.StartAsync(cancellationToken: ct).ConfigureAwait(false);
            return new ShopHost(shop.BaseUrl, shop.AdminUrl, shop.ApiId, shop.Key, null, shop);
        }

        var process = Process.Start(ChildStartInfo()) ?? throw new InvalidOperationException("The sandbox child process did not start.");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The sandbox child process ended before it said where it listens: " + await process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false));
            var hello = JsonSerializer.Deserialize<ChildHello>(line, ShopikoJson.Options) ?? throw new InvalidOperationException("The sandbox child process said: " + line);
            return new ShopHost(hello.BaseUrl, hello.AdminUrl, hello.ApiId, hello.Key, process, null);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The child's side: serves a sandbox shop until the parent closes its standard input.</summary>
    public static async Task<int> ServeAsChildAsync(CancellationToken ct)
    {
        await using var shop = await SandboxShop.StartAsync(cancellationToken: ct).ConfigureAwait(false);
        Console.Out.WriteLine(JsonSerializer.Serialize(new ChildHello(shop.BaseUrl, shop.AdminUrl, shop.ApiId, shop.Key), ShopikoJson.Options));
        await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        // The parent holds our standard input: end of input means the parent is gone (however it ended).
        await Console.In.ReadToEndAsync(ct).ConfigureAwait(false);
        return 0;
    }

    public async Task<SandboxCounts> CountsAsync(CancellationToken ct) =>
        (await _admin.GetFromJsonAsync<SandboxCounts>("stats", ShopikoJson.Options, ct).ConfigureAwait(false))!;

    /// <summary>Posts drafts to a bulk admin action in chunks; returns the shop ids in draft order.</summary>
    public async Task<List<string>> BulkAsync<T>(string path, IReadOnlyList<T> drafts, CancellationToken ct)
    {
        var ids = new List<string>(drafts.Count);
        foreach (var chunk in drafts.Chunk(2000))
        {
            using var response = await _admin.PostAsJsonAsync(path, chunk, ShopikoJson.Options, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Seeding {path} failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
            }

            var body = await response.Content.ReadFromJsonAsync<IdList>(ShopikoJson.Options, ct).ConfigureAwait(false);
            ids.AddRange(body!.Ids);
        }

        return ids;
    }

    /// <summary>One product by warehouse id with its stock (the sandbox's admin surface), or null.</summary>
    public async Task<ShopProductState?> ProductAsync(int externalId, CancellationToken ct)
    {
        using var response = await _admin.GetAsync("products/external/" + externalId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<ShopProductState>(ShopikoJson.Options, ct).ConfigureAwait(false)
            : null;
    }

    /// <summary>Places one order as a shopper would; returns its shop id.</summary>
    public async Task<string> PlaceOrderAsync(Shopiko.Sync.Sandbox.SandboxOrderDraft draft, CancellationToken ct)
    {
        using var response = await _admin.PostAsJsonAsync("orders", draft, ShopikoJson.Options, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<Shopiko.Sync.Shop.Contract.ShopOrder>(ShopikoJson.Options, ct).ConfigureAwait(false);
        return order!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync().ConfigureAwait(false);
        }

        if (_child is not null)
        {
            _child.StandardInput.Close();
            if (!_child.WaitForExit(10_000))
            {
                _child.Kill(entireProcessTree: true);
            }

            _child.Dispose();
        }
    }

    private static ProcessStartInfo ChildStartInfo()
    {
        // This very assembly, run by the dotnet host with its own runtimeconfig (copied next to any project that references it).
        var assembly = typeof(ShopHost).Assembly.Location;
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
        };
        // The shop stands for a remote server that is warm when a merchant's engine calls it. Here it is a fresh process
        // sharing the engine's two cores, and with tiered JIT its warm-up (methods re-compiled while the run goes on)
        // cost more CPU than its steady work: compiled fully optimised once, it takes less from the engine being measured.
        info.Environment["DOTNET_TieredCompilation"] = "0";
        info.ArgumentList.Add("exec");
        if (File.Exists(runtimeConfig))
        {
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(runtimeConfig);
        }

        info.ArgumentList.Add(assembly);
        info.ArgumentList.Add(ChildCommand);
        return info;
    }

    internal sealed record ShopProductState(decimal Price, string Name, bool Active, decimal? Stock);

    private sealed record ChildHello(Uri BaseUrl, Uri AdminUrl, string ApiId, string Key);

    private sealed record IdList(List<string> Ids);
}
