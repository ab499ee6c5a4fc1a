using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>Partners → shop customers (the service row and deleted partners never go).</summary>
/// <remarks>
/// <see cref="ReadAsync"/> reads and compares, keeping the changed customers (a full batch goes to the shop at once, the
/// sender being a stage of the caller's); the caller remembers what the shop answered.
/// </remarks>
internal static class CustomerExporter
{
    /// <summary>Reads the partners and keeps the customers whose content changed; hands the sender over once it exists.</summary>
    public static async Task ReadAsync(SyncSession session, TaskCompletionSource<DeltaSender<CustomerUpsert>> ready, CancellationToken ct)
    {
        var links = await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Customer, ct).ConfigureAwait(false);
        var sender = new DeltaSender<CustomerUpsert>(session, links, ExportedEntity.Customers, session.Api.UpsertCustomersAsync, sendsAsStage: true);
        if (!ready.TrySetResult(sender))
        {
            // The step stopped before the sender was handed over: it would never be run.
            throw new OperationCanceledException("The export stopped before the sender was handed over.", ct);
        }

        await foreach (var partner in session.Store.ReadPartnersAsync(ct).ConfigureAwait(false))
        {
            if (partner.Id <= 1 || partner.IsDeleted)
            {
                continue;
            }

            sender.Hold(partner.Id, CustomerMapper.Map(partner), ct);
        }

        sender.Complete(ct);
    }
}
