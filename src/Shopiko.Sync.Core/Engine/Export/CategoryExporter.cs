using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>Goods groups → shop categories, parents first so every parent exists when its children arrive.</summary>
internal static class CategoryExporter
{
    public static async Task RunAsync(SyncSession session, CancellationToken ct)
    {
        var links = await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Category, ct).ConfigureAwait(false);
        await using var sender = new DeltaSender<CategoryUpsert>(session, links, ExportedEntity.Categories, session.Api.UpsertCategoriesAsync);
        var idsByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        // Read to the end before sending: SQLite (rollback journal) cannot commit the link writes while a reader is open.
        foreach (var group in await session.Store.ReadGoodsGroupsAsync(ct).ToListAsync(ct).ConfigureAwait(false))
        {
            if (group.IsDefault)
            {
                continue;
            }

            idsByCode[group.Code] = group.Id;
            await sender.OfferAsync(group.Id, CategoryMapper.Map(group, idsByCode), ct).ConfigureAwait(false);
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }
}
