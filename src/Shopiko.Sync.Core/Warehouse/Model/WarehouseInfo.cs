namespace Shopiko.Sync.Warehouse.Model;

/// <summary>What the store learned about a Warehouse Pro database when it opened it.</summary>
/// <param name="Provider">The database engine.</param>
/// <param name="SchemaVersion">The value of <c>system.Version</c>, e.g. <c>3.07</c>.</param>
/// <param name="BaseCurrency">The three-letter code of currency 1 (BGN or EUR).</param>
/// <param name="Settings">The configuration keys that matter to the sync.</param>
public sealed record WarehouseInfo(
    Configuration.WarehouseProvider Provider,
    string SchemaVersion,
    string BaseCurrency,
    WarehouseSettings Settings)
{
    /// <summary>The length and character set of every text column, as the database declares them (none on SQLite).</summary>
    internal Fitting.ColumnLimits Columns { get; init; } = Fitting.ColumnLimits.None;
}

/// <summary>Costing method (<c>configkey23</c>).</summary>
public enum CostingMethod
{
    /// <summary>Average cost (0).</summary>
    Average = 0,
    /// <summary>Last purchase price (1).</summary>
    LastPurchase = 1,
    /// <summary>First in, first out (2).</summary>
    Fifo = 2,
    /// <summary>Last in, first out (3).</summary>
    Lifo = 3,
    /// <summary>Lot chosen by the user (4).</summary>
    Choice = 4,
    /// <summary>First expired, first out (5).</summary>
    Fefo = 5,
    /// <summary>Quick average (10).</summary>
    QuickAverage = 10,
}

/// <summary>Global configuration of the database (rows with <c>UserID = -1</c>, else the program's defaults).</summary>
/// <param name="PricesIncludeVat"><c>configkey20</c>: sale prices include VAT.</param>
/// <param name="Costing"><c>configkey23</c>.</param>
/// <param name="AllowNegativeStock"><c>configkey12</c>.</param>
/// <param name="DocumentNumbersPerObject"><c>configkey48</c>.</param>
public sealed record WarehouseSettings(
    bool PricesIncludeVat,
    CostingMethod Costing,
    bool AllowNegativeStock,
    bool DocumentNumbersPerObject)
{
    /// <summary>True when stock is kept in several lot rows per (object, good).</summary>
    public bool UsesLots => Costing is CostingMethod.Fifo or CostingMethod.Lifo or CostingMethod.Choice or CostingMethod.Fefo;
}
