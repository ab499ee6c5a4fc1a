namespace Shopiko.Sync.Shop.Contract;

/// <summary>An item of <c>PUT categories/batch</c>.</summary>
public sealed record CategoryUpsert
{
    /// <summary>The warehouse group ID.</summary>
    public required string ExternalId { get; init; }
    /// <summary>The parent group's ID, or null at top level.</summary>
    public string? ParentExternalId { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
}

/// <summary>An item of <c>GET categories</c>.</summary>
public sealed record ShopCategory
{
    /// <summary>Shop id.</summary>
    public required string Id { get; init; }
    /// <summary>Warehouse id, when linked.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Parent's shop id.</summary>
    public string? ParentId { get; init; }
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An item of <c>PUT products/batch</c>.</summary>
public sealed record ProductUpsert
{
    /// <summary>The warehouse good ID.</summary>
    public required string ExternalId { get; init; }
    /// <summary>Goods.Code.</summary>
    public required string Sku { get; init; }
    /// <summary>Goods.BarCode1.</summary>
    public string? Barcode { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Unit, e.g. <c>бр.</c>.</summary>
    public required string Unit { get; init; }
    /// <summary>Price in the shop currency, on the shop's VAT basis, 2 decimals.</summary>
    public required decimal Price { get; init; }
    /// <summary>VAT rate in percent.</summary>
    public required decimal VatRate { get; init; }
    /// <summary>The group ID.</summary>
    public string? CategoryExternalId { get; init; }
    /// <summary>False when deleted in the warehouse.</summary>
    public bool Active { get; init; } = true;
}

/// <summary>An item of <c>GET products</c>.</summary>
public sealed record ShopProduct
{
    /// <summary>Shop id.</summary>
    public required string Id { get; init; }
    /// <summary>Warehouse id; null for products created in the shop's admin until linked.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Sku.</summary>
    public string Sku { get; init; } = "";
    /// <summary>Barcode.</summary>
    public string? Barcode { get; init; }
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Unit.</summary>
    public string? Unit { get; init; }
    /// <summary>Price.</summary>
    public decimal Price { get; init; }
    /// <summary>VAT rate.</summary>
    public decimal VatRate { get; init; }
    /// <summary>Category's shop id.</summary>
    public string? CategoryId { get; init; }
    /// <summary>Active.</summary>
    public bool Active { get; init; } = true;
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An item of <c>PUT products/links</c>, <c>categories/links</c>, <c>customers/links</c>.</summary>
/// <param name="Id">The shop id.</param>
/// <param name="ExternalId">The warehouse id it now is.</param>
public sealed record LinkItem(string Id, string ExternalId);

/// <summary>An item of <c>PUT stock/batch</c>.</summary>
/// <param name="ExternalId">The warehouse good ID.</param>
/// <param name="Quantity">Available quantity, 3 decimals.</param>
public sealed record StockUpsert(string ExternalId, decimal Quantity);
