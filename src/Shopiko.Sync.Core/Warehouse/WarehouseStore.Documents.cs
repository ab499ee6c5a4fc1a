using System.Data.Common;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

internal sealed partial class WarehouseStore
{
    /// <summary>The lot (or plain stock row) a part of a line's quantity is taken from.</summary>
    private sealed record Portion(decimal Quantity, decimal PriceIn, string Lot, int LotId);

    public async Task<WrittenDocument> WriteDocumentAsync(WarehouseDocument document, OrderImportRecord? order = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Lines is null || document.Lines.Count == 0)
        {
            throw new WarehouseDataException("The document has no lines. Nothing was written.");
        }

        foreach (var (line, index) in document.Lines.Select((l, i) => (l, i + 1)))
        {
            if (line.Quantity <= 0)
            {
                throw new WarehouseDataException($"Line {index} has the quantity {line.Quantity}; quantities must be positive. Nothing was written.");
            }

            Text.Write(line.Note, $"The note of line {index}");
        }

        if (order is not null)
        {
            ValidateOrder(order);
            await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var (operType, sign, prefix, _) = DocumentNumbers.Describe(document.Kind);
        var written = await WriteAsync(async (connection, transaction, sql, settings) =>
        {
            if (order is not null)
            {
                await RequireOrderNotRecordedAsync(connection, transaction, sql, order, cancellationToken).ConfigureAwait(false);
            }

            await RequireObjectAsync(connection, transaction, sql, document.ObjectId, cancellationToken).ConfigureAwait(false);
            if (await connection.QueryFirstOrDefaultAsync<PartnerRow>(Command(sql.SelectPartnerById, new { Id = document.PartnerId }, transaction, cancellationToken)).ConfigureAwait(false) is null)
            {
                throw new WarehouseDataException($"The partner {document.PartnerId} does not exist in the Warehouse Pro database. Nothing was written.");
            }

            // Every good of the document in one read; the lines are checked in order, as before.
            var ids = document.Lines.Select(l => l.GoodId).Distinct().Order().ToList();
            var goods = (await connection.QueryAsync<GoodRow>(Command(sql.SelectGoodsByIds(ids), null, transaction, cancellationToken)).ConfigureAwait(false))
                .ToDictionary(g => g.Id);
            foreach (var (line, index) in document.Lines.Select((l, i) => (l, i + 1)))
            {
                if (!goods.TryGetValue(line.GoodId, out var found) || found.Id == 1)
                {
                    throw new WarehouseDataException(
                        $"Line {index}: the good with ID {line.GoodId} does not exist in the Warehouse Pro database (it may have been deleted). Nothing was written.");
                }
            }

            var acct = await DocumentNumbers.ReserveAsync(connection, transaction, _dialect, sql, _logger, document.Kind, document.ObjectId,
                settings.DocumentNumbersPerObject, cancellationToken).ConfigureAwait(false);
            var date = document.Date.ToDateTime(TimeOnly.MinValue);
            var now = Clock.LocalNow(_time);
            var rows = 0;
            // The writes follow from what was read, so they go together in one batch at the end; the stock rows of a good
            // are read once and kept up to date in memory, so a good on two lines sees its first line's change.
            var batch = new StatementBatch(_dialect);
            var stock = await ReadStockRowsAsync(connection, transaction, sql, document, goods, sign, cancellationToken).ConfigureAwait(false);
            foreach (var (line, index) in document.Lines.Select((l, i) => (l, i + 1)))
            {
                var good = goods[line.GoodId];
                var portions = MoveStock(sql, settings, batch, stock, document.ObjectId, good, line.Quantity, sign);
                var vatRate = Number.Read(good.VatRate);
                foreach (var portion in portions)
                {
                    var parameters = new
                    {
                        OperType = operType,
                        Acct = acct,
                        GoodId = line.GoodId,
                        PartnerId = document.PartnerId,
                        ObjectId = document.ObjectId,
                        OperatorId = document.OperatorId,
                        Qtty = Number.Write(portion.Quantity),
                        Sign = sign,
                        PriceIn = Number.Write(portion.PriceIn),
                        PriceOut = Number.Write(line.PriceOut),
                        VatIn = Number.Write(VatOf(portion.PriceIn, vatRate, settings.PricesIncludeVat)),
                        VatOut = Number.Write(line.VatOut),
                        Discount = Number.Write(line.DiscountPercent),
                        CurrencyId = 1,
                        CurrencyRate = 1.0,
                        Date = date,
                        Lot = Text.Write(portion.Lot, "The lot", 50),
                        LotId = portion.LotId,
                        Note = Text.Write(line.Note, $"The note of line {index}"),
                        SrcDocId = 0,
                        UserId = document.OperatorId,
                        UserRealTime = now,
                    };
                    batch.Add(sql.InsertOperation, () => parameters);
                    rows++;
                }
            }

            if (document.Payments is { } payments)
            {
                AddPayments(batch, sql, document, payments, operType, acct, date, now);
            }

            var number = DocumentNumbers.Format(prefix, acct);
            if (order is null)
            {
                await batch.ExecuteAsync(connection, transaction, _commandTimeout, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var record = OrderRecordParameters(order, number, operType, acct, document.ObjectId);
                batch.Add(sql.InsertImportedOrder, () => record);
                try
                {
                    await batch.ExecuteAsync(connection, transaction, _commandTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e) when (_dialect.IsDuplicateKey(e))
                {
                    // The order record is the only unique key among these writes: another engine recorded the same
                    // revision between our check and now. Its document stands; ours is rolled back with this transaction.
                    throw new OrderAlreadyImportedException(order.OrderId, order.Revision, e);
                }
            }

            return new WrittenDocument(document.Kind, operType, acct, number, document.ObjectId, rows);
        }, cancellationToken).ConfigureAwait(false);
        Log.DocumentWritten(_logger, written.Kind.ToString(), written.Number, written.ObjectId, written.LineCount);
        return written;
    }

    /// <summary>VAT included in (or added to) a unit price, as the program writes VATIn.</summary>
    private static decimal VatOf(decimal price, decimal rate, bool pricesIncludeVat) =>
        Math.Round(pricesIncludeVat ? price * rate / (100 + rate) : price * rate / 100, 6, MidpointRounding.AwayFromZero);

    private static void AddPayments(
        StatementBatch batch, WarehouseSql sql, WarehouseDocument document, DocumentPayments payments,
        int operType, long acct, DateTime date, DateTime now)
    {
        // Money owed to us (sale, order) has Sign +1; a customer return pays money back (-1), as purchases do.
        var sign = document.Kind == DocumentKind.CustomerReturn ? -1 : 1;
        var endDate = payments.DueDate.ToDateTime(TimeOnly.MinValue);
        var rows = new List<(decimal Amount, int Mode, int Type)> { (payments.Due, -1, payments.DuePaymentTypeId) };
        rows.AddRange(payments.Paid.Select(p => (p.Amount, 1, p.PaymentTypeId)));
        foreach (var (amount, mode, type) in rows)
        {
            var parameters = new
            {
                Acct = acct,
                OperType = operType,
                PartnerId = document.PartnerId,
                ObjectId = document.ObjectId,
                Qtty = Number.Write(amount),
                Mode = mode,
                Sign = sign,
                Date = date,
                UserId = document.OperatorId,
                UserRealTime = now,
                Type = type,
                TransactionNumber = " ",
                EndDate = endDate,
            };
            batch.Add(sql.InsertPayment, () => parameters);
        }
    }

    /// <summary>
    /// Changes the stock of one line and returns the portions to write as operation rows (one per lot taken).
    /// </summary>
    /// <remarks>
    /// Sign 0 (orders) and services (Type flag 8) do not touch stock. Stock coming back (returns) goes to the default
    /// lot row (LotID 1), created when missing. Stock going out: with average or last-purchase costing it leaves the
    /// (object, good) row and may go negative — the shop already sold it and Warehouse Pro can hold it. With lots
    /// (FIFO, LIFO, choice, FEFO) it is taken from the lot rows in LotOrder order (LIFO: newest first), one operation
    /// row per lot at that lot's price; what the lots cannot cover is refused when configkey12 forbids negative stock,
    /// otherwise it is taken from the last lot in that order (which goes negative, as the program does).
    /// </remarks>
    private IReadOnlyList<Portion> MoveStock(
        WarehouseSql sql, WarehouseSettings settings, StatementBatch batch,
        Dictionary<int, List<StoreRow>> stock, int objectId, GoodRow good, decimal quantity, int sign)
    {
        var cost = Number.Read(good.PriceIn);
        if (!MovesStock(good, sign))
        {
            return [new Portion(quantity, cost, "", 1)];
        }

        var rows = stock[good.Id];

        if (sign > 0)
        {
            var target = rows.FirstOrDefault(r => r.LotId is null or 1);
            if (target is null)
            {
                InsertStoreRow(quantity, cost, (rows.Max(r => r.LotOrder) ?? 0) + 1);
            }
            else
            {
                Add(target, quantity);
            }

            return [new Portion(quantity, cost, "", 1)];
        }

        if (!settings.UsesLots)
        {
            var before = rows.Sum(r => Number.Read(r.Qtty));
            var row = rows.FirstOrDefault(r => r.LotId is null or 1) ?? rows.FirstOrDefault();
            if (row is null)
            {
                InsertStoreRow(-quantity, cost, 1);
            }
            else
            {
                Add(row, -quantity);
            }

            if (before < quantity)
            {
                Log.NegativeStock(_logger, good.Id, objectId, quantity - Math.Max(before, 0));
            }

            return [new Portion(quantity, cost, "", 1)];
        }

        IEnumerable<StoreRow> ordered = settings.Costing == CostingMethod.Lifo ? Enumerable.Reverse(rows) : rows;
        var inOrder = ordered.ToList();
        var portions = new List<Portion>();
        var remaining = quantity;
        foreach (var lot in inOrder)
        {
            var available = Number.Read(lot.Qtty);
            if (remaining == 0 || available <= 0)
            {
                continue;
            }

            var take = Math.Min(available, remaining);
            Add(lot, -take);
            portions.Add(new Portion(take, Number.Read(lot.Price), Text.Read(lot.Lot), lot.LotId ?? 1));
            remaining -= take;
        }

        if (remaining > 0)
        {
            if (!settings.AllowNegativeStock)
            {
                throw new WarehouseDataException(
                    $"Not enough stock of '{Text.Read(good.Name)}' (ID {good.Id}) in the lots of object {objectId}: {quantity} needed, " +
                    $"{quantity - remaining} available, and the database forbids negative stock (costing by lots). Deliver the goods in " +
                    "Warehouse Pro or allow negative stock, then import again. Nothing was written.");
            }

            var last = inOrder.LastOrDefault();
            if (last is null)
            {
                InsertStoreRow(-remaining, cost, 1);
                portions.Add(new Portion(remaining, cost, "", 1));
            }
            else
            {
                Add(last, -remaining);
                portions.Add(new Portion(remaining, Number.Read(last.Price), Text.Read(last.Lot), last.LotId ?? 1));
            }

            Log.NegativeStock(_logger, good.Id, objectId, remaining);
        }

        return portions;

        // The UPDATE adds in the database, as before; the row in memory follows (NULL + delta stays NULL there too).
        void Add(StoreRow row, decimal delta)
        {
            row.Qtty += Number.Write(delta);
            if (row.Id != PendingRow)
            {
                var parameters = new { Delta = Number.Write(delta), row.Id };
                batch.Add(sql.AddToStoreRow, () => parameters);
            }
        }

        // A new row is inserted with the quantity it has when the batch is sent (later lines of the same good add to it).
        void InsertStoreRow(decimal quantity, decimal price, int lotOrder)
        {
            var row = new StoreRow { Id = PendingRow, Qtty = Number.Write(quantity), Price = Number.Write(price), Lot = " ", LotId = 1, LotOrder = lotOrder };
            rows.Add(row);
            rows.Sort((x, y) => (x.LotOrder ?? 0) != (y.LotOrder ?? 0) ? (x.LotOrder ?? 0).CompareTo(y.LotOrder ?? 0) : (x.Id == PendingRow ? int.MaxValue : x.Id).CompareTo(y.Id == PendingRow ? int.MaxValue : y.Id));
            batch.Add(sql.InsertStoreRow, () => new
            {
                ObjectId = objectId,
                GoodId = good.Id,
                row.Qtty,
                row.Price,
                row.Lot,
                row.LotId,
                row.LotOrder,
            });
        }
    }

    /// <summary>Sign 0 (orders) and services (Type flag 8) do not touch stock.</summary>
    private static bool MovesStock(GoodRow good, int sign) => sign != 0 && ((good.Type ?? 0) & 8) == 0;

    /// <summary>
    /// The stock rows (locked) of every good of the document whose stock moves, read once: a good on two lines sees its
    /// first line's change in memory. Every such good has a list, empty when it has no row in the object.
    /// </summary>
    private async Task<Dictionary<int, List<StoreRow>>> ReadStockRowsAsync(
        DbConnection connection, DbTransaction transaction, WarehouseSql sql, WarehouseDocument document, Dictionary<int, GoodRow> goods, int sign,
        CancellationToken cancellationToken)
    {
        var ids = document.Lines.Select(l => goods[l.GoodId]).Where(g => MovesStock(g, sign)).Select(g => g.Id).Distinct().Order().ToList();
        var stock = ids.ToDictionary(id => id, _ => new List<StoreRow>());
        if (ids.Count > 0)
        {
            foreach (var row in await connection.QueryAsync<StoreRow>(Command(sql.SelectStoreRows(ids), new { document.ObjectId }, transaction, cancellationToken)).ConfigureAwait(false))
            {
                stock[row.GoodId].Add(row);
            }
        }

        return stock;
    }

    /// <summary>The ID of a stock row inserted by the batch not yet sent.</summary>
    private const int PendingRow = -1;

    private async Task RequireObjectAsync(DbConnection connection, DbTransaction transaction, WarehouseSql sql, int objectId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryFirstOrDefaultAsync<ObjectRow>(Command(sql.SelectObjectById, new { Id = objectId }, transaction, cancellationToken)).ConfigureAwait(false);
        if (row is null || row.Deleted == -1)
        {
            throw new WarehouseDataException(
                $"The object (warehouse location) {objectId} {(row is null ? "does not exist" : "is deleted")} in the Warehouse Pro database. " +
                "Choose another object in the import settings. Nothing was written.");
        }
    }

    public async Task<bool> AnnulSalesOrderAsync(long acct, int objectId, OrderImportRecord? order = null, CancellationToken cancellationToken = default)
    {
        if (order is not null)
        {
            ValidateOrder(order);
            await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var (operType, _, prefix, _) = DocumentNumbers.Describe(DocumentKind.SalesOrder);
        var number = DocumentNumbers.Format(prefix, acct);
        var annulled = await WriteAsync(async (connection, transaction, sql, _) =>
        {
            var keys = new { OperType = operType, Acct = acct, ObjectId = objectId };
            var lines = await connection.ExecuteScalarAsync<long>(Command(sql.CountDocumentLines, keys, transaction, cancellationToken)).ConfigureAwait(false);
            if (lines == 0)
            {
                return false;
            }

            if (order is not null)
            {
                await RequireOrderNotRecordedAsync(connection, transaction, sql, order, cancellationToken).ConfigureAwait(false);
            }

            // The nextacct row stays: the number remains used, as when the program deletes a document.
            await connection.ExecuteAsync(Command(sql.DeleteDocumentLines, keys, transaction, cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(Command(sql.DeleteDocumentPayments, keys, transaction, cancellationToken)).ConfigureAwait(false);
            if (order is not null)
            {
                await RecordOrderAsync(connection, transaction, sql, order, number, operType, acct, objectId, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (annulled)
        {
            Log.SalesOrderAnnulled(_logger, number, objectId);
        }

        return annulled;
    }
}
