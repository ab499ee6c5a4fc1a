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
internal sealed class DeltaSender<TItem>(
    SyncSession session,
    LinkTable links,
    string entityName,
    EntityCounts counts,
    Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> send)
{
    private readonly List<(int LocalId, TItem Item, string Hash)> _buffer = [];
    private long _done;

    /// <summary>Offers an item; it is sent only when its content changed (or the run is full).</summary>
    public Task OfferAsync(int localId, TItem item, CancellationToken ct) => OfferAsync(localId, item, ContentHash.Compute(item), ct);

    /// <summary>Offers an item whose content hash the caller computed (e.g. on another thread).</summary>
    public async Task OfferAsync(int localId, TItem item, ContentHash.Digest hash, CancellationToken ct)
    {
        if (Hold(localId, item, hash) && _buffer.Count >= session.BatchSize)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps an item to send later when its content changed (or the run is full), without sending: for a caller that may
    /// not write while its reader is open. Returns whether it was kept. Only what changed stays in memory.
    /// </summary>
    public bool Hold(int localId, TItem item) => Hold(localId, item, ContentHash.Compute(item));

    /// <summary>As <see cref="Hold(int, TItem)"/>, with the content hash the caller computed.</summary>
    public bool Hold(int localId, TItem item, ContentHash.Digest hash)
    {
        // Compared without making the hash's text: an unchanged item costs no allocation.
        if (!session.Options.Full && hash.Matches(links.ByLocal(localId)?.ContentHash))
        {
            counts.Unchanged++;
            return false;
        }

        _buffer.Add((localId, item, hash.ToString()));
        return true;
    }

    /// <summary>Sends everything buffered, in batches of at most the batch size.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var pending = _buffer.ToArray();
        _buffer.Clear();
        foreach (var batch in pending.Chunk(session.BatchSize))
        {
            await SendAsync(batch, ct).ConfigureAwait(false);
        }
    }

    private async Task SendAsync((int LocalId, TItem Item, string Hash)[] batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (session.DryRun)
        {
            session.Report.Plan.Add($"send {batch.Length} {entityName} ({string.Join(", ", batch.Take(10).Select(b => b.LocalId.ToString(CultureInfo.InvariantCulture)))}{(batch.Length > 10 ? ", …" : "")})");
            counts.Updated += batch.Count(b => links.ByLocal(b.LocalId)?.RemoteId is not null);
            counts.Created += batch.Count(b => links.ByLocal(b.LocalId)?.RemoteId is null);
            return;
        }

        var results = await send(batch.Select(b => b.Item).ToList(), ct).ConfigureAwait(false);
        session.Report.Export!.ItemsSent += batch.Length;
        var remembered = new List<SyncLink>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            var (localId, _, hash) = batch[i];
            var result = i < results.Count ? results[i] : null;
            if (result is null || !result.Succeeded)
            {
                counts.Failed++;
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

            var link = new SyncLink(links.Entity, localId, result.Id ?? links.ByLocal(localId)?.RemoteId, hash);
            links.Set(link);
            remembered.Add(link);
        }

        if (remembered.Count > 0)
        {
            await session.Store.SaveLinksAsync(session.Scope, remembered, ct).ConfigureAwait(false);
        }

        _done += batch.Length;
        session.Progress("export " + entityName, _done);
        Log.BatchSent(session.Logger, entityName, batch.Length);
    }
}
