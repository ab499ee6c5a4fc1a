using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// Where the warehouse lets a write run beside open readers (MariaDB: InnoDB reads take no locks), the export writes
/// each batch's links as the shop answers it, while the goods are still being read; elsewhere (SQLite, whose WAL is best
/// effort) no link is written until every reader closed. Either way a crash leaves remembered exactly what the shop
/// answered and was written, and the next run sends the rest once.
/// </summary>
public class ExportWritesWhileReadingTests
{
    // More goods than the reader hands the comparer at once, in batches of 500: two full batches go to the shop (and,
    // where allowed, are remembered) while the reader is held open at its end.
    private const int Copies = 1100, Goods = Copies + 3, BatchSize = 500;

    [Theory]
    [InlineData(WarehouseProvider.MySql, true)]
    [InlineData(WarehouseProvider.Sqlite, false)]
    public async Task Product_links_are_written_while_the_goods_are_read_only_where_the_engine_allows_it(WarehouseProvider provider, bool whileReading)
    {
        await using var rig = await SyncRig.StartAsync(provider, s =>
        {
            s.Shop.BatchSize = BatchSize;
            s.Export.Partners = false;
        });
        var seed = await WarehouseSeed.CreateAsync(rig);
        await GoodCopies.WriteAsync(rig, seed.Charger, Copies, "W");
        // The goods reader stays open after its last row until a product link is written (or a while has passed).
        var held = new HeldGoods(whileReading ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(1));
        var report = await rig.Engine(store: held.Store, state: held.State).ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        held.LinksWrittenWhileReading.Should().Be(whileReading);
        (await LinksAsync(rig, SyncEntity.Product)).Should().HaveCount(Goods).And.Contain([seed.Cable, seed.Charger, seed.Headphones]);
        (await LinksAsync(rig, SyncEntity.Stock)).Should().HaveCount(Goods);
    }

    [Fact]
    public async Task A_crash_in_a_link_write_while_the_goods_are_still_read_leaves_each_product_sent_and_remembered_once()
    {
        await using var rig = await SyncRig.StartAsync(WarehouseProvider.MySql, s =>
        {
            s.Shop.BatchSize = BatchSize;
            s.Export.Partners = false;
        });
        var seed = await WarehouseSeed.CreateAsync(rig);
        await GoodCopies.WriteAsync(rig, seed.Charger, Copies, "W");
        // The second product batch's link write fails while the reader is open.
        var held = new HeldGoods(TimeSpan.FromSeconds(30), failOnProductWrite: 2, holdUntilProductWrites: 2);
        var engine = rig.Engine(store: held.Store, state: held.State);

        var crash = () => engine.ExportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        held.LinksWrittenWhileReading.Should().BeTrue();
        held.ReaderOpenAtFailure.Should().BeTrue("the write failed while the goods reader was still open");
        (await LinksAsync(rig, SyncEntity.Product)).Should().HaveCount(BatchSize, "only the first batch's write went through").And.Contain(seed.Cable);
        // The stock of the products the shop took goes beside them, and has its own writer: some of it may be remembered.
        var stock = (await LinksAsync(rig, SyncEntity.Stock)).Count;

        var next = await rig.Engine().ExportAsync();

        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        next.Export!.ItemsSent.Should().Be(Goods - BatchSize + Goods - stock, "the products and stock levels not remembered; not those remembered");
        (next.Export.Products.Created + next.Export.Products.Updated + next.Export.Products.Unchanged).Should().Be(Goods);
        (await LinksAsync(rig, SyncEntity.Product)).Should().HaveCount(Goods);
        (await LinksAsync(rig, SyncEntity.Stock)).Should().HaveCount(Goods);
        rig.Shop.State.Products.Should().HaveCount(Goods, "a product sent again is updated by its externalId, never duplicated");
        (await rig.Engine().ExportAsync()).Export!.ItemsSent.Should().Be(0);
    }

    private static async Task<List<int>> LinksAsync(SyncRig rig, SyncEntity entity) =>
        (await rig.State.ReadLinksAsync(rig.Server.Shop.ApiId, entity).ToListAsync()).Select(l => l.LocalId).Order().ToList();

    /// <summary>
    /// A store whose goods reader, after its last row, stays open until a product link was written (or the hold ran
    /// out), and a sync state that notes whether links were written while it was open; optionally the n-th link write
    /// fails. <see cref="Store"/> and <see cref="State"/> wrap the real ones and share what they see.
    /// </summary>
    /// <param name="hold">How long the reader waits at most.</param>
    /// <param name="failOnProductWrite">The product link write (counted from 1) that fails; 0: none.</param>
    /// <param name="holdUntilProductWrites">The reader waits until this many product link writes were tried.</param>
    internal sealed class HeldGoods(TimeSpan hold, int failOnProductWrite = 0, int holdUntilProductWrites = 1)
    {
        private readonly TimeSpan _hold = hold;
        private readonly int _failOnProductWrite = failOnProductWrite;
        private readonly int _holdUntilProductWrites = holdUntilProductWrites;
                private int _productWrites;
        private volatile bool _readerOpen;
        private readonly TaskCompletionSource _productLinkWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool LinksWrittenWhileReading { get; private set; }

        public bool ReaderOpenAtFailure { get; private set; }

        public IWarehouseStore Store(IWarehouseStore inner) => HeldProxy.Wrap(inner, this);

        public ISyncStateStore State(ISyncStateStore inner) => HeldProxy.Wrap(inner, this);

        internal object? Invoke(MethodInfo targetMethod, object?[]? args, object inner)
        {
            if (targetMethod.Name == nameof(ISyncStateStore.SaveLinksAsync))
            {
                var links = (IReadOnlyCollection<SyncLink>)args![1]!;
                var products = links.Any(l => l.Entity == SyncEntity.Product);
                if (products && _readerOpen)
                {
                    LinksWrittenWhileReading = true;
                }

                var write = products ? Interlocked.Increment(ref _productWrites) : 0;
                var last = products && write >= _holdUntilProductWrites;
                if (products && write == _failOnProductWrite)
                {
                    ReaderOpenAtFailure = _readerOpen;
                    if (last)
                    {
                        _productLinkWritten.TrySetResult();
                    }

                    return Task.FromException(new SimulatedCrashException("writing links"));
                }

                var written = (Task)ProxyCall.Forward(targetMethod, args, inner)!;
                return last ? Noted(written) : written;
            }

            var result = ProxyCall.Forward(targetMethod, args, inner);
            return targetMethod.Name == nameof(IWarehouseStore.ReadGoodsForShopAsync)
                ? Held((IAsyncEnumerable<Good>)result!, (CancellationToken)args![^1]!)
                : result;
        }

        private async Task Noted(Task written)
        {
            try
            {
                await written;
            }
            finally
            {
                _productLinkWritten.TrySetResult();
            }
        }

        private async IAsyncEnumerable<Good> Held(IAsyncEnumerable<Good> goods, [EnumeratorCancellation] CancellationToken ct = default)
        {
            _readerOpen = true;
            try
            {
                await foreach (var good in goods.WithCancellation(ct))
                {
                    yield return good;
                }

                try
                {
                    await _productLinkWritten.Task.WaitAsync(_hold, ct);
                }
                catch (TimeoutException)
                {
                    // No link was written while the reader was open: the engine waits for every reader first.
                }
            }
            finally
            {
                _readerOpen = false;
            }
        }

    }
    /// <summary>Hands every call of either store to the <see cref="HeldGoods"/> that watches them.</summary>
    public class HeldProxy : DispatchProxy
    {
        private object _inner = null!;
        private HeldGoods _held = null!;

        internal static T Wrap<T>(T inner, HeldGoods held)
            where T : class
        {
            var proxy = Create<T, HeldProxy>();
            var self = (HeldProxy)(object)proxy;
            self._inner = inner;
            self._held = held;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            return _held.Invoke(targetMethod, args, _inner);
        }
    }
}
