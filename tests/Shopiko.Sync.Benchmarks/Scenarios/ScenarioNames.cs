namespace Shopiko.Sync.Benchmarks.Scenarios;

/// <summary>The scenario names as printed in the table's first column.</summary>
public static class ScenarioNames
{
    /// <summary>Everything to an empty shop.</summary>
    public const string FullExport = "full export";

    /// <summary>The same data again, nothing changed.</summary>
    public const string NoChangeExport = "no-change re-export";

    /// <summary>The same data with a share of prices and stock changed.</summary>
    public const string ChangedExport = "1% changed re-export";

    /// <summary>Pending orders into one object.</summary>
    public const string OrderImport = "order import";

    /// <summary>Shop-made products and customers into the warehouse.</summary>
    public const string NomenclatureImport = "nomenclature import";

    /// <summary>All of them, in the order they run.</summary>
    public static IReadOnlyList<string> All { get; } = [FullExport, NoChangeExport, ChangedExport, OrderImport, NomenclatureImport];
}
