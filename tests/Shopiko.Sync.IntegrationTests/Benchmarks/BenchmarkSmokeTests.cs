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

    [StoreFact]
    public async Task The_reconciliation_compares_the_catalogue_the_exports_sent_not_the_shops_products_too()
    {
        // Issue 12's targets are set for the exports' catalogue; the nomenclature import adds the shop's products to it.
        using var output = new StringWriter();
        var options = new BenchmarkOptions
        {
            Sizes = BenchmarkSizes.Small,
            SizeName = "small",
            Providers = [WarehouseProvider.Sqlite],
            FastPath = true,
            Reconciliations = 1,
        };

        await BenchmarkRunner.RunAsync(options, output, CancellationToken.None);

        var text = output.ToString();
        var row = text.Split('\n').Single(l => l.StartsWith("| full reconciliation, nothing changed |", StringComparison.Ordinal));
        row.Should().Contain($"| {BenchmarkSizes.Small.Goods:N0} goods, ", text).And.Contain(": 0 sent, ");
        text.Should().Contain($"| {ScenarioNames.NomenclatureImport} | ", "the nomenclature import still runs, after the reconciliation");
    }
}
