using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sync;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Sync;

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
        await CopyGoodAsync(rig, seed.Charger, Copies);
        HeldGoodsStore? held = null;

        // The goods reader stays open after its last row until a product link is written (or a while has passed).
        var report = await rig.Engine(store: s => HeldGoodsStore.Wrap(s, whileReading ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(1), out held)).ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        held!.LinksWrittenWhileReading.Should().Be(whileReading);
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
        await CopyGoodAsync(rig, seed.Charger, Copies);
        HeldGoodsStore? held = null;
        // Link writes: the categories (one batch), then the products; the second product batch's write fails while the
        // reader is open.
        var engine = rig.Engine(store: s => HeldGoodsStore.Wrap(s, TimeSpan.FromSeconds(30), out held, failOnLinkWrite: 3, holdUntilProductWrites: 2));

        var crash = () => engine.ExportAsync();

        await crash.Should().ThrowAsync<SimulatedCrashException>();
        held!.LinksWrittenWhileReading.Should().BeTrue();
        held.ReaderOpenAtFailure.Should().BeTrue("the write failed while the goods reader was still open");
        (await LinksAsync(rig, SyncEntity.Product)).Should().HaveCount(BatchSize, "only the first batch's write went through").And.Contain(seed.Cable);
        (await LinksAsync(rig, SyncEntity.Stock)).Should().BeEmpty();

        var next = await rig.Engine().ExportAsync();

        next.Outcome.Should().Be(RunOutcome.Succeeded, next.Error);
        next.Export!.ItemsSent.Should().Be(Goods - BatchSize + Goods, "the products not remembered, and every stock level; not the products remembered");
        (next.Export.Products.Created + next.Export.Products.Updated + next.Export.Products.Unchanged).Should().Be(Goods);
        (await LinksAsync(rig, SyncEntity.Product)).Should().HaveCount(Goods);
        (await LinksAsync(rig, SyncEntity.Stock)).Should().HaveCount(Goods);
        rig.Shop.State.Products.Should().HaveCount(Goods, "a product sent again is updated by its externalId, never duplicated");
        (await rig.Engine().ExportAsync()).Export!.ItemsSent.Should().Be(0);
    }

    /// <summary>Copies a good <paramref name="count"/> times (new codes), in one transaction.</summary>
    private static async Task CopyGoodAsync(SyncRig rig, int goodId, int count)
    {
        await using var connection = rig.Open();
        await connection.OpenAsync();
        var columns = ((IDictionary<string, object>)(await connection.QueryAsync("SELECT * FROM goods WHERE ID = @goodId", new { goodId })).Single()).Keys
            .Where(c => !c.Equals("ID", StringComparison.OrdinalIgnoreCase)).ToList();
        var insert = $"INSERT INTO goods ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(c => c.Equals("Code", StringComparison.OrdinalIgnoreCase) ? "@Code" : c))} FROM goods WHERE ID = @goodId";
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
        {
            await connection.ExecuteAsync(insert, new { Code = $"W{i}", goodId }, transaction);
        }

        await transaction.CommitAsync();
    }

    private static async Task<List<int>> LinksAsync(SyncRig rig, SyncEntity entity) =>
        (await rig.Store.ReadLinksAsync(rig.Server.Shop.ApiId, entity).ToListAsync()).Select(l => l.LocalId).Order().ToList();

    /// <summary>
    /// A store whose goods reader, after its last row, stays open until a product link was written (or the hold ran
    /// out), and which notes whether links were written while it was open; optionally the n-th link write fails.
    /// </summary>
    public class HeldGoodsStore : DispatchProxy
    {
        private IWarehouseStore _inner = null!;
        private TimeSpan _hold;
        private int _failOnLinkWrite;
        private int _linkWrites;
        private int _productWrites;
        private int _holdUntilProductWrites;
        private volatile bool _readerOpen;
        private readonly TaskCompletionSource _productLinkWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool LinksWrittenWhileReading { get; private set; }

        public bool ReaderOpenAtFailure { get; private set; }

        /// <param name="inner">The real store.</param>
        /// <param name="hold">How long the reader waits at most.</param>
        /// <param name="held">The proxy, to ask what it saw.</param>
        /// <param name="failOnLinkWrite">The link write (counted over all entities, from 1) that fails; 0: none.</param>
        /// <param name="holdUntilProductWrites">The reader waits until this many product link writes were tried.</param>
        public static IWarehouseStore Wrap(IWarehouseStore inner, TimeSpan hold, out HeldGoodsStore held, int failOnLinkWrite = 0, int holdUntilProductWrites = 1)
        {
            var proxy = Create<IWarehouseStore, HeldGoodsStore>();
            held = (HeldGoodsStore)(object)proxy;
            held._inner = inner;
            held._hold = hold;
            held._failOnLinkWrite = failOnLinkWrite;
            held._holdUntilProductWrites = holdUntilProductWrites;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IWarehouseStore.SaveLinksAsync))
            {
                var links = (IReadOnlyCollection<SyncLink>)args![1]!;
                var products = links.Any(l => l.Entity == SyncEntity.Product);
                if (products && _readerOpen)
                {
                    LinksWrittenWhileReading = true;
                }

                var last = products && Interlocked.Increment(ref _productWrites) >= _holdUntilProductWrites;
                if (Interlocked.Increment(ref _linkWrites) == _failOnLinkWrite)
                {
                    ReaderOpenAtFailure = _readerOpen;
                    if (last)
                    {
                        _productLinkWritten.TrySetResult();
                    }

                    return Task.FromException(new SimulatedCrashException("writing links"));
                }

                var written = (Task)Invoke(targetMethod, args, _inner)!;
                return last ? Noted(written) : written;
            }

            var result = Invoke(targetMethod, args, _inner);
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

        private static object? Invoke(MethodInfo method, object?[]? args, IWarehouseStore inner)
        {
            try
            {
                return method.Invoke(inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
