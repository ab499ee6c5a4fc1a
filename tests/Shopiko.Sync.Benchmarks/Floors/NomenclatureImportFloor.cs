using System.Diagnostics;
using System.Globalization;
using Shopiko.Sync.Benchmarks.Infrastructure;

namespace Shopiko.Sync.Benchmarks.Floors;

/// <summary>
/// The floor of the nomenclature import: the same records written with the same transactions and no engine around
/// them. Per shop product one transaction inserts the good, its zero stock row in every object and its link row; per
/// shop customer one transaction inserts the partner and its link row. The rows carry a floor-only code prefix and
/// scope and are deleted afterwards.
/// </summary>
internal static class NomenclatureImportFloor
{
    private const string Scope = "benchmark-floor";

    public static async Task<double> MeasureAsync(WarehouseDb db, int products, int customers, CancellationToken ct)
    {
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Unspecified);
        var clock = Stopwatch.StartNew();
        await using (var connection = await db.OpenAsync(ct).ConfigureAwait(false))
        {
            for (var n = 1; n <= products; n++)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var id = await WarehouseDb.ScalarAsync(connection, transaction,
                    "INSERT INTO `goods` (`Code`, `BarCode1`, `BarCode2`, `BarCode3`, `Catalog1`, `Catalog2`, `Catalog3`, `Name`, `Name2`, `Measure1`, `Measure2`, " +
                    "`Ratio`, `PriceIn`, `PriceOut1`, `PriceOut2`, `MinQtty`, `NormalQtty`, `Description`, `Type`, `IsRecipe`, `TaxGroup`, `IsVeryUsed`, `GroupID`, `Deleted`) " +
                    "VALUES (@c, ' ', ' ', ' ', ' ', ' ', ' ', @n, @n, 'бр.', ' ', 1, 0, @p, @p, 0, 0, ' ', 0, 0, 1, 0, 1, 0); " + db.LastIdentity, ct,
                    ("@c", "BF-" + n.ToString(CultureInfo.InvariantCulture)), ("@n", "Продукт от магазина " + n.ToString(CultureInfo.InvariantCulture)), ("@p", 9.99)).ConfigureAwait(false);
                await WarehouseDb.ExecuteAsync(connection, transaction,
                    "INSERT INTO `store` (`ObjectID`, `GoodID`, `Qtty`, `Price`, `Lot`, `LotID`, `LotOrder`) SELECT `ID`, @g, 0, 0, ' ', 1, 1 FROM `objects`", ct,
                    ("@g", id)).ConfigureAwait(false);
                await InsertLinkAsync(connection, transaction, "Product", id, "fp-" + n.ToString(CultureInfo.InvariantCulture), now, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }

            for (var n = 1; n <= customers; n++)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var id = await WarehouseDb.ScalarAsync(connection, transaction,
                    "INSERT INTO `partners` (`Code`, `Company`, `Company2`, `MOL`, `MOL2`, `City`, `City2`, `Address`, `Address2`, `Phone`, `Phone2`, `Fax`, `eMail`, " +
                    "`TaxNo`, `Bulstat`, `BankName`, `BankCode`, `BankAcct`, `BankVATName`, `BankVATCode`, `BankVATAcct`, `PriceGroup`, `Discount`, `Type`, `IsVeryUsed`, " +
                    "`UserID`, `GroupID`, `UserRealTime`, `Deleted`, `CardNumber`, `Note1`, `Note2`, `PaymentDays`) " +
                    "VALUES (@c, @n, @n, ' ', ' ', 'Варна', 'Варна', ' ', ' ', ' ', ' ', ' ', @e, ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', 1, 0, 0, 0, 1, 1, @t, 0, ' ', ' ', ' ', 0); " +
                    db.LastIdentity, ct,
                    ("@c", "BF-" + n.ToString(CultureInfo.InvariantCulture)), ("@n", "Клиент от магазина " + n.ToString(CultureInfo.InvariantCulture)),
                    ("@e", $"floor{n}@example.com"), ("@t", now)).ConfigureAwait(false);
                await InsertLinkAsync(connection, transaction, "Customer", id, "fc-" + n.ToString(CultureInfo.InvariantCulture), now, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await CleanUpAsync(db, ct).ConfigureAwait(false);
        return seconds;
    }

    private static Task<int> InsertLinkAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string entity, long localId, string remoteId, DateTime now, CancellationToken ct) =>
        WarehouseDb.ExecuteAsync(connection, transaction,
            "INSERT INTO `shopikosync_links` (`Scope`, `Entity`, `LocalId`, `RemoteId`, `ContentHash`, `UpdatedAt`) VALUES (@s, @e, @l, @r, NULL, @t)", ct,
            ("@s", Scope), ("@e", entity), ("@l", localId), ("@r", remoteId), ("@t", now));

    private static async Task CleanUpAsync(WarehouseDb db, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction,
            "DELETE FROM `store` WHERE `GoodID` IN (SELECT `LocalId` FROM `shopikosync_links` WHERE `Scope` = @s AND `Entity` = 'Product')", ct, ("@s", Scope)).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `goods` WHERE `Code` LIKE 'BF-%'", ct).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `partners` WHERE `Code` LIKE 'BF-%'", ct).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `shopikosync_links` WHERE `Scope` = @s", ct, ("@s", Scope)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
