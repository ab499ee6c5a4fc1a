using System.Threading.Channels;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Export;

/// <summary>
/// Goods → shop products. The service rows and the library's own shipping good never go; a deleted good goes only
/// when the shop already has it (as inactive), so deletions reach the shop without creating dead products.
/// </summary>
/// <remarks>
/// Two steps, so that a run reads everything before it writes anything (SQLite with a rollback journal cannot commit
/// the link writes while a reader is open): <see cref="PrepareAsync"/> reads and compares, keeping only the changed
/// products and sending each full batch at once; the caller then sends the rest and remembers what the shop answered
/// (<see cref="DeltaSender{TItem}.FlushAsync"/>) once every reader has closed.
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
    /// links load meanwhile.
    /// </summary>
    public static async Task<DeltaSender<ProductUpsert>> PrepareAsync(SyncSession session, CancellationToken ct)
    {
        var linksTask = session.ProductLinksAsync(ct);
        // Room for most of the goods read while the links load (16,000; 100,000 links take about as long as 30,000 goods), so
        // the reader seldom waits for them, at ~10 MB held.
        var queue = Channel.CreateBounded<Good[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(() => ReadGoodsAsync(session, queue.Writer, stop.Token), stop.Token);
        try
        {
            var links = await linksTask.ConfigureAwait(false);
            var sender = new DeltaSender<ProductUpsert>(session, links, "products", session.Report.Export!.Products, session.Api.UpsertProductsAsync);
            var basis = session.Basis;
            var column = session.Server.Export.PriceColumn;
            var shippingCode = session.Server.Import.ShippingGoodCode.Trim();
            await foreach (var chunk in queue.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
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

            await reader.ConfigureAwait(false);
            return sender;
        }
        catch (Exception)
        {
            // Stop the reader and let it close its connection; when it failed first, its error is the one to report.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reader.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }

            throw;
        }
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
