namespace Shopiko.Sync.Shop.Contract;

/// <summary>Order statuses on the wire.</summary>
public static class OrderStatuses
{
    /// <summary>New.</summary>
    public const string New = "new";
    /// <summary>Processing.</summary>
    public const string Processing = "processing";
    /// <summary>Completed.</summary>
    public const string Completed = "completed";
    /// <summary>Cancelled.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>Payment methods on the wire.</summary>
public static class PaymentMethods
{
    /// <summary>Cash on delivery.</summary>
    public const string CashOnDelivery = "cash_on_delivery";
    /// <summary>Card.</summary>
    public const string Card = "card";
    /// <summary>Bank transfer.</summary>
    public const string BankTransfer = "bank_transfer";
    /// <summary>Voucher.</summary>
    public const string Voucher = "voucher";
}

/// <summary>Order-level discount kinds on the wire.</summary>
public static class DiscountKinds
{
    /// <summary>Voucher.</summary>
    public const string Voucher = "voucher";
    /// <summary>Promo code.</summary>
    public const string PromoCode = "promo_code";
    /// <summary>Cart rule.</summary>
    public const string Cart = "cart";
}

/// <summary>An order of <c>GET orders?state=pending</c>.</summary>
public sealed record ShopOrder
{
    /// <summary>Shop id.</summary>
    public required string Id { get; init; }
    /// <summary>Human order number.</summary>
    public string Number { get; init; } = "";
    /// <summary>Revision; grows when the order changes (e.g. cancelled).</summary>
    public int Revision { get; init; } = 1;
    /// <summary>When placed.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Status (<see cref="OrderStatuses"/>).</summary>
    public string Status { get; init; } = OrderStatuses.New;
    /// <summary>Currency of all amounts.</summary>
    public string Currency { get; init; } = "EUR";
    /// <summary>Whether prices include VAT.</summary>
    public bool PricesIncludeVat { get; init; } = true;
    /// <summary>The customer.</summary>
    public ShopCustomer? Customer { get; init; }
    /// <summary>The lines.</summary>
    public IReadOnlyList<OrderLine> Lines { get; init; } = [];
    /// <summary>Order-level discounts (vouchers, promo codes, cart rules).</summary>
    public IReadOnlyList<OrderDiscount> Discounts { get; init; } = [];
    /// <summary>Shipping, if any.</summary>
    public OrderShipping? Shipping { get; init; }
    /// <summary>Payment.</summary>
    public OrderPayment? Payment { get; init; }
    /// <summary>Totals.</summary>
    public OrderTotals Totals { get; init; } = new();
    /// <summary>Customer's note.</summary>
    public string? Note { get; init; }
}

/// <summary>A line of an order.</summary>
public sealed record OrderLine
{
    /// <summary>Line id.</summary>
    public string LineId { get; init; } = "";
    /// <summary>Shop product id.</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Warehouse good ID when linked.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Sku.</summary>
    public string Sku { get; init; } = "";
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Quantity.</summary>
    public decimal Quantity { get; init; }
    /// <summary>List unit price before discounts.</summary>
    public decimal UnitPrice { get; init; }
    /// <summary>VAT rate in percent.</summary>
    public decimal VatRate { get; init; }
    /// <summary>Product discount.</summary>
    public LineDiscount? Discount { get; init; }
}

/// <summary>A product discount: <c>percent</c> of the unit price, or an <c>amount</c> off per unit.</summary>
/// <param name="Type"><c>percent</c> or <c>amount</c>.</param>
/// <param name="Value">The percent or the amount per unit.</param>
public sealed record LineDiscount(string Type, decimal Value)
{
    /// <summary>Percent type.</summary>
    public const string Percent = "percent";
    /// <summary>Amount type.</summary>
    public const string Amount = "amount";
}

/// <summary>An order-level discount.</summary>
/// <param name="Kind"><see cref="DiscountKinds"/>.</param>
/// <param name="Code">The voucher or promo code.</param>
/// <param name="Amount">Amount off the order.</param>
public sealed record OrderDiscount(string Kind, string? Code, decimal Amount);

/// <summary>Shipping of an order.</summary>
/// <param name="Method">Carrier / method name.</param>
/// <param name="Price">Price.</param>
/// <param name="VatRate">VAT rate.</param>
public sealed record OrderShipping(string Method, decimal Price, decimal VatRate);

/// <summary>Payment of an order.</summary>
/// <param name="Method"><see cref="PaymentMethods"/>.</param>
/// <param name="Status"><c>paid</c> or <c>unpaid</c>.</param>
/// <param name="Amount">Amount.</param>
public sealed record OrderPayment(string Method, string Status, decimal Amount)
{
    /// <summary>True when paid.</summary>
    public bool IsPaid => string.Equals(Status, "paid", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Totals of an order.</summary>
public sealed record OrderTotals
{
    /// <summary>Σ quantity × unit price after line discount, each line rounded to 2 decimals.</summary>
    public decimal Lines { get; init; }
    /// <summary>Σ order-level discounts.</summary>
    public decimal Discounts { get; init; }
    /// <summary>Shipping.</summary>
    public decimal Shipping { get; init; }
    /// <summary>lines − discounts + shipping.</summary>
    public decimal GrandTotal { get; init; }
}
