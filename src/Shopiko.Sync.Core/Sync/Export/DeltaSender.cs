using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Sync.SyncState;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Export;

/// <summary>
/// The export delta for one entity: each item's content hash is compared with the one remembered; only changed items
/// are buffered and sent in batches of at most the batch size, and every batch's accepted items are remembered
/// (link and hash) in one write. With <see cref="SyncRunOptions.Full"/> the hashes are ignored.
/// </summary>
/// <remarks>
/// <para>
/// The work is pipelined, one request to the shop at a time: a full batch is sent as soon as it is complete, also while
/// the caller's reader is still open (<see cref="Hold(int, TItem, CancellationToken)"/>: sending touches no database), and batch N's links are written
/// while batch N+1 is with the shop. Results are taken in batch order and only on the caller's flow (in
/// <see cref="OfferAsync(int, TItem, CancellationToken)"/> and <see cref="FlushAsync"/>), so the link table is never changed behind a reader.
/// </para>
/// <para>
/// The guarantees stay those of sending and saving one batch after the other: a link and hash are remembered only for
/// items the shop accepted, after it answered; a crash or failure anywhere leaves at most items the shop has but the
/// warehouse does not remember, and the next run sends those again (batch upserts are keyed by externalId).
/// In-flight work is bounded to one request and one link write; what is held while the reader is open is what changed.
/// </para>
/// </remarks>
internal sealed class DeltaSender<TItem>(
    SyncSession session,
    LinkTable links,
    string entityName,
    EntityCounts counts,
    Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> send)
{
    private readonly List<(int LocalId, TItem Item, string Hash)> _buffer = [];
    private readonly Queue<SentBatch> _sent = new();
    private Task _lastSend = Task.CompletedTask;
    private Task _saving = Task.CompletedTask;
    private long _done;
    private volatile bool _failed;

    /// <summary>
    /// Offers an item; it is sent only when its content changed (or the run is full). A link write may still be running
    /// when this returns (<see cref="FlushAsync"/> waits for it), so the caller must not write to the store between offers.
    /// </summary>
    public Task OfferAsync(int localId, TItem item, CancellationToken ct) => OfferAsync(localId, item, ContentHash.Compute(item), ct);

    /// <summary>As <see cref="OfferAsync(int, TItem, CancellationToken)"/>, with the content hash the caller computed (e.g. on another thread).</summary>
    public async Task OfferAsync(int localId, TItem item, ContentHash.Digest hash, CancellationToken ct)
    {
        if (!Hold(localId, item, hash, ct))
        {
            return;
        }

        // At most one batch waits behind the one with the shop: take results as they come, in order.
        while (_sent.Count > 1)
        {
            await RememberNextAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps an item to send when its content changed (or the run is full), without writing to the store: for a caller
    /// that may not write while its reader is open. A full batch goes to the shop at once; what the shop answers is
    /// remembered in <see cref="FlushAsync"/>. Returns whether it was kept. Only what changed stays in memory.
    /// </summary>
    /// <param name="localId">The warehouse id.</param>
    /// <param name="item">What the shop gets.</param>
    /// <param name="ct">Cancels the sends this starts (pass the run's token).</param>
    public bool Hold(int localId, TItem item, CancellationToken ct = default) => Hold(localId, item, ContentHash.Compute(item), ct);

    /// <summary>As <see cref="Hold(int, TItem, CancellationToken)"/>, with the content hash the caller computed.</summary>
    public bool Hold(int localId, TItem item, ContentHash.Digest hash, CancellationToken ct = default)
    {
        // Compared without making the hash's text: an unchanged item costs no allocation.
        if (!session.Options.Full && hash.Matches(links.ByLocal(localId)?.ContentHash))
        {
            counts.Unchanged++;
            session.Metrics.ItemUnchanged(session, entityName);
            return false;
        }

        _buffer.Add((localId, item, hash.ToString()));
        if (_buffer.Count >= session.BatchSize)
        {
            StartSend(ct);
        }

        return true;
    }

    /// <summary>Sends everything buffered and remembers what the shop accepted; returns when every link is written.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_buffer.Count > 0)
        {
            StartSend(ct);
        }

        while (_sent.Count > 0)
        {
            await RememberNextAsync(ct).ConfigureAwait(false);
        }

        await _saving.ConfigureAwait(false);
    }

    /// <summary>Queues the buffer as one batch, sent once the batch before it has its answer (never two at once).</summary>
    private void StartSend(CancellationToken ct)
    {
        var batch = _buffer.ToArray();
        _buffer.Clear();
        if (session.DryRun)
        {
            _sent.Enqueue(new SentBatch(batch, Task.FromResult<IReadOnlyList<BatchItemResult>>([])));
            return;
        }

        // Off the caller's flow from the start: serialising the batch is work the reader need not wait for.
        var previous = _lastSend;
        var answer = Task.Run(() => SendAfterAsync(previous, batch, ct), CancellationToken.None);
        _lastSend = answer;
        _sent.Enqueue(new SentBatch(batch, answer));
    }

    private async Task<IReadOnlyList<BatchItemResult>> SendAfterAsync(Task previous, (int LocalId, TItem Item, string Hash)[] batch, CancellationToken ct)
    {
        // A failed batch stops the ones behind it: its error is the run's, and nothing more goes to the shop.
        await previous.ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (_failed)
        {
            throw new OperationCanceledException("An earlier batch of the run failed.");
        }

        var items = new TItem[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            items[i] = batch[i].Item;
        }

        return await send(items, ct).ConfigureAwait(false);
    }

    /// <summary>Takes the oldest batch's answer, updates counts and links, and starts writing its links.</summary>
    private async Task RememberNextAsync(CancellationToken ct)
    {
        var (batch, answer) = _sent.Dequeue();
        IReadOnlyList<BatchItemResult> results;
        try
        {
            results = await answer.ConfigureAwait(false);
        }
        catch
        {
            // The links of the batches the shop already answered are still written before the run fails.
            Abandon();
            await _saving.ConfigureAwait(false);
            throw;
        }

        if (session.DryRun)
        {
            Plan(batch);
            return;
        }

        session.Report.Export!.ItemsSent += batch.Length;
        session.Metrics.ItemsSent(session, entityName, batch.Length);
        var remembered = new List<SyncLink>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            var (localId, _, hash) = batch[i];
            var result = i < results.Count ? results[i] : null;
            if (result is null || !result.Succeeded)
            {
                counts.Failed++;
                session.Metrics.ItemsFailed(session, entityName, 1);
                var reason = result?.Error is { } e ? $"{e.Code}: {e.Message}" : "the shop returned no result for it";
                session.Quarantine(entityName, localId.ToString(CultureInfo.InvariantCulture), $"the shop refused it ({reason})");
                Log.ItemRefused(session.Logger, entityName, localId.ToString(CultureInfo.InvariantCulture), reason);
                continue;
            }

            switch (result.Status)
            {
                case BatchItemStatuses.Created: counts.Created++; break;
                case BatchItemStatuses.Unchanged: counts.Unchanged++; break;
                default: counts.Updated++; break;
            }

            session.Sent?.Invoke(entityName, localId);
            var link = new SyncLink(links.Entity, localId, result.Id ?? links.ByLocal(localId)?.RemoteId, hash);
            links.Set(link);
            remembered.Add(link);
        }

        // One link write at a time: the next starts when the one before it is done (and fails the run if it failed).
        try
        {
            await _saving.ConfigureAwait(false);
        }
        catch
        {
            Abandon();
            throw;
        }

        _saving = remembered.Count > 0 ? session.State.SaveLinksAsync(session.Scope, remembered, ct) : Task.CompletedTask;
        _done += batch.Length;
        session.Progress("export " + entityName, _done);
        Log.BatchSent(session.Logger, entityName, batch.Length);
    }

    /// <summary>Nothing more goes to the shop; the batches still queued fail without being sent and nobody waits for them.</summary>
    private void Abandon()
    {
        _failed = true;
        foreach (var (_, answer) in _sent)
        {
            _ = answer.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private void Plan((int LocalId, TItem Item, string Hash)[] batch)
    {
        session.Report.Plan.Add($"send {batch.Length} {entityName} ({string.Join(", ", batch.Take(10).Select(b => Describe(b.LocalId, b.Item)))}{(batch.Length > 10 ? ", …" : "")})");
        counts.Updated += batch.Count(b => links.ByLocal(b.LocalId)?.RemoteId is not null);
        counts.Created += batch.Count(b => links.ByLocal(b.LocalId)?.RemoteId is null);
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

    private sealed record SentBatch((int LocalId, TItem Item, string Hash)[] Batch, Task<IReadOnlyList<BatchItemResult>> Answer);
}
