using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// Turns an order plan into the document the store writes: creates what the plan needs first (the customer's partner,
/// goods for unknown products, the shipping good), each with its link row in its own transaction, so the document's
/// transaction only references records that exist.
/// </summary>
internal sealed class DocumentBuilder(SyncSession session, ImportCatalog catalog)
{
    /// <summary>Builds the document of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="kind">Sale or sales order.</param>
    /// <param name="objectId">The import object.</param>
    /// <param name="replaces">For a correction: the number of the document it replaces, named in every line note.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<WarehouseDocument> BuildAsync(OrderPlan plan, DocumentKind kind, int objectId, string? replaces, CancellationToken ct)
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
                Note = replaces is null ? line.Note : $"{line.Note}; rev {plan.Order.Revision.ToString(CultureInfo.InvariantCulture)} replaces {replaces}",
            });
        }

        return new WarehouseDocument
        {
            Kind = kind,
            ObjectId = objectId,
            PartnerId = partnerId,
            OperatorId = session.Server.Import.OperatorId,
            // A correction books the new revision on the day it is made, beside its return: the booked day stays as printed.
            Date = replaces is null ? plan.Date : Today,
            Lines = lines,
            Payments = replaces is null ? plan.Payments : plan.Payments with { DueDate = Today },
        };
    }

    /// <summary>Today in the merchant's time zone: the date of returns and corrections.</summary>
    public DateOnly Today => DateOnly.FromDateTime(session.Time.GetLocalNow().DateTime);

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
