using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Sync.SyncState;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Export;

/// <summary>Partners → shop customers (the service row and deleted partners never go).</summary>
/// <remarks>
/// <see cref="PrepareAsync"/> reads and compares, keeping the changed customers (a full batch goes to the shop at once);
/// the caller remembers what the shop answered once every reader of the run has closed (SQLite with a rollback journal
/// cannot commit the link writes while one is open).
/// </remarks>
internal static class CustomerExporter
{
    /// <summary>Reads the partners and keeps the customers whose content changed.</summary>
    public static async Task<DeltaSender<CustomerUpsert>> PrepareAsync(SyncSession session, CancellationToken ct)
    {
        var links = await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Customer, ct).ConfigureAwait(false);
        var sender = new DeltaSender<CustomerUpsert>(session, links, "customers", session.Report.Export!.Customers, session.Api.UpsertCustomersAsync);
        await foreach (var partner in session.Store.ReadPartnersAsync(ct).ConfigureAwait(false))
        {
            if (partner.Id <= 1 || partner.IsDeleted)
            {
                continue;
            }

            sender.Hold(partner.Id, CustomerMapper.Map(partner), ct);
        }

        return sender;
    }
}
