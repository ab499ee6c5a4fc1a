using System.Threading.Channels;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>
/// Goods → shop products. The service rows and the library's own shipping good never go; a deleted good goes only
/// when the shop already has it (as inactive), so deletions reach the shop without creating dead products.
/// </summary>
/// <remarks>
/// <see cref="ReadAsync"/> reads and compares, keeping only the changed products; each full batch goes to the shop at
/// once (the sender is a stage of the caller's), and what the shop answered is remembered by the caller
/// (<see cref="DeltaSender{TItem}.RememberAsync(CancellationToken)"/>) — as it answers where the warehouse lets a write run beside the
/// readers, else once every reader has closed.
/// </remarks>
internal static class ProductExporter
{
    /// <summary>
    /// Goods handed from the reader to the comparer at a time: large enough that the two threads seldom wait for each
    /// other (every hand-over may wake a thread, and an idle pool thread spins), small enough to hold little.
    /// </summary>
    private const int ChunkSize = 1024;

    /// <summary>
    /// Reads the goods and keeps the products whose content changed. The reading (the driver and the row mapping) runs on
    /// one thread while mapping, hashing and comparing run on another, joined by a short queue of chunks; the product
    /// links load meanwhile (<paramref name="links"/>). The sender is handed to <paramref name="sender"/> as soon as the
    /// links are there, and completed when the last good was compared; it tells <paramref name="accepted"/> which goods
    /// the shop accepted, answer by answer.
    /// </summary>
    public static Task ReadAsync(
        SyncSession session, Task<LinkTable> links, TaskCompletionSource<DeltaSender<ProductUpsert>> sender, Action<int[]>? accepted, CancellationToken ct)
    {
        // Room for most of the goods read while the links load (16,000; 100,000 links take about as long as 30,000 goods), so
        // the reader seldom waits for them, at ~10 MB held.
        var queue = Channel.CreateBounded<Good[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        return Stages.RunAsync(
            [t => ReadGoodsAsync(session, queue.Writer, t), t => CompareAsync(session, links, queue.Reader, sender, accepted, t)],
            ct);
    }

    private static async Task CompareAsync(
        SyncSession session,
        Task<LinkTable> linksTask,
        ChannelReader<Good[]> queue,
        TaskCompletionSource<DeltaSender<ProductUpsert>> ready,
        Action<int[]>? accepted,
        CancellationToken ct)
    {
        var links = await linksTask.WaitAsync(ct).ConfigureAwait(false);
        var sender = new DeltaSender<ProductUpsert>(session, links, ExportedEntity.Products, session.Api.UpsertProductsAsync, sendsAsStage: true, accepted);
        if (!ready.TrySetResult(sender))
        {
            // The step stopped before the sender was handed over: it would never be run.
            throw new OperationCanceledException("The export stopped before the sender was handed over.", ct);
        }

        var basis = session.Basis;
        var column = session.Server.Export.PriceColumn;
        var shippingCode = session.Server.Import.ShippingGoodCode.Trim();
        await foreach (var chunk in queue.ReadAllAsync(ct).ConfigureAwait(false))
        {
            foreach (var good in chunk)
            {
                if (good.Id <= 1 || string.Equals(good.Code.Trim(), shippingCode, StringComparison.OrdinalIgnoreCase) ||
                    (good.IsDeleted && links.ByLocal(good.Id)?.RemoteId is null))
                {
                    continue;
                }

                // Only the changed products stay in memory: a run where little changed holds next to nothing.
                sender.Hold(good.Id, ProductMapper.Map(good, column, basis), ct);
            }
        }

        sender.Complete(ct);
    }

    private static async Task ReadGoodsAsync(SyncSession session, ChannelWriter<Good[]> queue, CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            var chunk = new List<Good>(ChunkSize);
            await foreach (var good in session.Store.ReadGoodsForShopAsync(session.Server.Export.PriceColumn, ct).ConfigureAwait(false))
            {
                chunk.Add(good);
                if (chunk.Count == ChunkSize)
                {
                    await queue.WriteAsync([.. chunk], ct).ConfigureAwait(false);
                    chunk.Clear();
                }
            }

            if (chunk.Count > 0)
            {
                await queue.WriteAsync([.. chunk], ct).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            queue.TryComplete(failure);
        }
    }
}
