using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Console.Demo;

/// <summary>Fills the demo's blank database through the store, as a merchant would through Warehouse Pro.</summary>
internal static class DemoWarehouse
{
    public static async Task FillAsync(IWarehouseStore store, CancellationToken ct)
    {
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, parent) in DemoCatalog.Groups)
        {
            var group = await store.CreateGoodsGroupAsync(new NewGoodsGroup(name, parent is null ? null : groupIds[parent]), cancellationToken: ct).ConfigureAwait(false);
            groupIds[name] = group.Id;
        }

        var vat = (await store.ReadVatGroupsAsync(ct).ConfigureAwait(false)).First(v => v.Rate == 20m);
        var goods = new List<(Good Good, decimal Stock)>();
        foreach (var sample in DemoCatalog.Goods)
        {
            var good = await store.CreateGoodAsync(new NewGood
            {
                Code = sample.Code,
                BarCode1 = sample.Barcode,
                Name = sample.Name,
                PriceIn = sample.PriceIn,
                Prices = GoodPrices.Zero with { PriceOut1 = sample.Price, PriceOut2 = sample.Price },
                GroupId = groupIds[sample.Group],
                VatGroupId = vat.Id,
            }, cancellationToken: ct).ConfigureAwait(false);
            goods.Add((good, sample.Stock));
        }

        foreach (var partner in DemoCatalog.Partners)
        {
            await store.CreatePartnerAsync(partner, cancellationToken: ct).ConfigureAwait(false);
        }

        await StockUpAsync(store, goods, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opening stock. The store writes the documents the sync needs (sale, sales order, customer return), and of those
    /// only a customer return brings goods in, so the demo books its opening stock as one return from the service partner
    /// (ID 1), which no export sends to the shop. A purchase document kind in the store would be the truer record; the
    /// sync itself never needs one.
    /// </summary>
    private static async Task StockUpAsync(IWarehouseStore store, List<(Good Good, decimal Stock)> goods, CancellationToken ct)
    {
        var objectId = (await store.ReadObjectsAsync(ct).ConfigureAwait(false)).First(o => o.Name == DemoCatalog.ObjectName).Id;
        await store.WriteDocumentAsync(new WarehouseDocument
        {
            Kind = DocumentKind.CustomerReturn,
            ObjectId = objectId,
            PartnerId = 1,
            Date = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date),
            Lines = [.. goods.Select(g => new DocumentLine { GoodId = g.Good.Id, Quantity = g.Stock, PriceOut = g.Good.PriceIn, VatOut = 0m, Note = "opening stock" })],
        }, cancellationToken: ct).ConfigureAwait(false);
    }
}
