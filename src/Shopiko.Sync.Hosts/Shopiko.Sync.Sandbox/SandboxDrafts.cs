using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox;

/// <summary>A product the merchant creates in the shop's admin (it has no externalId until the warehouse links it).</summary>
public sealed record SandboxProductDraft
{
    /// <summary>Sku.</summary>
    public required string Sku { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Price in the shop currency, on the shop's VAT basis.</summary>
    public required decimal Price { get; init; }
    /// <summary>VAT rate in percent.</summary>
    public decimal VatRate { get; init; } = 20;
    /// <summary>Barcode.</summary>
    public string? Barcode { get; init; }
    /// <summary>Unit.</summary>
    public string Unit { get; init; } = "бр.";
    /// <summary>The category's shop id.</summary>
    public string? CategoryId { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
}

/// <summary>A customer who registers in the shop (or a guest placing an order).</summary>
public sealed record SandboxCustomerDraft
{
    /// <summary><c>person</c> or <c>company</c>.</summary>
    public string Type { get; init; } = CustomerTypes.Person;
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>EIK (Bulstat).</summary>
    public string? Eik { get; init; }
    /// <summary>VAT number.</summary>
    public string? VatNumber { get; init; }
    /// <summary>Phone.</summary>
    public string? Phone { get; init; }
    /// <summary>City.</summary>
    public string? City { get; init; }
    /// <summary>Address.</summary>
    public string? Address { get; init; }
    /// <summary>Contact person.</summary>
    public string? ContactPerson { get; init; }
}

/// <summary>An order a shopper places. Unit prices and totals are computed by the contract's money rules.</summary>
public sealed record SandboxOrderDraft
{
    /// <summary>A registered customer's shop id; or use <see cref="Customer"/>.</summary>
    public string? CustomerId { get; init; }
    /// <summary>A guest checkout (registered as a customer record, as shops do).</summary>
    public SandboxCustomerDraft? Customer { get; init; }
    /// <summary>The lines.</summary>
    public List<SandboxOrderLineDraft> Lines { get; init; } = [];
    /// <summary>Order-level discounts: vouchers, promo codes, cart rules.</summary>
    public List<OrderDiscount> Discounts { get; init; } = [];
    /// <summary>Shipping, if any.</summary>
    public OrderShipping? Shipping { get; init; }
    /// <summary><see cref="PaymentMethods"/>.</summary>
    public string PaymentMethod { get; init; } = PaymentMethods.Card;
    /// <summary>Whether the payment is already made.</summary>
    public bool Paid { get; init; } = true;
    /// <summary>The customer's note.</summary>
    public string? Note { get; init; }
}

/// <summary>A line of a <see cref="SandboxOrderDraft"/>; the unit price is the product's current price.</summary>
/// <param name="ProductId">The product's shop id.</param>
/// <param name="Quantity">Quantity (up to 3 decimals).</param>
/// <param name="Discount">A product discount: percent, or an amount off per unit.</param>
public sealed record SandboxOrderLineDraft(string ProductId, decimal Quantity, LineDiscount? Discount = null)
{
    /// <summary>The merchant's own list price for this line (an edit in the admin); null takes the product's price.</summary>
    public decimal? UnitPrice { get; init; }
}

/// <summary>
/// The merchant edits a placed order in the shop's admin: what is given replaces what the order holds, the totals are
/// computed again, and the order comes back at the next revision (pending again until acknowledged at it).
/// </summary>
public sealed record SandboxOrderEdit
{
    /// <summary>The new lines (all of them, numbered again); null keeps the lines.</summary>
    public List<SandboxOrderLineDraft>? Lines { get; init; }
    /// <summary>The new order-level discounts; null keeps them.</summary>
    public List<OrderDiscount>? Discounts { get; init; }
    /// <summary>The new shipping; null keeps it (see <see cref="RemoveShipping"/>).</summary>
    public OrderShipping? Shipping { get; init; }
    /// <summary>True removes the shipping.</summary>
    public bool RemoveShipping { get; init; }
    /// <summary>Another registered customer's shop id; or <see cref="Customer"/>; both null keep the customer.</summary>
    public string? CustomerId { get; init; }
    /// <summary>Another (guest) customer.</summary>
    public SandboxCustomerDraft? Customer { get; init; }
    /// <summary>The new payment method; null keeps it.</summary>
    public string? PaymentMethod { get; init; }
    /// <summary>Whether it is paid now; null keeps it.</summary>
    public bool? Paid { get; init; }
    /// <summary>The new status (<see cref="OrderStatuses"/>); null keeps it.</summary>
    public string? Status { get; init; }
}

/// <summary>An acknowledgement the warehouse sent.</summary>
/// <param name="OrderId">The order's shop id.</param>
/// <param name="Revision">The revision acknowledged.</param>
/// <param name="Document">The warehouse document it became.</param>
public sealed record SandboxAck(string OrderId, int Revision, string Document);
