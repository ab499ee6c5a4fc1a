using System.Reflection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// The fast path (issue 12) on a real database and the sandbox shop: what it finds without reading the catalogue, what
/// it leaves to the reconciliation (the full export), and that it never sends anything twice.
/// </summary>
public class FastPathTests
{
    private static async Task<(SyncRig Rig, WarehouseSeed Seed)> ArmedAsync(WarehouseProvider provider, Action<ServerOptions>? configure = null)
    {
        var rig = await SyncRig.StartAsync(provider, configure);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var first = await rig.Engine().ExportAsync();
        first.Outcome.Should().Be(RunOutcome.Succeeded, first.Error);
        return (rig, seed);
    }

    private static async Task<RunReport> FastAsync(SyncRig rig)
    {
        var report = await rig.Engine().FastExportAsync();
        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        return report;
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Nothing_changed_sends_nothing_and_asks_the_shop_nothing(WarehouseProvider provider)
    {
        var (rig, _) = await ArmedAsync(provider);
        await using var _r = rig;
        var engine = rig.Engine();
        (await engine.FastExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        var requests = rig.Shop.State.RequestCount;

        var report = await engine.FastExportAsync();

        report.FastPath!.Armed.Should().BeTrue();
        report.FastPath.OperationsChanged.Should().BeFalse();
        report.FastPath.RangesChanged.Should().Be(0);
        report.Export!.ItemsSent.Should().Be(0);
        rig.Shop.State.RequestCount.Should().Be(requests, "a quiet pass of an engine that already knows the shop makes no request");
    }

    [Fact]
    public async Task On_sqlite_an_untouched_file_skips_the_catalogue_checksums_and_a_write_brings_them_back()
    {
        var (rig, seed) = await ArmedAsync(WarehouseProvider.Sqlite);
        await using var _r = rig;
        var engine = rig.Engine();
        (await engine.FastExportAsync()).FastPath!.CatalogueChecked.Should().BeTrue();

        (await engine.FastExportAsync()).FastPath!.CatalogueChecked.Should().BeFalse("nothing was written since the last check");

        await rig.SetPriceAsync(seed.Cable, 14m);
        var changed = await engine.FastExportAsync();
        changed.FastPath!.CatalogueChecked.Should().BeTrue();
        changed.Export!.Products.Updated.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Before_a_full_export_the_fast_path_is_not_armed_and_does_nothing(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        await WarehouseSeed.CreateAsync(rig);

        var report = await FastAsync(rig);

        report.FastPath!.Armed.Should().BeFalse();
        report.Export!.ItemsSent.Should().Be(0);
        rig.Shop.State.Products.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_desk_sale_and_a_purchase_send_only_the_stock_of_their_goods_once(WarehouseProvider provider)
    {
        var (rig, seed) = await ArmedAsync(provider);
        await using var _r = rig;
        var objectId = await rig.ObjectIdAsync();
        await DeskDocuments.WriteAsync(rig, operType: 2, sign: -1, objectId, (seed.Cable, 3));
        await DeskDocuments.WriteAsync(rig, operType: 1, sign: 1, objectId, (seed.Charger, 4));

        var report = await FastAsync(rig);

        report.FastPath!.GoodsMoved.Should().Be(2);
        report.Export!.Stock.Updated.Should().Be(2);
        report.Export.ItemsSent.Should().Be(2);
        StockInShop(rig, seed.Cable).Should().Be(7);
        StockInShop(rig, seed.Charger).Should().Be(9);
        StockInShop(rig, seed.Headphones).Should().Be(3);
        (await FastAsync(rig)).Export!.ItemsSent.Should().Be(0, "nothing is sent twice");
        var full = await rig.Engine().ExportAsync();
        full.FastPath!.MissedItems.Should().Be(0, string.Join(", ", full.FastPath.Missed));
        full.Export!.ItemsSent.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_transfer_sends_the_stock_of_the_watched_object_only(WarehouseProvider provider)
    {
        var (rig, seed) = await ArmedAsync(provider);
        await using var _r = rig;
        var central = await rig.ObjectIdAsync();
        var other = await DeskDocuments.CreateObjectAsync(rig, "Магазин 2");
        await DeskDocuments.WriteAsync(rig, operType: 8, sign: -1, central, (seed.Cable, 2));
        await DeskDocuments.WriteAsync(rig, operType: 7, sign: 1, other, (seed.Cable, 2));
        await DeskDocuments.WriteAsync(rig, operType: 2, sign: -1, other, (seed.Charger, 1));

        var report = await FastAsync(rig);

        report.FastPath!.GoodsMoved.Should().Be(1, "only the watched object's movements count");
        report.Export!.ItemsSent.Should().Be(1);
        StockInShop(rig, seed.Cable).Should().Be(8);
        StockInShop(rig, seed.Charger).Should().Be(5);
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_document_deleted_in_the_warehouse_is_found_by_the_reconciliation_which_reports_the_miss(WarehouseProvider provider)
    {
        var (rig, seed) = await ArmedAsync(provider);
        await using var _r = rig;
        var objectId = await rig.ObjectIdAsync();
        var acct = await DeskDocuments.WriteAsync(rig, operType: 2, sign: -1, objectId, (seed.Cable, 3));
        (await FastAsync(rig)).Export!.ItemsSent.Should().Be(1);
        // An older document is deleted (the program restores its stock): below the window the fast path watches.
        await DeskDocuments.WriteManyAsync(rig, objectId, seed.Headphones, 600);
        await FastAsync(rig);
        await DeskDocuments.DeleteAsync(rig, acct, operType: 2, objectId, (seed.Cable, 3));

        (await FastAsync(rig)).Export!.ItemsSent.Should().Be(0, "the fast path cannot see a deleted document below its window");
        StockInShop(rig, seed.Cable).Should().Be(7);

        var full = await rig.Engine().ExportAsync();

        full.Outcome.Should().Be(RunOutcome.Succeeded, full.Error);
        StockInShop(rig, seed.Cable).Should().Be(10);
        full.FastPath!.MissedItems.Should().Be(1);
        full.FastPath.Missed.Should().Equal("stock: 1");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_changed_price_and_name_a_new_good_and_a_deleted_good_reach_the_shop_from_the_checksums(WarehouseProvider provider)
    {
        var (rig, seed) = await ArmedAsync(provider);
        await using var _r = rig;
        await rig.SetPriceAsync(seed.Cable, 13.75m);
        await rig.ExecuteAsync("UPDATE goods SET Name = 'Слушалки Pro' WHERE ID = @id", new { id = seed.Headphones });
        await rig.ExecuteAsync("UPDATE goods SET Deleted = -1 WHERE ID = @id", new { id = seed.Charger });
        var created = await rig.Store.CreateGoodAsync(new Shopiko.Sync.Warehouse.Model.NewGood
        {
            Code = "1004", Name = "Калъф", GroupId = seed.Usb, VatGroupId = 1,
            Prices = Shopiko.Sync.Warehouse.Model.GoodPrices.Zero with { PriceOut2 = 9.90m },
        });
        await rig.SetStockAsync(created.Id, 6);
        await rig.ExecuteAsync("UPDATE partners SET City = 'Варна' WHERE ID = @id", new { id = seed.Person });

        var report = await FastAsync(rig);

        report.FastPath!.RangesChanged.Should().BeGreaterThan(0);
        report.Export!.Products.Updated.Should().Be(3);
        report.Export.Products.Created.Should().Be(1);
        report.Export.Customers.Updated.Should().Be(1);
        var products = rig.Shop.State.Products.ToDictionary(p => p.ExternalId!);
        products[seed.Cable.ToString()].Price.Should().Be(13.75m);
        products[seed.Headphones.ToString()].Name.Should().Be("Слушалки Pro");
        products[seed.Charger.ToString()].Active.Should().BeFalse();
        products[created.Id.ToString()].Name.Should().Be("Калъф");
        StockInShop(rig, created.Id).Should().Be(6, "a new product's stock goes in the same pass");
        rig.Shop.State.Customers.Single(c => c.ExternalId == seed.Person.ToString()).City.Should().Be("Варна");

        (await FastAsync(rig)).Export!.ItemsSent.Should().Be(0, "nothing is sent twice");
        var full = await rig.Engine().ExportAsync();
        full.Export!.ItemsSent.Should().Be(0);
        full.FastPath!.MissedItems.Should().Be(0, string.Join(", ", full.FastPath.Missed));
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_crash_before_the_watermark_is_written_sends_nothing_again(WarehouseProvider provider)
    {
        var (rig, seed) = await ArmedAsync(provider);
        await using var _r = rig;
        await DeskDocuments.WriteAsync(rig, operType: 2, sign: -1, await rig.ObjectIdAsync(), (seed.Cable, 1));

        var crash = () => rig.Engine(state: s => CrashingStore.Wrap(s, nameof(ISyncStateStore.SaveMarkAsync))).FastExportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        StockInShop(rig, seed.Cable).Should().Be(9);
        var next = await FastAsync(rig);
        next.FastPath!.OperationsChanged.Should().BeTrue("the watermark was not written");
        next.Export!.ItemsSent.Should().Be(0, "the links of the batch were written before the crash");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_crash_between_sending_and_remembering_resends_that_batch_only(WarehouseProvider provider)
    {
        var (rig, seed) = await ArmedAsync(provider);
        await using var _r = rig;
        await DeskDocuments.WriteAsync(rig, operType: 2, sign: -1, await rig.ObjectIdAsync(), (seed.Cable, 1), (seed.Charger, 1));

        var crash = () => rig.Engine(state: s => CrashingStore.Wrap(s, nameof(ISyncStateStore.SaveLinksAsync))).FastExportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        var next = await FastAsync(rig);
        next.Export!.ItemsSent.Should().Be(2, "the one batch the shop took is sent again, nothing else");
        (await FastAsync(rig)).Export!.ItemsSent.Should().Be(0);
        StockInShop(rig, seed.Cable).Should().Be(9);
    }

    private static decimal? StockInShop(SyncRig rig, int goodId) => rig.Shop.State.StockOf(goodId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A sync state or store that "dies" in the chosen member (every other member goes to the real one).</summary>
public class CrashingStore : DispatchProxy
{
    private object _inner = null!;
    private string[] _methods = [];

    internal static T Wrap<T>(T inner, params string[] methods)
        where T : class
    {
        var proxy = Create<T, CrashingStore>();
        var crashing = (CrashingStore)(object)proxy;
        crashing._inner = inner;
        crashing._methods = methods;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_methods.Contains(targetMethod.Name))
        {
            throw new SimulatedCrashException("in " + targetMethod.Name);
        }

        return targetMethod.Invoke(_inner, args);
    }
}

/// <summary>Documents written the way Warehouse Pro writes them at the desk: operation rows, and the stock they move.</summary>
public static class DeskDocuments
{
    private static long _acct = 9000;

    public static async Task<long> WriteAsync(SyncRig rig, int operType, int sign, int objectId, params (int Good, decimal Qtty)[] lines)
    {
        var acct = Interlocked.Increment(ref _acct);
        await using var connection = rig.Open();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (good, qtty) in lines)
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "INSERT INTO operations (OperType, Acct, GoodID, PartnerID, ObjectID, OperatorID, Qtty, Sign, PriceIn, PriceOut, VATIn, VATOut, Discount, " +
                "CurrencyID, CurrencyRate, Date, Lot, LotID, Note, SrcDocID, UserID, UserRealTime) " +
                "VALUES (@operType, @acct, @good, 1, @objectId, 1, @qtty, @sign, 1, 2, 0, 0, 0, 1, 1, @now, ' ', 1, ' ', 0, 1, @now)",
                new { operType, acct, good, objectId, qtty = (double)qtty, sign, now = DateTime.Today }, transaction);
            await Dapper.SqlMapper.ExecuteAsync(connection,
                "UPDATE store SET Qtty = Qtty + @delta WHERE GoodID = @good AND ObjectID = @objectId",
                new { delta = (double)(qtty * sign), good, objectId }, transaction);
        }

        await transaction.CommitAsync();
        return acct;
    }

    /// <summary>Many one-line sales of zero quantity (they move no stock, but push the operations ID on).</summary>
    public static async Task WriteManyAsync(SyncRig rig, int objectId, int good, int count)
    {
        for (var i = 0; i < count; i += 100)
        {
            await WriteAsync(rig, 2, -1, objectId, [.. Enumerable.Repeat((good, 0m), Math.Min(100, count - i))]);
        }
    }

    /// <summary>Deletes a document as the program does: its lines go, and the stock they moved comes back.</summary>
    public static async Task DeleteAsync(SyncRig rig, long acct, int operType, int objectId, params (int Good, decimal Qtty)[] lines)
    {
        await rig.ExecuteAsync("DELETE FROM operations WHERE Acct = @acct AND OperType = @operType", new { acct, operType });
        foreach (var (good, qtty) in lines)
        {
            await rig.ExecuteAsync("UPDATE store SET Qtty = Qtty + @qtty WHERE GoodID = @good AND ObjectID = @objectId", new { qtty = (double)qtty, good, objectId });
        }
    }

    public static async Task<int> CreateObjectAsync(SyncRig rig, string name)
    {
        await rig.ExecuteAsync("INSERT INTO objects (Code, Name, Name2, PriceGroup, IsVeryUsed, GroupID, Deleted) VALUES ('2', @name, @name, 1, 0, 1, 0)", new { name });
        var id = await rig.ScalarAsync<int>("SELECT MAX(ID) FROM objects");
        await rig.ExecuteAsync("INSERT INTO store (ObjectID, GoodID, Qtty, Price, Lot, LotID, LotOrder) SELECT @id, ID, 0, 0, ' ', 1, 1 FROM goods", new { id });
        return id;
    }
}
