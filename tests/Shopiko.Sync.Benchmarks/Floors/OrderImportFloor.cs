using System.Diagnostics;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Benchmarks.Scenarios;

namespace Shopiko.Sync.Benchmarks.Floors;

/// <summary>
/// The floor of the order import: the same rows written with the same transactions and no engine around them. Per
/// order, one transaction holds the number reservation (<c>nextacct</c>), the operation rows (one per line plus the
/// shipping line, one multi-row INSERT), one stock UPDATE per line, the payment rows (due, and paid when paid; one
/// INSERT) and the order's sync-state row; then a second statement marks it acknowledged, as the engine does after the
/// shop took the acknowledgement. The rows carry a floor-only scope and numbers and are deleted afterwards.
/// </summary>
internal static class OrderImportFloor
{
    private const string Scope = "benchmark-floor";
    private const long FirstAcct = 900_000_000;

    public static async Task<double> MeasureAsync(WarehouseDb db, int objectId, IReadOnlyList<OrderSpec> orders, CancellationToken ct)
    {
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Unspecified);
        var date = now.Date;
        var clock = Stopwatch.StartNew();
        await using (var connection = await db.OpenAsync(ct).ConfigureAwait(false))
        {
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i];
                var acct = FirstAcct + i;
                var orderId = "floor-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await using (var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
                {
                    await WarehouseDb.ExecuteAsync(connection, transaction, "INSERT INTO `nextacct` (`NextAcct`) VALUES (@k)", ct, ("@k", "BF" + acct)).ConfigureAwait(false);
                    await InsertOperationsAsync(connection, transaction, order, acct, objectId, date, now, ct).ConfigureAwait(false);
                    foreach (var line in order.Lines)
                    {
                        await WarehouseDb.ExecuteAsync(connection, transaction,
                            "UPDATE `store` SET `Qtty` = `Qtty` - @q WHERE `ObjectID` = @o AND `GoodID` = @g", ct,
                            ("@q", (double)line.Quantity), ("@o", objectId), ("@g", line.GoodId)).ConfigureAwait(false);
                    }

                    await InsertPaymentsAsync(connection, transaction, order, acct, objectId, date, now, ct).ConfigureAwait(false);
                    await WarehouseDb.ExecuteAsync(connection, transaction,
                        "INSERT INTO `shopikosync_orders` (`Scope`, `OrderId`, `Revision`, `Status`, `DocumentNumber`, `OperType`, `Acct`, `ObjectId`, `Acknowledged`, `RecordedAt`) " +
                        "VALUES (@s, @id, 1, 'new', @n, 2, @a, @o, 0, @t)", ct,
                        ("@s", Scope), ("@id", orderId), ("@n", "S" + acct), ("@a", acct), ("@o", objectId), ("@t", now)).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }

                await WarehouseDb.ExecuteAsync(connection, null,
                    "UPDATE `shopikosync_orders` SET `Acknowledged` = -1 WHERE `Scope` = @s AND `OrderId` = @id AND `Revision` = 1", ct,
                    ("@s", Scope), ("@id", orderId)).ConfigureAwait(false);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await CleanUpAsync(db, objectId, orders, ct).ConfigureAwait(false);
        return seconds;
    }

    private static async Task InsertOperationsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, OrderSpec order, long acct, int objectId, DateTime date, DateTime now, CancellationToken ct)
    {
        var rows = order.Lines.Select(l => (l.GoodId, l.Quantity, l.UnitPrice, l.DiscountPercent)).ToList();
        if (order.Shipping > 0)
        {
            rows.Add((order.Lines[0].GoodId, 1m, order.Shipping, 0m));
        }

        var values = string.Join(", ", rows.Select((_, r) =>
            $"(2, @a, @g{r}, @p, @o, 1, @q{r}, -1, @pi{r}, @po{r}, @vi{r}, @vo{r}, @d{r}, 1, 1.0, @date, ' ', 1, ' ', 0, 1, @now)"));
        await using var command = WarehouseDb.Command(connection, transaction,
            "INSERT INTO `operations` (`OperType`, `Acct`, `GoodID`, `PartnerID`, `ObjectID`, `OperatorID`, `Qtty`, `Sign`, `PriceIn`, `PriceOut`, `VATIn`, `VATOut`, " +
            "`Discount`, `CurrencyID`, `CurrencyRate`, `Date`, `Lot`, `LotID`, `Note`, `SrcDocID`, `UserID`, `UserRealTime`) VALUES " + values,
            ("@a", acct), ("@p", order.PartnerId), ("@o", objectId), ("@date", date), ("@now", now));
        for (var r = 0; r < rows.Count; r++)
        {
            var (goodId, quantity, price, discount) = rows[r];
            var net = Math.Round(price * (100 - discount) / 100, 6);
            WarehouseDb.Add(command, $"@g{r}", goodId);
            WarehouseDb.Add(command, $"@q{r}", (double)quantity);
            WarehouseDb.Add(command, $"@pi{r}", (double)Math.Round(price * 0.6m, 2));
            WarehouseDb.Add(command, $"@po{r}", (double)net);
            WarehouseDb.Add(command, $"@vi{r}", (double)Math.Round(price * 0.6m / 6, 6));
            WarehouseDb.Add(command, $"@vo{r}", (double)Math.Round(net / 6, 6));
            WarehouseDb.Add(command, $"@d{r}", (double)discount);
        }

        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task InsertPaymentsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, OrderSpec order, long acct, int objectId, DateTime date, DateTime now, CancellationToken ct)
    {
        const string Row = "(@a, 2, @p, @o, @q, {0}, 1, @date, 1, @now, {1}, ' ', @date)";
        var values = string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, -1, 3) +
            (order.Paid ? ", " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, 1, 3) : "");
        await WarehouseDb.ExecuteAsync(connection, transaction,
            "INSERT INTO `payments` (`Acct`, `OperType`, `PartnerID`, `ObjectID`, `Qtty`, `Mode`, `Sign`, `Date`, `UserID`, `UserRealTime`, `Type`, `TransactionNumber`, `EndDate`) VALUES " + values, ct,
            ("@a", acct), ("@p", order.PartnerId), ("@o", objectId), ("@q", (double)order.Total), ("@date", date), ("@now", now)).ConfigureAwait(false);
    }

    /// <summary>Removes the floor's rows and gives the stock back, so the next scenarios see the engine's data only.</summary>
    private static async Task CleanUpAsync(WarehouseDb db, int objectId, IReadOnlyList<OrderSpec> orders, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `operations` WHERE `OperType` = 2 AND `Acct` >= @a", ct, ("@a", FirstAcct)).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `payments` WHERE `OperType` = 2 AND `Acct` >= @a", ct, ("@a", FirstAcct)).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `nextacct` WHERE `NextAcct` LIKE 'BF%'", ct).ConfigureAwait(false);
        await WarehouseDb.ExecuteAsync(connection, transaction, "DELETE FROM `shopikosync_orders` WHERE `Scope` = @s", ct, ("@s", Scope)).ConfigureAwait(false);
        foreach (var (goodId, quantity) in orders.SelectMany(o => o.Lines).GroupBy(l => l.GoodId).Select(g => (g.Key, g.Sum(l => l.Quantity))))
        {
            await WarehouseDb.ExecuteAsync(connection, transaction, "UPDATE `store` SET `Qtty` = `Qtty` + @q WHERE `ObjectID` = @o AND `GoodID` = @g", ct,
                ("@q", (double)quantity), ("@o", objectId), ("@g", goodId)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
