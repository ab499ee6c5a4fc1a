using System.Threading.Channels;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>
/// The export of a run: categories first (products refer to them), then every other read at once — goods, partners,
/// stock levels and the links of each, each reader on its own connection and thread — as stages of one step
/// (<see cref="Stages"/>): the readers, the comparers, one sender per entity and, where the warehouse lets a write run
/// beside the readers, the link writers. Full batches of changed products and customers go to the shop while the reads
/// go on, and so does the stock: of the goods linked before the run at once, of a product just created as soon as the
/// shop accepted it (<see cref="StockExporter.StreamAsync"/>). What the shop answered is remembered (links and hashes
/// written) — products then customers by one writer, the stock by its own — as the shop answers where
/// <see cref="SyncSession.WritesWhileReading"/>, else once every reader has closed; the stock the step did not send (the
/// goods the last, partial product batch links) goes after it.
/// </summary>
/// <remarks>
/// The first failure of any stage cancels the others and is the one thrown, once they have all ended (no reader is left
/// open behind it); what the shop answered before it is remembered all the same. The link tables the comparers read are
/// frozen: the writer collects the answers beside them (<see cref="DeltaSender{TItem}.Links"/>), so writing while reading
/// changes no table a reader uses. A run where nothing changed sends and writes nothing; its time is that of the longest
/// read, not of the sum of them.
/// </remarks>
internal static class ExportPipeline
{
    /// <summary>Runs the export, timing its phases into the report.</summary>
    /// <param name="session">The run.</param>
    /// <param name="firstExportUnderWay">
    /// This run is a first export to a shop that was empty (<see cref="Matching.FirstRunGuard.ShopWasEmptyMark"/>, as
    /// <see cref="Matching.FirstRunGuard.RunAsync"/> found): the export clears the mark once it has finished.
    /// </param>
    /// <param name="ct">Cancellation.</param>
    public static async Task RunAsync(SyncSession session, bool firstExportUnderWay, CancellationToken ct)
    {
        var goods = session.Server.Export.Goods;
        var partners = session.Server.Export.Partners;
        if (goods)
        {
            await session.TimeAsync("export.categories", () => CategoryExporter.RunAsync(session, ct)).ConfigureAwait(false);
        }

        var run = new Run(session, goods, partners, ct);
        try
        {
            await session.TimeAsync("export.read", () => Stages.RunAsync(run.Stages(), ct)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Every stage has ended: what the shop answered and is not written yet is remembered before the run fails.
            await run.RememberLeftAsync(ct).ConfigureAwait(false);
            throw;
        }

        // The last, partial batches go now that the reads are done; where the writer ran beside the readers, they are all
        // that is left to remember.
        if (run.Products is { } products)
        {
            await session.TimeAsync("export.products", () => products.FlushAsync(ct)).ConfigureAwait(false);
        }

        if (run.Customers is { } customers)
        {
            await session.TimeAsync("export.customers", () => customers.FlushAsync(ct)).ConfigureAwait(false);
        }

        var productLinks = run.Products?.Links ?? await run.ProductLinks.ConfigureAwait(false);
        await session.TimeAsync("export.stock", async () =>
        {
            // The stock that streamed beside the products: its last, partial batch; then whatever did not stream.
            await run.StockSender!.FlushAsync(ct).ConfigureAwait(false);
            await StockExporter.SendAsync(session, await run.Stock.ConfigureAwait(false), productLinks, run.Streamed, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (firstExportUnderWay)
        {
            // Finished: what the shop holds is linked now, and the mark must not vouch for records that appear later.
            await session.State.SaveMarkAsync(session.Scope, Matching.FirstRunGuard.ShopWasEmptyMark, null, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The stages of the read step, and what they hand each other (each handed over once, by a task).</summary>
    private sealed class Run(SyncSession session, bool goods, bool partners, CancellationToken runToken)
    {
        private readonly TaskCompletionSource<LinkTable> _productLinks = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<DeltaSender<ProductUpsert>> _products = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<DeltaSender<CustomerUpsert>> _customers = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<DeltaSender<StockUpsert>> _stock = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<StockExporter.Plan> _stockPlan = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // The local IDs of the products the shop accepted, batch by batch as it answers: their stock may go at once.
        private readonly Channel<int[]> _accepted = Channel.CreateUnbounded<int[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        /// <summary>The product links as the run found them (shared by the product comparer and the stock plan).</summary>
        public Task<LinkTable> ProductLinks => _productLinks.Task;

        /// <summary>The product sender, once the read step made it.</summary>
        public DeltaSender<ProductUpsert>? Products => _products.Task.IsCompletedSuccessfully ? _products.Task.Result : null;

        /// <summary>The customer sender, once the read step made it.</summary>
        public DeltaSender<CustomerUpsert>? Customers => _customers.Task.IsCompletedSuccessfully ? _customers.Task.Result : null;

        /// <summary>What the stock read planned.</summary>
        public Task<StockExporter.Plan> Stock => _stockPlan.Task;

        /// <summary>The stock sender beside the product sends, once the read step made it.</summary>
        public DeltaSender<StockUpsert>? StockSender => _stock.Task.IsCompletedSuccessfully ? _stock.Task.Result : null;

        /// <summary>What of the stock went beside the product sends.</summary>
        public StockExporter.Streamed Streamed { get; } = new();

        public List<Func<CancellationToken, Task>> Stages()
        {
            // The goods are the longest read (a reader and a comparer of their own); stock and partners, shorter, go one
            // after the other beside them: more readers at once than cores would only take turns.
            var stages = new List<Func<CancellationToken, Task>>
            {
                async t => _productLinks.SetResult(await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Product, t).ConfigureAwait(false)),
                async t =>
                {
                    _stockPlan.SetResult(await StockExporter.PrepareAsync(session, ProductLinks, t).ConfigureAwait(false));
                    if (partners)
                    {
                        await CustomerExporter.ReadAsync(session, _customers, t).ConfigureAwait(false);
                    }
                },
            };
            if (goods)
            {
                stages.Add(t => ProductExporter.ReadAsync(session, ProductLinks, _products, ids => _accepted.Writer.TryWrite(ids), t));
                stages.Add(async t =>
                {
                    try
                    {
                        await SendWhenReadyAsync(_products, t).ConfigureAwait(false);
                    }
                    finally
                    {
                        // What the last, partial batch links after the step is not streamed: SendAsync takes it.
                        _accepted.Writer.TryComplete();
                    }
                });
            }
            else
            {
                _accepted.Writer.TryComplete();
            }

            stages.Add(t => StockExporter.StreamAsync(session, Stock, _accepted.Reader, _stock, Streamed, t));
            stages.Add(t => SendWhenReadyAsync(_stock, t));

            if (partners)
            {
                stages.Add(t => SendWhenReadyAsync(_customers, t));
            }

            if (session.WritesWhileReading)
            {
                stages.Add(WriteLinksAsync);

                // The stock's own writer: its links go beside the products', not behind them.
                stages.Add(async t => await (await _stock.Task.WaitAsync(t).ConfigureAwait(false)).RememberAsync(t, runToken).ConfigureAwait(false));
            }

            return stages;
        }

        /// <summary>
        /// The sender stage of an entity, once its comparer made the sender. Stopped before that, it cancels the hand-over,
        /// so a sender either never exists or has its stage run (which, even cancelled, closes its answers: whoever
        /// remembers them never waits for a sender that did not run).
        /// </summary>
        private static async Task SendWhenReadyAsync<TItem>(TaskCompletionSource<DeltaSender<TItem>> ready, CancellationToken stage)
        {
            DeltaSender<TItem> sender;
            try
            {
                sender = await ready.Task.WaitAsync(stage).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ready.TrySetCanceled(stage))
            {
                // Made just now: its stage runs all the same, cancelled.
                sender = await ready.Task.ConfigureAwait(false);
            }

            await sender.SendAsync(stage).ConfigureAwait(false);
        }

        /// <summary>
        /// The link writer beside the readers: the products' answers as they come, then the customers'. It waits for the
        /// senders and their answers under the stage's token, but writes under the run's own: a failure elsewhere must not
        /// cut short the write of what the shop already answered. A write that fails stops it: nothing is remembered
        /// after it (<see cref="RememberLeftAsync"/> neither).
        /// </summary>
        private async Task WriteLinksAsync(CancellationToken stage)
        {
            if (goods)
            {
                await (await _products.Task.WaitAsync(stage).ConfigureAwait(false)).RememberAsync(stage, runToken).ConfigureAwait(false);
            }

            if (partners)
            {
                await (await _customers.Task.WaitAsync(stage).ConfigureAwait(false)).RememberAsync(stage, runToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// After a failure (every stage has ended, and a stage stopped before it started never ran): remembers, in order,
        /// the answers no writer took yet, without waiting for more — the customers' only once every product answer is
        /// written, as on the way without failure. A failed write ends it: the run's failure is the one that counts.
        /// </summary>
        public async Task RememberLeftAsync(CancellationToken ct)
        {
            try
            {
                if (Products is { } products)
                {
                    await products.RememberAnsweredAsync(ct).ConfigureAwait(false);
                }

                if (Customers is { } customers)
                {
                    await customers.RememberAnsweredAsync(ct).ConfigureAwait(false);
                }

                if (StockSender is { } stock)
                {
                    await stock.RememberAnsweredAsync(ct).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // The sender's own failure, a write the warehouse refused, or the run's cancellation.
            }
        }
    }
}
