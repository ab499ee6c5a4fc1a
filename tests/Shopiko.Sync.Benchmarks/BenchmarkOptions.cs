using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Benchmarks;

/// <summary>How much data each scenario works on.</summary>
/// <param name="Goods">Warehouse goods (each with one stock level in the object), exported.</param>
/// <param name="Groups">Goods groups the goods are spread over (a two-level tree).</param>
/// <param name="Partners">Warehouse partners, exported as customers.</param>
/// <param name="Orders">Pending shop orders to import into one object.</param>
/// <param name="LinesPerOrder">Product lines per order (plus a shipping line when the order has shipping).</param>
/// <param name="ShopProducts">Products made in the shop's admin, imported as goods by the nomenclature sync.</param>
/// <param name="ShopCustomers">Customers registered in the shop, imported as partners by the nomenclature sync.</param>
/// <param name="ChangedPercent">Share of goods whose price and stock change before the "changed" re-export.</param>
public sealed record BenchmarkSizes(
    int Goods, int Groups, int Partners, int Orders, int LinesPerOrder, int ShopProducts, int ShopCustomers, double ChangedPercent = 1)
{
    /// <summary>The sizes of issue 6: 100,000 goods in 200 groups, 10,000 partners, 10,000 orders, 20,000 + 5,000 shop records.</summary>
    public static BenchmarkSizes Full { get; } = new(100_000, 200, 10_000, 10_000, 3, 20_000, 5_000);

    /// <summary>The CI smoke size: 1,000 goods, 100 orders.</summary>
    public static BenchmarkSizes Small { get; } = new(1_000, 20, 100, 100, 3, 200, 50);

    /// <summary>Checks that every size is usable.</summary>
    public void Validate()
    {
        if (Goods < LinesPerOrder || Groups < 1 || Partners < 1 || Orders < 0 || LinesPerOrder < 1 || ShopProducts < 0 || ShopCustomers < 0
            || ChangedPercent is <= 0 or > 100)
        {
            throw new ArgumentException($"Unusable sizes: {this}. Goods ≥ lines per order ≥ 1, groups and partners ≥ 1, the rest ≥ 0, changed percent in (0, 100].");
        }
    }
}

/// <summary>Where the sandbox shop runs.</summary>
public enum SandboxPlacement
{
    /// <summary>A child process (this program with the hidden <c>sandbox-child</c> command): the peak RSS of the engine excludes the shop.</summary>
    ChildProcess,
    /// <summary>Inside the benchmark process: simpler, but the shop's memory counts in the engine's peak RSS.</summary>
    InProcess,
}

/// <summary>What <see cref="BenchmarkRunner.RunAsync"/> runs.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>The data sizes.</summary>
    public BenchmarkSizes Sizes { get; init; } = BenchmarkSizes.Full;

    /// <summary>The label printed for the sizes (<c>full</c>, <c>small</c>, <c>custom</c>).</summary>
    public string SizeName { get; init; } = "full";

    /// <summary>
    /// Also run issue 12's fast-path scenarios, after the order import and before the nomenclature import (about four
    /// minutes per provider: 60 s of idling and fifty timed changes with the service's fast schedules running).
    /// </summary>
    public bool FastPath { get; init; }

    /// <summary>
    /// Of the fast-path scenarios, run only the reconciliation this many times (each printed with its phases) and skip the
    /// service loop: the cheapest way to reproduce the reconciliation row. Null: all of them, the reconciliation once.
    /// </summary>
    public int? Reconciliations { get; init; }

    /// <summary>The warehouse providers, each a separate run with its own table.</summary>
    public IReadOnlyList<WarehouseProvider> Providers { get; init; } = [WarehouseProvider.MySql, WarehouseProvider.Sqlite];

    /// <summary>Where the sandbox shop runs.</summary>
    public SandboxPlacement Sandbox { get; init; } = SandboxPlacement.ChildProcess;

    /// <summary>A folder for the SQLite files; default the temp folder.</summary>
    public string? WorkDirectory { get; init; }
}
