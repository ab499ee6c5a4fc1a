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
        // No link is written while the reader is open (SQLite with a rollback journal cannot commit the link writes then); only
        // the changed customers are kept until it closes.
        await foreach (var partner in session.Store.ReadPartnersAsync(ct).ConfigureAwait(false))
        {
            if (partner.Id <= 1 || partner.IsDeleted)
            {
                continue;
            }

            sender.Hold(partner.Id, CustomerMapper.Map(partner), ct);
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }
}
