using System.Globalization;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// The export reads goods, partners, stock and links at once; links are written only for batches the shop answered
/// (during the reads on MariaDB, after every reader closed elsewhere). A read that fails anywhere fails the run — here,
/// with less than a batch changed, before anything is sent or written — leaves no reader open, and the next run sends.
/// </summary>
public class ExportReadFailureTests
{
    public static IEnumerable<object[]> FailingReads =>
        from provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.MySql }
        from read in new[] { "ReadGoodsForShopAsync", "ReadStockAsync", "ReadPartnersAsync" }
        from after in new[] { 0, 1 }
        select new object[] { provider, read, after };

    [Theory]
    [MemberData(nameof(FailingReads))]
    public async Task A_read_failing_midway_fails_the_run_before_anything_is_sent(WarehouseProvider provider, string read, int after)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        (await rig.Engine().ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        await rig.SetPriceAsync(seed.Cable, 13.90m);
        await rig.SetStockAsync(seed.Charger, 2);
        var hashes = await LinkHashesAsync(rig);
        var before = rig.Shop.State.RequestCount;

        var failed = await rig.Engine(store: s => FailingReadStore.Wrap(s, read, after)).ExportAsync();

        failed.Outcome.Should().Be(RunOutcome.Failed);
        failed.Error.Should().Contain($"during {read}");
        failed.Export!.ItemsSent.Should().Be(0);
        (rig.Shop.State.RequestCount - before).Should().Be(1, "only GET shop: less than a batch changed, and a batch goes only when full while the reads go on");
        (await LinkHashesAsync(rig)).Should().Equal(hashes);

        // Every reader of the failed run closed: the next run writes (SQLite could not commit with one still open).
        var next = await rig.Engine().ExportAsync();
        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        next.Export!.Products.Updated.Should().Be(1);
        next.Export.Stock.Updated.Should().Be(1);
        rig.Shop.State.StockOf(seed.Charger.ToString(CultureInfo.InvariantCulture)).Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Goods_in_many_chunks_are_all_compared_and_new_products_get_their_stock_in_the_same_run(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s => s.Export.Partners = false);
        var seed = await WarehouseSeed.CreateAsync(rig);
        await GoodCopies.WriteAsync(rig, seed.Charger, 5000, "C");

        var first = await rig.Engine().ExportAsync();

        first.Outcome.Should().Be(RunOutcome.Succeeded, first.Error);
        first.Export!.Products.Created.Should().Be(5003);
        (first.Export.Stock.Created + first.Export.Stock.Updated).Should().Be(5003);
        rig.Shop.State.StockOf(seed.Charger.ToString(CultureInfo.InvariantCulture)).Should().Be(5);

        // One good changes far into the read, one at its start: only they go.
        var lastId = await rig.ScalarAsync<int>("SELECT MAX(ID) FROM goods");
        await rig.SetPriceAsync(lastId, 1.23m);
        await rig.SetStockAsync(seed.Cable, 7);
        var second = await rig.Engine().ExportAsync();

        second.Outcome.Should().Be(RunOutcome.Succeeded, second.Error);
        second.Export!.ItemsSent.Should().Be(2);
        second.Export.Products.Updated.Should().Be(1);
        second.Export.Products.Unchanged.Should().Be(5002);
        second.Export.Stock.Updated.Should().Be(1);
        rig.Shop.State.Products.Single(p => p.ExternalId == lastId.ToString(CultureInfo.InvariantCulture)).Price.Should().Be(1.23m);

        var third = await rig.Engine().ExportAsync();
        third.Export!.ItemsSent.Should().Be(0);
    }

    private static async Task<List<string>> LinkHashesAsync(SyncRig rig) =>
        await rig.QueryAsync<string>("SELECT CONCAT(Entity, ':', LocalId, ':', COALESCE(ContentHash, '')) FROM shopikosync_links ORDER BY Entity, LocalId"
            .Replace("CONCAT(Entity, ':', LocalId, ':', COALESCE(ContentHash, ''))",
                rig.Provider == WarehouseProvider.MySql ? "CONCAT(Entity, ':', LocalId, ':', COALESCE(ContentHash, ''))" : "Entity || ':' || LocalId || ':' || COALESCE(ContentHash, '')", StringComparison.Ordinal));
}
