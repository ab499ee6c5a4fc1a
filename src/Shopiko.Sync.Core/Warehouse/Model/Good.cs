using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Model;

/// <summary>Sale prices of a good: <c>PriceOut1</c> … <c>PriceOut10</c>.</summary>
public sealed record GoodPrices(
    decimal PriceOut1, decimal PriceOut2, decimal PriceOut3, decimal PriceOut4, decimal PriceOut5,
    decimal PriceOut6, decimal PriceOut7, decimal PriceOut8, decimal PriceOut9, decimal PriceOut10)
{
    /// <summary>All prices zero.</summary>
    public static GoodPrices Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The price in <paramref name="column"/>.</summary>
    public decimal Get(PriceColumn column) => column switch
    {
        PriceColumn.PriceOut1 => PriceOut1,
        PriceColumn.PriceOut2 => PriceOut2,
        PriceColumn.PriceOut3 => PriceOut3,
        PriceColumn.PriceOut4 => PriceOut4,
        PriceColumn.PriceOut5 => PriceOut5,
        PriceColumn.PriceOut6 => PriceOut6,
        PriceColumn.PriceOut7 => PriceOut7,
        PriceColumn.PriceOut8 => PriceOut8,
        PriceColumn.PriceOut9 => PriceOut9,
        PriceColumn.PriceOut10 => PriceOut10,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown price column."),
    };

    /// <summary>A copy with <paramref name="column"/> set to <paramref name="value"/>.</summary>
    public GoodPrices With(PriceColumn column, decimal value) => column switch
    {
        PriceColumn.PriceOut1 => this with { PriceOut1 = value },
        PriceColumn.PriceOut2 => this with { PriceOut2 = value },
        PriceColumn.PriceOut3 => this with { PriceOut3 = value },
        PriceColumn.PriceOut4 => this with { PriceOut4 = value },
        PriceColumn.PriceOut5 => this with { PriceOut5 = value },
        PriceColumn.PriceOut6 => this with { PriceOut6 = value },
        PriceColumn.PriceOut7 => this with { PriceOut7 = value },
        PriceColumn.PriceOut8 => this with { PriceOut8 = value },
        PriceColumn.PriceOut9 => this with { PriceOut9 = value },
        PriceColumn.PriceOut10 => this with { PriceOut10 = value },
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown price column."),
    };
}

/// <summary>A row of <c>goods</c>. Strings stored as a single space are read back as empty.</summary>
public sealed record Good
{
    /// <summary>Goods.ID.</summary>
    public required int Id { get; init; }
    /// <summary>Goods.Code (the shop's sku).</summary>
    public string Code { get; init; } = "";
    /// <summary>Goods.BarCode1.</summary>
    public string BarCode1 { get; init; } = "";
    /// <summary>Goods.BarCode2.</summary>
    public string BarCode2 { get; init; } = "";
    /// <summary>Goods.BarCode3 (may be a comma-separated list).</summary>
    public string BarCode3 { get; init; } = "";
    /// <summary>Goods.Name.</summary>
    public required string Name { get; init; }
    /// <summary>Goods.Name2.</summary>
    public string Name2 { get; init; } = "";
    /// <summary>Goods.Measure1 (unit, e.g. <c>бр.</c>).</summary>
    public string Measure1 { get; init; } = "";
    /// <summary>Goods.Description.</summary>
    public string Description { get; init; } = "";
    /// <summary>Goods.PriceIn: purchase / average cost.</summary>
    public decimal PriceIn { get; init; }
    /// <summary>Goods.PriceOut1 … PriceOut10.</summary>
    public GoodPrices Prices { get; init; } = GoodPrices.Zero;
    /// <summary>Goods.Type bit flags (8 = service / non-inventory).</summary>
    public int Type { get; init; }
    /// <summary>ABS(Goods.GroupID).</summary>
    public int GroupId { get; init; }
    /// <summary>Goods.TaxGroup → vatgroups.ID.</summary>
    public int VatGroupId { get; init; }
    /// <summary>vatgroups.VATValue of <see cref="VatGroupId"/>, in percent.</summary>
    public decimal VatRate { get; init; }
    /// <summary>Goods.Deleted = -1.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>True when the good carries no stock (Type flag 8).</summary>
    public bool IsService => (Type & 8) != 0;
}

/// <summary>A good to create.</summary>
public sealed record NewGood
{
    /// <summary>Code (sku). Empty is stored as a single space.</summary>
    public string Code { get; init; } = "";
    /// <summary>BarCode1.</summary>
    public string BarCode1 { get; init; } = "";
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Measure1 (default <c>бр.</c>).</summary>
    public string Measure1 { get; init; } = "бр.";
    /// <summary>Description.</summary>
    public string Description { get; init; } = "";
    /// <summary>PriceIn.</summary>
    public decimal PriceIn { get; init; }
    /// <summary>Sale prices.</summary>
    public GoodPrices Prices { get; init; } = GoodPrices.Zero;
    /// <summary>Type flags.</summary>
    public int Type { get; init; }
    /// <summary>Group ID (1 = default group).</summary>
    public int GroupId { get; init; } = 1;
    /// <summary>VAT group ID.</summary>
    public int VatGroupId { get; init; } = 1;
}
