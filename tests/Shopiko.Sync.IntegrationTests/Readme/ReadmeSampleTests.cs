using Microsoft.Extensions.DependencyInjection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.IntegrationTests.Readme;

/// <summary>
/// The README's "Using it from code" sample, run as written (SQLite instead of MySQL, the sandbox as the shop), so the
/// first thing an integrator copies keeps compiling and working.
/// </summary>
public sealed class ReadmeSampleTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"shopiko-readme-{Guid.NewGuid():N}.db");
    private SandboxShop _shop = null!;

    public async Task InitializeAsync() => _shop = await SandboxShop.StartAsync();

    public async Task DisposeAsync()
    {
        await _shop.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task The_code_sample_composes_an_engine_that_syncs()
    {
        var connectionString = $"Data Source={_file}";
        await WarehouseSchema.CreateBlankAsync(WarehouseProvider.Sqlite, connectionString);
        var secretKey = _shop.Key;
        var cancellationToken = CancellationToken.None;

        // --- as in README.md ---
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddShopikoSync(o => o.Servers.Add(new() { Name = "Shopiko" }))
                .UseSqlite(connectionString)
                .UseShop(_shop.BaseUrl.ToString(), apiId: _shop.ApiId, key: secretKey)
                .ConfigureServer(s => { s.Import.Object = "1"; s.Export.Goods = true; });

        await using var provider = services.BuildServiceProvider();
        ISyncEngine engine = provider.GetRequiredService<ISyncEngineFactory>().Create();
        RunReport report = await engine.SyncAsync(new SyncRunOptions { DryRun = false }, cancellationToken);
        // --- end of the sample ---

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.ToString());
        (await engine.CheckAsync(cancellationToken)).Ok.Should().BeTrue();
    }
}
