using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Sync.Import;

/// <summary>
/// Turns an order plan into the document the store writes: creates what the plan needs first (the customer's partner,
/// goods for unknown products, the shipping good), each with its link row in its own transaction, so the document's
/// transaction only references records that exist.
/// </summary>
internal sealed class DocumentBuilder(SyncSession session, ImportCatalog catalog)
{
    /// <summary>Builds the document of <paramref name="plan"/>.</summary>
    public async Task<WarehouseDocument> BuildAsync(OrderPlan plan, DocumentKind kind, int objectId, long? sourceAcct, CancellationToken ct)
    {
        var partnerId = plan.Partner switch
        {
            ExistingPartner p => p.PartnerId,
            NewPartnerChoice p => await CreatePartnerAsync(p, ct).ConfigureAwait(false),
            _ => 1,
        };

        var lines = new List<DocumentLine>(plan.Lines.Count);
        foreach (var line in plan.Lines)
        {
            var goodId = line.Good switch
            {
                ExistingGood g => g.GoodId,
                NewGoodChoice g => catalog.Products.ByRemote(g.RemoteId) ?? await catalog.CreateGoodAsync(g.Good, g.RemoteId, ct).ConfigureAwait(false),
                _ => await catalog.ShippingGoodAsync(plan.Order.Shipping?.VatRate ?? 20m, ct).ConfigureAwait(false),
            };
            lines.Add(new DocumentLine
            {
                GoodId = goodId,
                Quantity = line.Quantity,
                PriceOut = line.PriceOut,
                VatOut = line.VatOut,
                DiscountPercent = line.DiscountPercent,
                Note = line.Note,
            });
        }

        return new WarehouseDocument
        {
            Kind = kind,
            ObjectId = objectId,
            PartnerId = partnerId,
            OperatorId = session.Server.Import.OperatorId,
            Date = kind == DocumentKind.CustomerReturn ? DateOnly.FromDateTime(session.Time.GetLocalNow().DateTime) : plan.Date,
            Lines = lines,
            Payments = plan.Payments,
            SourceAcct = sourceAcct,
        };
    }

    private async Task<int> CreatePartnerAsync(NewPartnerChoice choice, CancellationToken ct)
    {
        if (catalog.Partners.LinkedTo(choice.RemoteId) is { } already)
        {
            return already;
        }

        var created = await catalog.CreatePartnerAsync(choice.Partner, choice.RemoteId, ct).ConfigureAwait(false);
        catalog.CreatedPartners.Add(new LinkItem(choice.RemoteId, created.Id.ToString(CultureInfo.InvariantCulture)));
        return created.Id;
    }
}
