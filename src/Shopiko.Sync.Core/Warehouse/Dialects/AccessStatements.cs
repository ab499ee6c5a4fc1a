using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse.Changes;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The statements Access (Jet/ACE) receives where they differ from the common ones (<see cref="WarehouseStatements"/>),
/// as it receives them: brackets, positional <c>?Name?</c> parameters (each used once), one statement per command.
/// </summary>
internal sealed class AccessStatements(WarehouseDialect dialect, TableNames tables) : WarehouseStatements(dialect, tables)
{
    // Sent as its own command after the INSERT: Jet runs one statement per command.
    public override string LastIdentity => "SELECT @@IDENTITY";

    // Jet spells UPPER as UCASE.
    public override string SelectGoodsByCode =>
        $"SELECT {Common(GoodsColumnsAndFrom)} WHERE g.[ID] <> 1 AND (g.[Deleted] IS NULL OR g.[Deleted] <> -1) " +
        "AND UCASE(TRIM(g.[Code])) = UCASE(?Code?) ORDER BY g.[ID]";

    public override string SelectGoodsChecksums(PriceColumn price) =>
        $"SELECT [ID] \\ {ChangeBuckets.Size} AS Bucket, COUNT(*) AS [Rows], " +
        $"SUM({RowHash("Code", "BarCode1", "Name", "Measure1", "Description", "GroupID", "TaxGroup", "Deleted", PriceName(price))}) AS Checksum " +
        $"FROM {Goods} WHERE [ID] <> 1 GROUP BY [ID] \\ {ChangeBuckets.Size}";

    public override string SelectPartnersChecksums =>
        $"SELECT [ID] \\ {ChangeBuckets.Size} AS Bucket, COUNT(*) AS [Rows], " +
        $"SUM({RowHash("Company", "MOL", "City", "Address", "Phone", "eMail", "TaxNo", "Bulstat", "Deleted")}) AS Checksum " +
        $"FROM {Partners} WHERE [ID] <> 1 GROUP BY [ID] \\ {ChangeBuckets.Size}";

    // Jet has no hash function: each value's length and numeric value, weighted by position. A change that keeps both
    // (a name's letter swapped for another) is left to the reconciliation pass.
    private static string RowHash(params string[] columns) =>
        "(" + string.Join(" + ", columns.Select((c, i) => $"{i + 1} * (LEN([{c}] & '') + VAL([{c}] & ''))")) + ")";
}
