using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>What an order becomes, computed without touching either side.</summary>
/// <param name="Order">The shop order.</param>
/// <param name="Partner">Who the document is for.</param>
/// <param name="Lines">The document lines, money in the warehouse currency and VAT basis.</param>
/// <param name="Total">The document total (with VAT), equal to the shop's grand total in the warehouse currency.</param>
/// <param name="PaymentTypeId">paymenttypes.ID mapped from the payment method.</param>
/// <param name="Paid">True when the shop says the order is paid.</param>
/// <param name="Date">The document date.</param>
internal sealed record OrderPlan(
    ShopOrder Order,
    PartnerChoice Partner,
    IReadOnlyList<PlannedLine> Lines,
    decimal Total,
    int PaymentTypeId,
    bool Paid,
    DateOnly Date)
{
    /// <summary>The payment rows: the due row for the total and, when paid, one paid row.</summary>
    public DocumentPayments Payments => new(Total, Date, Paid ? [new DocumentPayment(PaymentTypeId, Total)] : [], PaymentTypeId);

    /// <summary>A one-line description for the dry-run plan and the log.</summary>
    public string Describe(string documentKind, Func<int, string>? partnerName = null) =>
        $"order {Order.Number} (id {Order.Id}, revision {Order.Revision}) → {documentKind} for " +
        $"{(Partner is ExistingPartner e && partnerName is not null ? $"partner {partnerName(e.PartnerId)} (by {e.How})" : Partner.Describe())}: " +
        $"{Lines.Count} lines, total {Total:0.00}{(Paid ? ", paid" : ", due")}";
}

/// <summary>The partner of a planned document.</summary>
internal abstract record PartnerChoice
{
    /// <summary>In words.</summary>
    public abstract string Describe();
}

/// <summary>An existing partner.</summary>
/// <param name="PartnerId">partners.ID.</param>
/// <param name="How">How it was found.</param>
internal sealed record ExistingPartner(int PartnerId, string How) : PartnerChoice
{
    /// <inheritdoc />
    public override string Describe() => $"partner {PartnerId} (by {How})";
}

/// <summary>A partner to create for the order's customer, then link.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="RemoteId">The shop customer id.</param>
internal sealed record NewPartnerChoice(NewPartner Partner, string RemoteId) : PartnerChoice
{
    /// <inheritdoc />
    public override string Describe() => $"new partner '{Partner.Company}'";
}

/// <summary>A guest order without a customer: the program's default partner (ID 1), as for a till sale.</summary>
internal sealed record DefaultPartner : PartnerChoice
{
    /// <inheritdoc />
    public override string Describe() => "the default partner";
}

/// <summary>The good of a planned line.</summary>
internal abstract record GoodChoice;

/// <summary>An existing good.</summary>
/// <param name="GoodId">goods.ID.</param>
internal sealed record ExistingGood(int GoodId) : GoodChoice;

/// <summary>A good to create for a shop product not yet in the warehouse (nomenclature sync), then link.</summary>
/// <param name="Good">The good.</param>
/// <param name="RemoteId">The shop product id.</param>
internal sealed record NewGoodChoice(NewGood Good, string RemoteId) : GoodChoice;

/// <summary>The shipping service good (created once).</summary>
internal sealed record ShippingGood : GoodChoice;

/// <summary>A planned document line.</summary>
/// <param name="Good">Its good.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="PriceOut">Final unit price, warehouse currency and basis.</param>
/// <param name="VatOut">VAT per unit.</param>
/// <param name="DiscountPercent">The product discount in percent.</param>
/// <param name="Gross">The line total with VAT, to the cent.</param>
/// <param name="Vat">The line VAT, to the cent.</param>
/// <param name="Note">Line note.</param>
internal sealed record PlannedLine(GoodChoice Good, decimal Quantity, decimal PriceOut, decimal VatOut, decimal DiscountPercent, decimal Gross, decimal Vat, string Note);

/// <summary>The planner's answer: a plan, or the reason the order must wait in quarantine.</summary>
/// <param name="Plan">The plan when the order can be imported.</param>
/// <param name="QuarantineReason">Why not, in words a merchant can act on.</param>
internal sealed record PlanResult(OrderPlan? Plan, string? QuarantineReason)
{
    /// <summary>A plan.</summary>
    public static PlanResult Of(OrderPlan plan) => new(plan, null);

    /// <summary>A refusal.</summary>
    public static PlanResult Quarantine(string reason) => new(null, reason);
}
