using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Sync.SyncState;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Export;

/// <summary>
/// Goods → shop products. The service rows and the library's own shipping good never go; a deleted good goes only
/// when the shop already has it (as inactive), so deletions reach the shop without creating dead products.
/// </summary>
internal static class ProductExporter
{
    public static async Task RunAsync(SyncSession session, CancellationToken ct)
    {
        var links = await session.ProductLinksAsync(ct).ConfigureAwait(false);
        var sender = new DeltaSender<ProductUpsert>(session, links, "products", session.Report.Export!.Products, session.Api.UpsertProductsAsync);
        var basis = session.Basis;
        var column = session.Server.Export.PriceColumn;
        var shippingCode = session.Server.Import.ShippingGoodCode.Trim();
        // No link is written while the reader is open (SQLite with a rollback journal cannot commit the link writes then), but
        // only the changed products are kept until it closes: a run where little changed holds next to nothing.
        await foreach (var good in session.Store.ReadGoodsForShopAsync(column, ct).ConfigureAwait(false))
        {
            if (good.Id <= 1 || string.Equals(good.Code.Trim(), shippingCode, StringComparison.OrdinalIgnoreCase) ||
                (good.IsDeleted && links.ByLocal(good.Id)?.RemoteId is null))
            {
                continue;
            }

            sender.Hold(good.Id, ProductMapper.Map(good, column, basis), ct);
        }

        await sender.FlushAsync(ct).ConfigureAwait(false);
    }
}
