using System.Threading.Channels;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Warehouse;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// Acknowledges imported order revisions to the shop, always after the document committed, and remembers that the shop
/// was told. A revision recorded but never acknowledged (a crash, a lost answer) is acknowledged by the next run.
/// The contract has one request per acknowledgement, so up to <see cref="Parallelism"/> travel at once while the next
/// orders are written; which ones the shop confirmed is written to the sync state in batches from the caller's flow
/// (never from the requests' threads, so no write runs beside the document writes). Losing that batch to a crash only
/// means the next run acknowledges those revisions again, which the shop answers the same way.
/// </summary>
internal sealed class OrderAcknowledger(SyncSession session)
{
    /// <summary>The document named in an acknowledgement of a cancelled order that never became a document.</summary>
    internal const string NoDocument = "none";

    /// <summary>Acknowledgements in flight at once.</summary>
    internal const int Parallelism = 8;

    /// <summary>Confirmed acknowledgements written to the sync state per transaction.</summary>
    internal const int MarkBatch = 250;

    // The requests go through a short queue to Parallel.ForEachAsync (at most Parallelism at once): the first failure
    // that must stop the run cancels the others and is the one it ends with; the queue then refuses more.
    private readonly Channel<Acknowledgement> _queue = Channel.CreateBounded<Acknowledgement>(new BoundedChannelOptions(1) { SingleWriter = true });
    private readonly Lock _confirmedLock = new();
    private List<OrderRevision> _confirmed = [];
    private Task? _sending;

    /// <summary>Acknowledges revisions a previous run recorded but could not acknowledge (it crashed or lost the ack).</summary>
    public async Task AcknowledgeLeftoversAsync(CancellationToken ct)
    {
        if (session.DryRun)
        {
            return;
        }

        try
        {
            foreach (var row in await session.State.ReadUnacknowledgedOrdersAsync(session.Scope, ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                await AcknowledgeAsync(row.OrderId, row.Revision, row.DocumentNumber, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            await AbandonAsync().ConfigureAwait(false);
            throw;
        }

        await CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the acknowledgement (the caller has committed the revision); waits only while <see cref="Parallelism"/>
    /// are already in flight. An acknowledgement that failed in a way that must stop the run (authentication, the add-on
    /// switched off) surfaces here or in <see cref="CompleteAsync"/>. If the shop cannot be reached the row stays
    /// unacknowledged and the next run acknowledges it; the document is never written twice either way.
    /// </summary>
    public async Task AcknowledgeAsync(string orderId, int revision, string document, CancellationToken ct)
    {
        _sending ??= SendAllAsync(ct);
        try
        {
            await _queue.Writer.WriteAsync(new Acknowledgement(orderId, revision, document), ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The requests stopped on a failure: that failure is the news.
            await _sending.ConfigureAwait(false);
            throw;
        }

        if (_sending.IsFaulted || _sending.IsCanceled)
        {
            await _sending.ConfigureAwait(false);
        }

        if (ConfirmedCount >= MarkBatch)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every acknowledgement in flight and writes the confirmed ones to the sync state.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        try
        {
            if (_sending is not null)
            {
                await _sending.ConfigureAwait(false);
            }
        }
        catch
        {
            await AbandonAsync().ConfigureAwait(false);
            throw;
        }

        await FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The run is ending with an error or cancellation: lets the requests in flight finish (nothing may run on after the
    /// run), then records what the shop confirmed, as far as the warehouse lets it; what is not recorded is acknowledged
    /// again next run.
    /// </summary>
    public async Task AbandonAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            if (_sending is not null)
            {
                await _sending.ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The caller is already failing with the error that matters; these are reported through it.
        }

        try
        {
            // Not the run's token: it may be the cancellation that brought us here, and this is one short write.
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (WarehouseException)
        {
            // The next run acknowledges these revisions again.
        }
    }

    /// <summary>The requests, at most <see cref="Parallelism"/> at once, until the queue is completed or one fails.</summary>
    private async Task SendAllAsync(CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            await Parallel.ForEachAsync(
                _queue.Reader.ReadAllAsync(ct),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (ack, token) => await SendAsync(ack.OrderId, ack.Revision, ack.Document, token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            // No more is taken: a writer waiting for room learns it now.
            _queue.Writer.TryComplete(failure);
        }
    }

    private int ConfirmedCount
    {
        get
        {
            lock (_confirmedLock)
            {
                return _confirmed.Count;
            }
        }
    }

    private async Task SendAsync(string orderId, int revision, string document, CancellationToken ct)
    {
        try
        {
            await session.Api.AcknowledgeOrderAsync(orderId, revision, document, ct).ConfigureAwait(false);
        }
        catch (ShopikoApiException e) when (e.Kind is not (ShopikoErrorKind.Authentication or ShopikoErrorKind.AddonInactive))
        {
            // The requests run side by side: the collector counts them under its lock.
            session.Collector.AcknowledgementFailed();

            Log.AckFailed(session.Logger, orderId, revision, e.Message);
            return;
        }

        if (document != NoDocument)
        {
            lock (_confirmedLock)
            {
                _confirmed.Add(new OrderRevision(orderId, revision));
            }
        }
    }

    private sealed record Acknowledgement(string OrderId, int Revision, string Document);

    private async Task FlushAsync(CancellationToken ct)
    {
        List<OrderRevision> batch;
        lock (_confirmedLock)
        {
            batch = _confirmed;
            _confirmed = [];
        }

        if (batch.Count > 0)
        {
            await session.State.MarkOrdersAcknowledgedAsync(session.Scope, batch, ct).ConfigureAwait(false);
        }
    }
}
