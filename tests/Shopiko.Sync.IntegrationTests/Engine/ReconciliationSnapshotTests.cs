using System.Reflection;
using System.Runtime.CompilerServices;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Changes;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// On MariaDB and SQLite the reconciliation's catalogue checksums are computed beside its read, in a consistent snapshot
/// taken before the read began: they are of the database no later than what the read saw, so a change committed meanwhile is
/// never vouched for by them — the next catalogue check reads its range again — and nothing is sent twice.
/// </summary>
public class ReconciliationSnapshotTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task Checksums_in_a_snapshot_leave_out_what_commits_after_it_was_taken(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        var price = rig.Server.Export.PriceColumn;
        var goods = await rig.Store.ReadChecksumsAsync(ChangeTable.Goods, price);
        var partners = await rig.Store.ReadChecksumsAsync(ChangeTable.Partners, price);

        // Committed on another connection once the snapshot is taken, before the checksums are computed in it.
        var inSnapshot = await rig.Store.ReadChecksumsInSnapshotAsync([ChangeTable.Goods, ChangeTable.Partners], price,
            () => rig.ExecuteAsync("UPDATE goods SET Name = 'Кабел USB-C, 2 м' WHERE ID = @id", new { id = seed.Cable }).GetAwaiter().GetResult());

        inSnapshot[0].Should().Equal(goods, "the snapshot was taken before the change committed");
        inSnapshot[1].Should().Equal(partners);
        (await rig.Store.ReadChecksumsAsync(ChangeTable.Goods, price)).Should().NotEqual(goods, "the change is there for every later read");
    }

    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task A_good_changed_while_the_reconciliation_reads_is_sent_once_and_its_range_is_checked_again(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider);
        var seed = await WarehouseSeed.CreateAsync(rig);
        // A first export (no stamp remembered: the checksums are computed). The goods reader commits a new name first:
        // after the checksums' snapshot, before it reads the row.
        var store = ChangingReader.Wrap(rig.Store, () => rig.ExecuteAsync("UPDATE goods SET Name = 'Зарядно 65 W' WHERE ID = @id", new { id = seed.Charger }));

        var full = await rig.Engine(store: _ => store).ExportAsync();

        full.Outcome.Should().Be(RunOutcome.Succeeded, full.Error);
        rig.Shop.State.Products.Should().ContainSingle(p => p.ExternalId == seed.Charger.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Which.Name.Should().Be("Зарядно 65 W", "the read saw the change");
        var pass = await rig.Engine().FastExportAsync();
        pass.FastPath!.RangesChanged.Should().BeGreaterThan(0, "the checksums the reconciliation left do not vouch for a change they did not see");
        pass.Export!.ItemsSent.Should().Be(0, "what the read sent is not sent again");
    }

    /// <summary>A store whose goods read runs an action before its first row.</summary>
    public class ChangingReader : DispatchProxy
    {
        private IWarehouseStore _inner = null!;
        private Func<Task> _change = null!;

        internal static IWarehouseStore Wrap(IWarehouseStore inner, Func<Task> change)
        {
            var proxy = Create<IWarehouseStore, ChangingReader>();
            var self = (ChangingReader)(object)proxy;
            self._inner = inner;
            self._change = change;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            var result = ProxyCall.Forward(targetMethod, args, _inner);
            return targetMethod.Name == nameof(IWarehouseStore.ReadGoodsForShopAsync)
                ? ChangedFirst((IAsyncEnumerable<Good>)result!, (CancellationToken)args![^1]!)
                : result;
        }

        private async IAsyncEnumerable<Good> ChangedFirst(IAsyncEnumerable<Good> goods, [EnumeratorCancellation] CancellationToken ct = default)
        {
            await _change();
            await foreach (var good in goods.WithCancellation(ct))
            {
                yield return good;
            }
        }
    }
}
