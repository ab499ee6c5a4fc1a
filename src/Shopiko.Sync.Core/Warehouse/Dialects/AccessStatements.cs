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
        $"SUM({TextHash(1, "Code")} + {TextHash(2, "BarCode1")} + {TextHash(3, "Name")} + {TextHash(4, "Measure1")} + " +
        $"{TextHash(5, "Description")} + {NumberHash(6, "GroupID")} + {NumberHash(7, "TaxGroup")} + {NumberHash(8, "Deleted")} + " +
        $"{NumberHash(9, PriceName(price))}) AS Checksum FROM {Goods} WHERE [ID] <> 1 GROUP BY [ID] \\ {ChangeBuckets.Size}";

    public override string SelectPartnersChecksums =>
        $"SELECT [ID] \\ {ChangeBuckets.Size} AS Bucket, COUNT(*) AS [Rows], " +
        $"SUM({TextHash(1, "Company")} + {TextHash(2, "MOL")} + {TextHash(3, "City")} + {TextHash(4, "Address")} + " +
        $"{TextHash(5, "Phone")} + {TextHash(6, "eMail")} + {TextHash(7, "TaxNo")} + {TextHash(8, "Bulstat")} + " +
        $"{NumberHash(9, "Deleted")}) AS Checksum FROM {Partners} WHERE [ID] <> 1 GROUP BY [ID] \\ {ChangeBuckets.Size}";

    // Jet has no hash function, so a row's hash is a sum of small integers, each value's weighted by its position: a
    // text's length and the codes of its first, middle and last characters (padded with a space, so that NULL and ''
    // read as ' '). Bounded by the text's length, it cannot overflow whatever the text holds. VAL is never applied to a
    // text: it reads '2E999' as an exponent (an overflow that fails the whole statement), '1D5' as 100000 and ignores
    // spaces. A change that keeps the length and those three characters is left to the reconciliation pass.
    private static string TextHash(int weight, string column) =>
        $"{weight} * (LEN([{column}] & '') + ASC([{column}] & ' ') + ASC(MID([{column}] & ' ', LEN([{column}] & '') \\ 2 + 1, 1)) + ASC(RIGHT(' ' & [{column}], 1)))";

    // A number's own text read back as a number (the integer part where the locale writes a decimal comma): bounded by
    // the column's type, so a price change of the same length still changes the hash.
    private static string NumberHash(int weight, string column) => $"{weight} * (LEN([{column}] & '') + VAL([{column}] & ''))";
}
