using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>
/// The service's fast schedules as it runs them with its shipped defaults (the intervals of a fresh
/// <see cref="ServerOptions"/>): a fast export every <c>Export:FastInterval</c>, the catalogue checked every
/// <c>Export:CatalogueCheckInterval</c>, an order poll every <c>Import:OrderPollInterval</c> (longer when the shop asks),
/// one engine kept between passes, and one gate so that no two passes overlap — as <c>ServerRunner</c> does.
/// </summary>
internal sealed class ServiceLoop : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ISyncEngine _engine;
    private readonly ServerOptions _server;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loops;
    private int _fastPasses;
    private int _catalogueChecks;
    private int _polls;
    private int _failures;

    private ServiceLoop(WarehouseDb db, ShopHost shop)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _server = new ServerOptions
        {
            Name = "Benchmark",
            Warehouse = { Provider = db.Provider, ConnectionString = db.ConnectionString },
            Shop = { BaseUrl = shop.BaseUrl.ToString(), ApiId = shop.ApiId, Key = shop.Key },
            Import = { Object = EngineHost.ObjectName, SyncNomenclature = false },
            Export = { Goods = true, Partners = true },
        };
        services.AddShopikoSync(o => o.Servers.Add(_server));
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<ISyncEngineFactory>().Create();
        _loops = Task.WhenAll(Task.Run(() => FastAsync(_stop.Token)), Task.Run(() => PollAsync(_stop.Token)));
    }

    public TimeSpan FastInterval => _server.Export.FastInterval;

    public TimeSpan CatalogueCheckInterval => _server.Export.CatalogueCheckInterval;

    public TimeSpan OrderPollInterval => _server.Import.OrderPollInterval;

    public int FastPasses => Volatile.Read(ref _fastPasses);

    public int CatalogueChecks => Volatile.Read(ref _catalogueChecks);

    public int Polls => Volatile.Read(ref _polls);

    public int Failures => Volatile.Read(ref _failures);

    public string? LastError { get; private set; }

    public static ServiceLoop Start(WarehouseDb db, ShopHost shop) => new(db, shop);

    /// <summary>One more fast pass on the loop's (warm) engine, between the scheduled ones.</summary>
    public async Task<RunReport> PassAsync(bool catalogue, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await _engine.FastExportAsync(new FastExportOptions { CheckCatalogue = catalogue }, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Holds the gate: no pass runs until the returned object is disposed.</summary>
    public async Task<IDisposable> PauseAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        return new Releaser(_gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private async Task FastAsync(CancellationToken ct)
    {
        DateTimeOffset? lastCheck = null;
        try
        {
            while (true)
            {
                await Task.Delay(FastInterval, ct).ConfigureAwait(false);
                await _gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    var now = DateTimeOffset.UtcNow;
                    var catalogue = lastCheck is not { } last || now - last >= CatalogueCheckInterval;
                    var report = await _engine.FastExportAsync(new FastExportOptions { CheckCatalogue = catalogue }, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref _fastPasses);
                    if (catalogue)
                    {
                        lastCheck = now;
                        Interlocked.Increment(ref _catalogueChecks);
                    }

                    Note(report);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var wait = OrderPollInterval;
        try
        {
            while (true)
            {
                await Task.Delay(wait, ct).ConfigureAwait(false);
                await _gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    var report = await _engine.PollOrdersAsync(ct).ConfigureAwait(false);
                    Interlocked.Increment(ref _polls);
                    Note(report);
                    wait = report.WaitBeforeNext is { } asked && asked > OrderPollInterval ? asked : OrderPollInterval;
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void Note(RunReport report)
    {
        if (report.Outcome == RunOutcome.Failed)
        {
            Interlocked.Increment(ref _failures);
            LastError = report.Error;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _gate.Dispose();
    }
}
