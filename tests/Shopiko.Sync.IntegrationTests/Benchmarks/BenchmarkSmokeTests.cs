using Shopiko.Sync.Benchmarks;
using Shopiko.Sync.Benchmarks.Scenarios;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.IntegrationTests.Warehouse;

namespace Shopiko.Sync.IntegrationTests.Benchmarks;

/// <summary>
/// The benchmark at its small size on both providers, so it never rots: every scenario runs and gets its row. Speed is
/// not asserted here (it is what the benchmark reports).
/// </summary>
[RequiresMariaDb]
public class BenchmarkSmokeTests
{
    [StoreFact]
    public async Task The_small_benchmark_prints_one_table_per_provider_with_every_scenario()
    {
        using var output = new StringWriter();
        var options = new BenchmarkOptions
        {
            Sizes = BenchmarkSizes.Small,
            SizeName = "small",
            Providers = [WarehouseProvider.MySql, WarehouseProvider.Sqlite],
        };

        var figures = await BenchmarkRunner.RunAsync(options, output, CancellationToken.None);

        var text = output.ToString();
        var tables = text.Split("### ").Skip(1).ToList();
        tables.Should().HaveCount(2, text);
        foreach (var table in tables)
        {
            table.Should().Contain("| scenario | size | wall s | items/s | HTTP requests | peak RSS MB | floor s | ratio to floor |");
            foreach (var scenario in ScenarioNames.All)
            {
                table.Should().Contain($"| {scenario} | ", text);
            }
        }

        figures.Keys.Should().BeEquivalentTo([WarehouseProvider.MySql, WarehouseProvider.Sqlite]);
        foreach (var perProvider in figures.Values)
        {
            perProvider.Select(f => f.Scenario).Should().Equal(ScenarioNames.All);
            perProvider.Single(f => f.Scenario == ScenarioNames.NoChangeExport).ItemsSent.Should().Be(0);
            perProvider.Single(f => f.Scenario == ScenarioNames.OrderImport).ItemsSent.Should().Be(BenchmarkSizes.Small.Orders);
        }
    }
}
