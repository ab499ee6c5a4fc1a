using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Sync.SyncState;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Export;

/// <summary>Partners → shop customers (the service row and deleted partners never go).</summary>
internal static class CustomerExporter
{
    public static async Task RunAsync(SyncSession session, CancellationToken ct)
    {
        var links = await LinkTable.ReadAsync(session.Store, session.Scope, SyncEntity.Customer, ct).ConfigureAwait(false);
        var sender = new DeltaSender<CustomerUpsert>(session, links, "customers", session.Report.Export!.Customers, session.Api.UpsertCustomersAsync);
        // Read to the end before sending: SQLite (rollback journal) cannot commit the link writes while a reader is open.
        foreach (var partner in await session.Store.ReadPartnersAsync(ct).ToListAsync(ct).ConfigureAwait(false))
        {
            if (partner.Id <= 1 || partner.IsDeleted)
            {
                continue;
            }

            await sender.OfferAsync(partner.Id, CustomerMapper.Map(partner), ct).ConfigureAwait(false);
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }
}
