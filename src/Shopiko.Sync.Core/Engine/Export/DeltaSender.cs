using System.Globalization;
using System.Threading.Channels;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>
/// The export delta for one entity: each item's content hash is compared with the one remembered; only changed items
/// are buffered and sent in batches of at most the batch size, and every batch's accepted items are remembered
/// (link and hash) in one write. With <see cref="SyncRunOptions.Full"/> the hashes are ignored.
/// </summary>
/// <remarks>
/// <para>
/// Three steps joined by channels: the comparer (<see cref="Hold(int, TItem, CancellationToken)"/>, on the caller's
/// flow) queues full batches; one sender (<see cref="SendAsync"/>) sends them one request at a time, also while the
/// caller's reader is still open (sending touches no database), and queues the shop's answers in batch order; one
/// rememberer (<see cref="RememberAsync(CancellationToken)"/>, or <see cref="OfferAsync(int, TItem, CancellationToken)"/> one batch at a
/// time) counts them and writes their links, one write at a time, while the next batch is with the shop.
/// </para>
/// <para>
/// The link table compared against is frozen and never changes during the run (<see cref="LinkTable.Freeze"/>): what the
/// shop answered is collected beside it, and <see cref="Links"/> makes the table as it is now from both. So the
/// rememberer may run beside the comparer — where the warehouse lets it write while reading — without a rule about who
/// may change the table when.
/// </para>
/// <para>
/// The guarantees stay those of sending and saving one batch after the other: a link and hash are remembered only for
/// items the shop accepted, after it answered; a failed batch stops the ones behind it, and the answers before it are
/// still remembered; a crash or failure anywhere leaves at most items the shop has but the warehouse does not remember,
/// and the next run sends those again (batch upserts are keyed by externalId).
/// </para>
/// </remarks>
internal sealed class DeltaSender<TItem> : IAsyncDisposable
{
    private readonly SyncSession _session;
    private readonly LinkTable _links;
    private readonly string _entityName;
    private readonly ExportedEntity _entity;
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> _send;
    private readonly bool _sendsAsStage;
    private readonly Action<int[]>? _accepted;
    private readonly List<(int LocalId, TItem Item, string Hash)> _buffer = [];
    private readonly Channel<Batch> _batches = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Channel<Answer> _answers = Channel.CreateUnbounded<Answer>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly List<SyncLink> _remembered = [];
    private Task? _sending;
    private int _queued;
    private int _taken;
    private long _done;
    private volatile bool _stopped;
    private bool _rememberFailed;

    /// <param name="session">The run.</param>
    /// <param name="links">The entity's links as the run found them (frozen here: they are shared with the sender's threads).</param>
    /// <param name="entity">What it sends: where the run's collector counts it, and its name in the report and the logs.</param>
    /// <param name="send">The shop request for one batch.</param>
    /// <param name="sendsAsStage">
    /// The caller runs <see cref="SendAsync"/> itself as a stage beside its readers (so one failure stops them all);
    /// otherwise the sender starts with the first full batch, on a pool thread.
    /// </param>
    /// <param name="accepted">
    /// Told, on the sender's thread as each answer arrives (before it is remembered), the local IDs of the items the shop
    /// accepted: what depends on the shop knowing them (the stock of a product just created) need not wait for the links.
    /// </param>
    public DeltaSender(
        SyncSession session,
        LinkTable links,
        ExportedEntity entity,
        Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> send,
        bool sendsAsStage = false,
        Action<int[]>? accepted = null)
    {
        _session = session;
        _links = links.Freeze();
        _entity = entity;
        _entityName = RunCollector.NameOf(entity);
        _send = send;
        _sendsAsStage = sendsAsStage;
        _accepted = accepted;
    }

    /// <summary>The links as they are now: those the run found, with what the shop answered so far remembered on top.</summary>
    public LinkTable Links => _links.With(_remembered);

    /// <summary>
    /// Offers an item; it is sent only when its content changed (or the run is full). At most one batch waits behind the
    /// one with the shop: when more do, this remembers the oldest answer (writes its links) before it returns.
    /// </summary>
    public Task OfferAsync(int localId, TItem item, CancellationToken ct) => OfferAsync(localId, item, ContentHash.Compute(item), ct);

    /// <summary>As <see cref="OfferAsync(int, TItem, CancellationToken)"/>, with the content hash the caller computed (e.g. on another thread).</summary>
    public async Task OfferAsync(int localId, TItem item, ContentHash.Digest hash, CancellationToken ct)
    {
        if (!Hold(localId, item, hash, ct))
        {
            return;
        }

        while (_queued - _taken > 1)
        {
            await RememberNextAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps an item to send when its content changed (or the run is full), without writing to the store: a full batch
    /// goes to the shop at once; what the shop answers is remembered by <see cref="RememberAsync(CancellationToken)"/>. Returns whether it
    /// was kept. Only what changed stays in memory.
    /// </summary>
    /// <param name="localId">The warehouse id.</param>
    /// <param name="item">What the shop gets.</param>
    /// <param name="ct">Cancels the sends this starts (pass the run's token).</param>
    public bool Hold(int localId, TItem item, CancellationToken ct = default) => Hold(localId, item, ContentHash.Compute(item), ct);

    /// <summary>As <see cref="Hold(int, TItem, CancellationToken)"/>, with the content hash the caller computed.</summary>
    public bool Hold(int localId, TItem item, ContentHash.Digest hash, CancellationToken ct = default)
    {
        // Compared without making the hash's text: an unchanged item costs no allocation.
        if (!_session.Options.Full && hash.Matches(_links.ByLocal(localId)?.ContentHash))
        {
            _session.Collector.Count(_entity, ItemOutcome.Unchanged);
            _session.Metrics.ItemUnchanged(_session, _entityName);
            return false;
        }

        _buffer.Add((localId, item, hash.ToString()));
        if (_buffer.Count >= _session.BatchSize)
        {
            Enqueue(ct);
        }

        return true;
    }

    /// <summary>
    /// No more items. Without a staged sender what is buffered goes as the last batch and the sender ends after it; with
    /// one (<c>sendsAsStage</c>) the sender ends after the last full batch, and the rest waits for
    /// <see cref="FlushAsync"/>: while the reads go on only full batches go to the shop.
    /// </summary>
    public void Complete(CancellationToken ct = default)
    {
        if (!_sendsAsStage && _buffer.Count > 0)
        {
            Enqueue(ct);
        }

        _batches.Writer.TryComplete();
        if (!_sendsAsStage && _sending is null)
        {
            // Nothing was ever queued, so no sender runs to say it ended.
            _answers.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Sends everything buffered and remembers what the shop accepted; returns when every link is written. With a
    /// staged sender, call it once that stage has ended: it remembers the answers left, then sends the last, partial batch.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        Complete(ct);
        await RememberAsync(ct).ConfigureAwait(false);
        if (_buffer.Count > 0)
        {
            // The staged sender has ended: this batch goes from here, after every answer before it was remembered.
            var batch = new Batch([.. _buffer]);
            _buffer.Clear();
            _queued++;
            var results = await SendBatchAsync(batch, ct).ConfigureAwait(false);
            _taken++;
            await GuardAsync(() => ApplyAsync(new Answer(batch, results), ct)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The sender: sends the queued batches one request at a time, in order, until <see cref="Complete"/>, and queues
    /// the answers. A failure (or cancellation) is queued after the answers before it and thrown; nothing more is sent.
    /// </summary>
    public async Task SendAsync(CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            while (await _batches.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (_batches.Reader.TryRead(out var batch))
                {
                    ct.ThrowIfCancellationRequested();
                    if (_stopped)
                    {
                        throw new OperationCanceledException("The run stopped before this batch was sent.");
                    }

                    var results = await SendBatchAsync(batch, ct).ConfigureAwait(false);
                    _answers.Writer.TryWrite(new Answer(batch, results));
                }
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            _answers.Writer.TryComplete(failure);
        }
    }

    /// <summary>
    /// The rememberer: takes every answer in batch order, counts it and writes its links, one write at a time, until the
    /// sender ended; throws the sender's failure once the answers before it are remembered. After a failure (its own or
    /// the sender's) it remembers nothing more, and says so by throwing.
    /// </summary>
    public Task RememberAsync(CancellationToken ct) => RememberAsync(ct, ct);

    /// <summary>
    /// As <see cref="RememberAsync(CancellationToken)"/>, waiting for answers under <paramref name="wait"/> but writing
    /// under <paramref name="write"/>: a writer stopped beside failing readers still finishes the write it began.
    /// </summary>
    public async Task RememberAsync(CancellationToken wait, CancellationToken write)
    {
        while (await RememberNextAsync(wait, write).ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// After the stages ended with a failure: remembers the answers already there, without waiting for more (a sender
    /// stopped before it ran never answers).
    /// </summary>
    public async Task RememberAnsweredAsync(CancellationToken ct)
    {
        ThrowIfRememberFailed();
        while (_answers.Reader.TryRead(out var answer))
        {
            _taken++;
            await GuardAsync(() => ApplyAsync(answer, ct)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The run stops: nothing more goes to the shop, the batches still queued are dropped, and this waits for a request
    /// under way (nothing may run on after the run).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        _batches.Writer.TryComplete();
        if (_sending is { } sending)
        {
            try
            {
                await sending.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Whoever remembers the answers got this failure; the run is ending with the error that matters.
            }
        }
    }

    /// <summary>Sends one batch (nothing in a dry run) and tells <see cref="_accepted"/> what the shop took.</summary>
    private async Task<IReadOnlyList<BatchItemResult>> SendBatchAsync(Batch batch, CancellationToken ct)
    {
        if (_session.DryRun)
        {
            return [];
        }

        var results = await _send(batch.Items(), ct).ConfigureAwait(false);
        if (_accepted is { } accepted)
        {
            var ids = new List<int>(batch.Rows.Length);
            for (var i = 0; i < batch.Rows.Length && i < results.Count; i++)
            {
                if (results[i] is { Succeeded: true, Id: not null })
                {
                    ids.Add(batch.Rows[i].LocalId);
                }
            }

            accepted([.. ids]);
        }

        return results;
    }

    /// <summary>Queues the buffer as one batch (sent once the batch before it has its answer, never two at once).</summary>
    private void Enqueue(CancellationToken ct)
    {
        var batch = new Batch([.. _buffer]);
        _buffer.Clear();
        if (!_batches.Writer.TryWrite(batch))
        {
            throw new InvalidOperationException($"The {_entityName} sender was completed: no more batches.");
        }

        _queued++;
        if (!_sendsAsStage)
        {
            // Off the caller's flow from the start: serialising the batch is work the reader need not wait for.
            _sending ??= Task.Run(() => SendAsync(ct), CancellationToken.None);
        }
    }

    /// <summary>Takes the oldest answer, counts it and writes its links; false when the sender has ended and none is left.</summary>
    private Task<bool> RememberNextAsync(CancellationToken ct) => RememberNextAsync(ct, ct);

    private async Task<bool> RememberNextAsync(CancellationToken wait, CancellationToken write)
    {
        ThrowIfRememberFailed();
        Answer? answer;
        while (!_answers.Reader.TryRead(out answer))
        {
            bool more;
            try
            {
                // Throws the sender's failure once every answer before it was taken.
                more = await _answers.Reader.WaitToReadAsync(wait).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                // Stopped waiting: nothing failed here, and the answers already there may still be remembered.
                throw;
            }
            catch
            {
                Fail();
                throw;
            }

            if (!more)
            {
                return false;
            }
        }

        _taken++;
        return await GuardAsync(() => ApplyAsync(answer, write)).ConfigureAwait(false);
    }

    private void ThrowIfRememberFailed()
    {
        if (_rememberFailed)
        {
            // Nothing is remembered after a failed batch or link write: the next run sends the rest again.
            throw new OperationCanceledException($"An earlier {_entityName} batch or link write of the run failed.");
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> remember)
    {
        try
        {
            return await remember().ConfigureAwait(false);
        }
        catch
        {
            Fail();
            throw;
        }
    }

    /// <summary>A failed batch or link write ends the run: nothing more goes to the shop, nothing more is remembered.</summary>
    private void Fail()
    {
        _rememberFailed = true;
        _stopped = true;
    }

    /// <summary>Counts an answer and writes its links.</summary>
    private async Task<bool> ApplyAsync(Answer answer, CancellationToken ct)
    {
        var (batch, results) = answer;
        if (_session.DryRun)
        {
            Plan(batch.Rows);
            return true;
        }

        var collector = _session.Collector;
        collector.BatchSent(batch.Rows.Length);
        _session.Metrics.ItemsSent(_session, _entityName, batch.Rows.Length);
        var remembered = new List<SyncLink>(batch.Rows.Length);
        for (var i = 0; i < batch.Rows.Length; i++)
        {
            var (localId, _, hash) = batch.Rows[i];
            var result = i < results.Count ? results[i] : null;
            if (result is null || !result.Succeeded)
            {
                collector.Count(_entity, ItemOutcome.Failed);
                _session.Metrics.ItemsFailed(_session, _entityName, 1);
                var reason = result?.Error is { } e ? $"{e.Code}: {e.Message}" : "the shop returned no result for it";
                _session.Quarantine(_entityName, localId.ToString(CultureInfo.InvariantCulture), $"the shop refused it ({reason})");
                Log.ItemRefused(_session.Logger, _entityName, localId.ToString(CultureInfo.InvariantCulture), reason);
                continue;
            }

            collector.Count(_entity, result.Status switch
            {
                BatchItemStatuses.Created => ItemOutcome.Created,
                BatchItemStatuses.Unchanged => ItemOutcome.Unchanged,
                _ => ItemOutcome.Updated,
            });
            collector.Accepted(_entityName, localId);
            remembered.Add(new SyncLink(_links.Entity, localId, result.Id ?? _links.ByLocal(localId)?.RemoteId, hash));
        }

        if (remembered.Count > 0)
        {
            await _session.State.SaveLinksAsync(_session.Scope, remembered, ct).ConfigureAwait(false);
            _remembered.AddRange(remembered);
        }

        _done += batch.Rows.Length;
        _session.Progress("export " + _entityName, _done);
        Log.BatchSent(_session.Logger, _entityName, batch.Rows.Length);
        return true;
    }

    private void Plan((int LocalId, TItem Item, string Hash)[] batch)
    {
        _session.Collector.Plan($"send {batch.Length} {_entityName} ({string.Join(", ", batch.Take(10).Select(b => Describe(b.LocalId, b.Item)))}{(batch.Length > 10 ? ", …" : "")})");
        var updated = batch.Count(b => _links.ByLocal(b.LocalId)?.RemoteId is not null);
        _session.Collector.Count(_entity, ItemOutcome.Updated, updated);
        _session.Collector.Count(_entity, ItemOutcome.Created, batch.Length - updated);
    }

    /// <summary>An item in a plan as the merchant knows it: by code and name, not the warehouse's internal ID.</summary>
    internal static string Describe(int localId, TItem item) => item switch
    {
        ProductUpsert p => $"'{p.Sku}' {p.Name}",
        CustomerUpsert c => string.IsNullOrEmpty(c.Eik) ? $"'{c.Name}'" : $"'{c.Name}' (EIK {c.Eik})",
        CategoryUpsert g => $"'{g.Name}'",
        StockUpsert s => $"good {s.ExternalId}: {s.Quantity.ToString("0.###", CultureInfo.InvariantCulture)}",
        _ => localId.ToString(CultureInfo.InvariantCulture),
    };

    private sealed record Batch((int LocalId, TItem Item, string Hash)[] Rows)
    {
        public TItem[] Items()
        {
            var items = new TItem[Rows.Length];
            for (var i = 0; i < Rows.Length; i++)
            {
                items[i] = Rows[i].Item;
            }

            return items;
        }
    }

    private sealed record Answer(Batch Batch, IReadOnlyList<BatchItemResult> Results);
}
