using System.Runtime.ExceptionServices;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sync.Export;

/// <summary>
/// The export of a run: categories first (products refer to them), then every other read at once — goods, partners,
/// stock levels and the links of each, each reader on its own connection and thread. Full batches of changed products
/// and customers go to the shop while the reads go on; what the shop answered is remembered (links and hashes written)
/// only when every reader has closed, in the order the shop needs: products, customers, then stock (which covers the
/// products just created).
/// </summary>
/// <remarks>
/// Reading before writing is what lets the reads overlap: SQLite with a rollback journal cannot commit a write while a
/// reader is open, and no write happens until the reads are done (sending touches no database). A run where nothing
/// changed sends and writes nothing; its time is that of the longest read, not of the sum of them.
/// </remarks>
internal static class ExportPipeline
{
    /// <summary>Runs the export, timing its phases into the report.</summary>
    public static async Task RunAsync(SyncSession session, CancellationToken ct)
    {
        var goods = session.Server.Export.Goods;
        var partners = session.Server.Export.Partners;
        if (goods)
        {
            await session.TimeAsync("export.categories", () => CategoryExporter.RunAsync(session, ct)).ConfigureAwait(false);
        }

        // Full batches go to the shop while the reads go on (sending touches no database), under this token: a read that
        // fails stops them, and it lives until the last batch is answered.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var (products, customers, stock) = await session.TimeAsync("export.read", () => ReadAsync(session, goods, partners, stop)).ConfigureAwait(false);
        if (products is not null)
        {
            await session.TimeAsync("export.products", () => products.FlushAsync(ct)).ConfigureAwait(false);
        }

        if (customers is not null)
        {
            await session.TimeAsync("export.customers", () => customers.FlushAsync(ct)).ConfigureAwait(false);
        }

        await session.TimeAsync("export.stock", () => StockExporter.SendAsync(session, stock, ct)).ConfigureAwait(false);
        if (session.FirstExportUnderWay)
        {
            // Finished: what the shop holds is linked now, and the mark must not vouch for records that appear later.
            await session.State.SaveMarkAsync(session.Scope, Matching.FirstRunGuard.ShopWasEmptyMark, null, ct).ConfigureAwait(false);
        }
    }

    private static async Task<(DeltaSender<ProductUpsert>? Products, DeltaSender<CustomerUpsert>? Customers, StockExporter.Plan Stock)> ReadAsync(
        SyncSession session, bool goods, bool partners, CancellationTokenSource stop)
    {
        var token = stop.Token;
        // The goods are the longest read (a reader and a comparer thread of their own); stock and partners, shorter, go one
        // after the other beside them: more readers at once than cores would only take turns.
        var products = goods ? Task.Run(() => ProductExporter.PrepareAsync(session, token), token) : null;
        var rest = Task.Run(async () =>
        {
            var stock = await StockExporter.PrepareAsync(session, token).ConfigureAwait(false);
            var customers = partners ? await CustomerExporter.PrepareAsync(session, token).ConfigureAwait(false) : null;
            return (Stock: stock, Customers: customers);
        }, token);
        await WhenAllAsync(stop, [products, rest]).ConfigureAwait(false);
        var (stockPlan, customerSender) = await rest.ConfigureAwait(false);
        return (products is null ? null : await products.ConfigureAwait(false), customerSender, stockPlan);
    }

    /// <summary>
    /// Waits for every task. The first failure cancels the others through <paramref name="stop"/>, and is thrown once they
    /// have all ended, so no reader is left open behind it; what the others ended with after that is no news.
    /// </summary>
    internal static async Task WhenAllAsync(CancellationTokenSource stop, IEnumerable<Task?> tasks)
    {
        var pending = tasks.OfType<Task>().ToList();
        ExceptionDispatchInfo? first = null;
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            try
            {
                await done.ConfigureAwait(false);
            }
            catch (Exception e) when (first is null)
            {
                first = ExceptionDispatchInfo.Capture(e);
                await stop.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A task stopped because another failed first.
            }
        }

        first?.Throw();
    }
}
