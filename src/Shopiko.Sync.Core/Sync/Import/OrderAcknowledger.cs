using Shopiko.Sync.Shop;

namespace Shopiko.Sync.Sync.Import;

/// <summary>
/// Acknowledges imported order revisions to the shop, always after the document committed, and remembers that the shop
/// was told. A revision recorded but never acknowledged (a crash, a lost answer) is acknowledged by the next run.
/// </summary>
internal sealed class OrderAcknowledger(SyncSession session)
{
    /// <summary>The document named in an acknowledgement of a cancelled order that never became a document.</summary>
    internal const string NoDocument = "none";

    /// <summary>Acknowledges revisions a previous run recorded but could not acknowledge (it crashed or lost the ack).</summary>
    public async Task AcknowledgeLeftoversAsync(CancellationToken ct)
    {
        if (session.DryRun)
        {
            return;
        }

        foreach (var row in await session.Store.ReadUnacknowledgedOrdersAsync(session.Scope, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            await AcknowledgeAsync(row.OrderId, row.Revision, row.DocumentNumber, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Tells the shop, then remembers that it was told. If the shop cannot be reached the row stays unacknowledged and
    /// the next run acknowledges it; the document is never written twice either way.
    /// </summary>
    public async Task AcknowledgeAsync(string orderId, int revision, string document, CancellationToken ct)
    {
        try
        {
            await session.Api.AcknowledgeOrderAsync(orderId, revision, document, ct).ConfigureAwait(false);
        }
        catch (ShopikoApiException e) when (e.Kind is not (ShopikoErrorKind.Authentication or ShopikoErrorKind.AddonInactive))
        {
            session.Report.Import!.AcknowledgementsFailed++;
            Log.AckFailed(session.Logger, orderId, revision, e.Message);
            return;
        }

        if (document != NoDocument)
        {
            await session.Store.MarkOrderAcknowledgedAsync(session.Scope, orderId, revision, ct).ConfigureAwait(false);
        }
    }
}
