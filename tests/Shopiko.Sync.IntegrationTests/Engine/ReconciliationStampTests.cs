using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// The reconciliation and the change stamp (issue 12): when nothing was written to the catalogue since the last
/// reconciliation it does not compute the checksums again, and it still finds everything the fast path can miss,
/// because the full comparison reads every row regardless.
/// </summary>
public class ReconciliationStampTests
{
    // UPDATE_TIME is trusted only when older than a second before NOW(): waiting this long after the last write makes it so.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2.2);

    /// <summary>Armed, and a second reconciliation once the stamp is known: it remembers the stamp with its checksums.</summary>
    private static async Task<(SyncRig Rig, WarehouseSeed Seed)> RememberedAsync()
    {
        var rig = await SyncRig.StartAsync(WarehouseProvider.MySql);
        var seed = await WarehouseSeed.CreateAsync(rig);
        (await rig.Engine().ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);
        await KnownStampAsync(rig);
        var second = await rig.Engine().ExportAsync();
        second.Outcome.Should().Be(RunOutcome.Succeeded, second.Error);
        second.FastPath!.CatalogueChecked.Should().BeTrue("no stamp was remembered yet");
        return (rig, seed);
    }

    // The shared server runs other tests' transactions, which make the stamp "don't know" while open: wait them out.
    private static async Task KnownStampAsync(SyncRig rig)
    {
        await Task.Delay(Settle);
        for (var i = 0; await rig.Store.ReadChangeStampAsync() is null && i < 60; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A reconciliation whose store refuses to compute checksums: it fails if it tries.</summary>
    private static Task<RunReport> WithoutChecksumsAsync(SyncRig rig) =>
        rig.Engine(store: s => CrashingStore.Wrap(s, nameof(IWarehouseStore.ReadChecksumsAsync), nameof(IWarehouseStore.ReadChecksumsInSnapshotAsync))).ExportAsync();

    [Fact]
    public async Task After_an_unchanged_stamp_the_checksums_are_not_computed_and_a_deleted_document_is_still_found()
    {
        var (rig, seed) = await RememberedAsync();
        await using var _r = rig;
        var objectId = await rig.ObjectIdAsync();
        var acct = await DeskDocuments.WriteAsync(rig, operType: 2, sign: -1, objectId, (seed.Cable, 3));
        (await rig.Engine().FastExportAsync()).Export!.ItemsSent.Should().Be(1);
        await DeskDocuments.WriteManyAsync(rig, objectId, seed.Headphones, 600);
        await rig.Engine().FastExportAsync();
        // Below the window the fast path watches; operations and store only, so the catalogue's stamp stays as it was.
        await DeskDocuments.DeleteAsync(rig, acct, operType: 2, objectId, (seed.Cable, 3));
        (await rig.Engine().FastExportAsync()).Export!.ItemsSent.Should().Be(0);
        await KnownStampAsync(rig);

        var full = await WithoutChecksumsAsync(rig);

        full.Outcome.Should().Be(RunOutcome.Succeeded, full.Error);
        full.FastPath!.CatalogueChecked.Should().BeFalse();
        rig.Shop.State.StockOf(seed.Cable.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Be(10);
        full.FastPath.Missed.Should().Equal("stock: 1");
        var pass = await rig.Engine().FastExportAsync();
        pass.FastPath!.RangesChanged.Should().Be(0, "the remembered checksums are still the current ones");
        pass.Export!.ItemsSent.Should().Be(0);
    }

    [Fact]
    public async Task A_good_edited_in_place_changes_the_stamp_and_the_checksums_are_computed_again()
    {
        var (rig, seed) = await RememberedAsync();
        await using var _r = rig;
        await KnownStampAsync(rig);
        (await WithoutChecksumsAsync(rig)).FastPath!.CatalogueChecked.Should().BeFalse("nothing was written since the last reconciliation");

        await rig.SetPriceAsync(seed.Cable, 14m);
        await rig.ExecuteAsync("UPDATE partners SET City = 'Варна' WHERE ID = @id", new { id = seed.Person });
        var full = await rig.Engine().ExportAsync();

        full.Outcome.Should().Be(RunOutcome.Succeeded, full.Error);
        full.FastPath!.CatalogueChecked.Should().BeTrue("the stamp changed (or is not known yet, right after the write)");
        full.Export!.Products.Updated.Should().Be(1);
        full.Export.Customers.Updated.Should().Be(1);
        full.FastPath.MissedItems.Should().Be(0, "the fast path would have seen both ranges change");
        (await rig.Engine().FastExportAsync()).FastPath!.RangesChanged.Should().Be(0, "the marks were taken with the change");

        await KnownStampAsync(rig);
        var remembered = await rig.Engine().ExportAsync();
        remembered.FastPath!.CatalogueChecked.Should().BeTrue("the last reconciliation could not trust a stamp written a moment before");
        await KnownStampAsync(rig);
        var skipped = await WithoutChecksumsAsync(rig);
        skipped.Outcome.Should().Be(RunOutcome.Succeeded, skipped.Error);
        skipped.FastPath!.CatalogueChecked.Should().BeFalse();
        skipped.Export!.ItemsSent.Should().Be(0);
    }

    [Fact]
    public async Task On_sqlite_the_file_stamp_changes_with_the_marks_themselves_so_every_reconciliation_computes_them()
    {
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite);
        await WarehouseSeed.CreateAsync(rig);
        (await rig.Engine().ExportAsync()).Outcome.Should().Be(RunOutcome.Succeeded);

        for (var i = 0; i < 2; i++)
        {
            var full = await rig.Engine().ExportAsync();
            full.Outcome.Should().Be(RunOutcome.Succeeded, full.Error);
            full.FastPath!.CatalogueChecked.Should().BeTrue();
            full.Export!.ItemsSent.Should().Be(0);
        }
    }
}
