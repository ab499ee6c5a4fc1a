namespace Shopiko.Sync.Shop.Contract;

/// <summary><c>GET shop</c>.</summary>
public sealed record ShopInfo
{
    /// <summary>Shop id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Shop name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Shop currency, e.g. EUR.</summary>
    public string Currency { get; init; } = "EUR";
    /// <summary>Whether shop prices include VAT.</summary>
    public bool PricesIncludeVat { get; init; } = true;
    /// <summary>Whether the Microinvest add-on is active.</summary>
    public bool AddonActive { get; init; } = true;
    /// <summary>How many records the shop holds.</summary>
    public ShopCounts Counts { get; init; } = new();
    /// <summary>The shop's clock.</summary>
    public DateTimeOffset ServerTime { get; init; }
}

/// <summary>Record counts of a shop.</summary>
public sealed record ShopCounts
{
    /// <summary>Categories.</summary>
    public int Categories { get; init; }
    /// <summary>Products.</summary>
    public int Products { get; init; }
    /// <summary>Customers.</summary>
    public int Customers { get; init; }
    /// <summary>Orders.</summary>
    public int Orders { get; init; }
}
