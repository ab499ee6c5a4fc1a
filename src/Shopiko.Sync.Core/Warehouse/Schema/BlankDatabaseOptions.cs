using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse.Schema;

/// <summary>What a blank Warehouse Pro database created by <see cref="WarehouseSchema.CreateBlankAsync"/> starts with.</summary>
public sealed record BlankDatabaseOptions
{
    /// <summary>Three-letter code of currency 1, the base currency (e.g. <c>EUR</c>, <c>BGN</c>).</summary>
    public string BaseCurrency { get; init; } = "EUR";

    /// <summary><c>configkey20</c>: sale prices include VAT.</summary>
    public bool PricesIncludeVat { get; init; } = true;

    /// <summary>Name of the object created besides the service row (it gets ID 2).</summary>
    public string ObjectName { get; init; } = "Централен Склад";

    /// <summary><c>configkey23</c>: the costing method.</summary>
    public CostingMethod Costing { get; init; } = CostingMethod.Average;
}
