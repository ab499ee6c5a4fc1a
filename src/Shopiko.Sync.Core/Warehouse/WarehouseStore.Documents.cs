using System.Data.Common;
using System.Globalization;
using Dapper;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

internal sealed partial class WarehouseStore
{
    /// <summary>The lot (or plain stock row) a part of a line's quantity is taken from.</summary>
    private sealed record Portion(decimal Quantity, decimal PriceIn, string Lot, int LotId);

    public async Task<WrittenDocument> WriteDocumentAsync(WarehouseDocument document, OrderImportRecord? order = null, CancellationToken cancellationToken = default)
    {
        ValidateDocument(document);
        if (order is not null)
        {
            ValidateOrder(order);
            await EnsureSyncStateOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var written = await WriteAsync(async (connection, transaction, sql, settings) =>
        {
            var (batch, written) = await BuildDocumentAsync(connection, transaction, sql, settings, document, order, cancellationToken).ConfigureAwait(false);
            if (order is not null)
            {
                batch.Add(sql.InsertImportedOrder, OrderRecordParameters(order, written.Number, written.OperType, written.Acct, document.ObjectId));
            }

            await ExecuteDocumentBatchAsync(connection, transaction, batch, order, cancellationToken).ConfigureAwait(false);
            return written;
        }, cancellationToken).ConfigureAwait(false);
        Log.DocumentWritten(_logger, written.Kind.ToString(), written.Number, written.ObjectId, written.LineCount);
        return written;
    }

    private static void ValidateDocument(WarehouseDocument document)
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
        }

        DocumentDates.Require(document.Date, "The document date");
        if (document.Payments is { } due)
        {
            DocumentDates.Require(due.DueDate, "The payment due date");
        }
    }

    /// <summary>Runs a document's batch; with an order record in it, a duplicate key means another engine recorded the revision first.</summary>
    private async Task ExecuteDocumentBatchAsync(DbConnection connection, DbTransaction transaction, StatementBatch batch, OrderImportRecord? order, CancellationToken cancellationToken)
    {
        try
        {
            await batch.ExecuteAsync(connection, transaction, _commandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (order is not null && _dialect.IsDuplicateKey(e))
        {
            // The order record is the only unique key among these writes: another engine recorded the same
            // revision between our check and now. Its document stands; ours is rolled back with this transaction.
            throw new OrderAlreadyImportedException(order.OrderId, order.Revision, e);
        }
    }

    /// <summary>
    /// Reads what <paramref name="document"/> needs inside the transaction, reserves its number and returns the batch of
    /// its writes (lines, stock, payments), not yet sent. With <paramref name="order"/>, a recorded revision stops it.
    /// </summary>
    private async Task<(StatementBatch Batch, WrittenDocument Written)> BuildDocumentAsync(
        DbConnection connection, DbTransaction transaction, WarehouseSql sql, WarehouseSettings settings, WarehouseDocument document,
        OrderImportRecord? order, CancellationToken cancellationToken)
    {
        var (operType, sign, prefix, numberedWith) = DocumentNumbers.Describe(document.Kind);
        var ids = document.Lines.Select(l => l.GoodId).Distinct().Order().ToList();
        // What the document needs to exist, and the last number, in one round trip where the engine batches statements.
        var facts = await ReadDocumentFactsAsync(connection, transaction, sql, document, order, ids,
            sql.SelectMaxAcct(numberedWith, settings.DocumentNumbersPerObject), cancellationToken).ConfigureAwait(false);
        if (order is not null && facts.Recorded > 0)
        {
            throw new OrderAlreadyImportedException(order.OrderId, order.Revision);
        }

        if (facts.Object is null || facts.Object.Deleted == -1)
        {
            throw new WarehouseDataException(
                $"The object (warehouse location) {document.ObjectId} {(facts.Object is null ? "does not exist" : "is deleted")} in the Warehouse Pro database. " +
                "Choose another object in the import settings. Nothing was written.");
        }

        if (!facts.PartnerExists)
        {
            throw new WarehouseDataException($"The partner {document.PartnerId} does not exist in the Warehouse Pro database. Nothing was written.");
        }

        var goods = facts.Goods;
        foreach (var (line, index) in document.Lines.Select((l, i) => (l, i + 1)))
        {
            if (!goods.TryGetValue(line.GoodId, out var found) || found.Id == 1)
            {
                throw new WarehouseDataException(
                    $"Line {index}: the good with ID {line.GoodId} does not exist in the Warehouse Pro database (it may have been deleted). Nothing was written.");
            }
        }

        // The stock rows (locked) of every good whose stock moves are read right after the number is reserved, in
        // the same command where the engine batches statements.
        var stockIds = ids.Where(id => MovesStock(goods[id], sign)).ToList();
        (string, DynamicParameters)? stockRead = null;
        if (stockIds.Count > 0)
        {
            var parameters = new DynamicParameters();
            parameters.Add("ObjectId", document.ObjectId);
            WarehouseDialect.AddIdParameters(parameters, "S", stockIds);
            stockRead = (sql.SelectStoreRows(stockIds), parameters);
        }

        var (acct, stockRows) = await DocumentNumbers.ReserveAsync<StoreRow>(connection, transaction, _dialect, sql, _logger, document.Kind,
            facts.MaxAcct, stockRead, _commandTimeout, cancellationToken).ConfigureAwait(false);
        var stock = stockIds.ToDictionary(id => id, _ => new List<StoreRow>());
        foreach (var row in stockRows)
        {
            stock[row.GoodId].Add(row);
        }

        var date = document.Date.ToDateTime(TimeOnly.MinValue);
        var now = Clock.LocalNow(_time);
        // The writes follow from what was read, so they go together in one batch at the end; the stock rows of a good
        // are read once and kept up to date in memory, so a good on two lines sees its first line's change.
        var batch = new StatementBatch(_dialect);
        var operations = new List<(DocumentLine Line, int Index, Portion Portion, decimal VatRate)>(document.Lines.Count);
        var changes = new List<(int RowId, decimal Delta)>();
        foreach (var (line, index) in document.Lines.Select((l, i) => (l, i + 1)))
        {
            var good = goods[line.GoodId];
            var vatRate = Number.Read(good.VatRate);
            foreach (var portion in MoveStock(sql, settings, batch, changes, stock, document.ObjectId, good, line.Quantity, sign))
            {
                // Stock coming back at a given cost (a return of a booked sale) is written at that cost.
                operations.Add((line, index, sign > 0 && line.PriceIn is { } cost ? portion with { PriceIn = cost } : portion, vatRate));
            }
        }

        AddStockChanges(batch, sql, changes);

        var fitted = new List<TextChange>();
        AddOperations(batch, sql, document, operations, operType, sign, acct, date, now, settings.PricesIncludeVat, fitted);
        if (document.Payments is { } payments)
        {
            AddPayments(batch, sql, document, payments, operType, acct, date, now);
        }

        var number = DocumentNumbers.Format(prefix, acct);
        return (batch, new WrittenDocument(document.Kind, operType, acct, number, document.ObjectId, operations.Count)
        {
            TextChanges = fitted.Count == 0 ? Array.Empty<TextChange>() : fitted,
        });
    }

    /// <summary>The row of <see cref="WarehouseSql.SelectDocumentFacts"/>.</summary>
    private sealed class DocumentFactsRow
    {
        public long Recorded { get; set; }
        public long Objects { get; set; }
        public int? ObjectDeleted { get; set; }
        public long Partners { get; set; }
        public double? MaxAcct { get; set; }
    }

    /// <summary>What a document's transaction reads before it writes.</summary>
    private sealed record DocumentFacts(long Recorded, ObjectRow? Object, bool PartnerExists, Dictionary<int, GoodRow> Goods, double? MaxAcct);

    /// <summary>
    /// Whether the order's revision is recorded, the object, the partner, the goods and the highest number so far: one
    /// row of checks and the goods, in one command, where the engine takes several statements per command (a round trip
    /// and a statement each would cost more than the lookups); one statement after another on Access.
    /// </summary>
    private async Task<DocumentFacts> ReadDocumentFactsAsync(
        DbConnection connection, DbTransaction transaction, WarehouseSql sql, WarehouseDocument document, OrderImportRecord? order,
        List<int> goodIds, string maxAcct, CancellationToken cancellationToken)
    {
        var goodParameters = new DynamicParameters();
        WarehouseDialect.AddIdParameters(goodParameters, "G", goodIds);

        if (sql.SelectDocumentFacts is { } selectFacts)
        {
            goodParameters.Add("ObjectId", document.ObjectId);
            goodParameters.Add("PartnerId", document.PartnerId);
            if (order is not null)
            {
                goodParameters.Add("Scope", order.Scope);
                goodParameters.Add("OrderId", order.OrderId);
                goodParameters.Add("Revision", order.Revision);
            }

            var text = selectFacts(maxAcct, order is not null) + ";\n" + sql.SelectDocumentGoods(goodIds);
            await using var grid = await connection.QueryMultipleAsync(Command(text, goodParameters, transaction, cancellationToken)).ConfigureAwait(false);
            var row = await grid.ReadSingleAsync<DocumentFactsRow>().ConfigureAwait(false);
            var goods = (await grid.ReadAsync<GoodRow>().ConfigureAwait(false)).ToDictionary(g => g.Id);
            var objectRow = row.Objects == 0 ? null : new ObjectRow { Id = document.ObjectId, Deleted = row.ObjectDeleted };
            return new DocumentFacts(row.Recorded, objectRow, row.Partners > 0, goods, row.MaxAcct);
        }

        // Access: one statement per command, and no SELECT without a table.
        var count = order is null ? 0 : await connection.ExecuteScalarAsync<long>(Command(sql.CountImportedOrderRevision,
            new { order.Scope, order.OrderId, order.Revision }, transaction, cancellationToken)).ConfigureAwait(false);
        var found = await connection.QueryFirstOrDefaultAsync<ObjectRow>(Command(sql.SelectDocumentObject, new { document.ObjectId }, transaction, cancellationToken)).ConfigureAwait(false);
        var partnerId = await connection.ExecuteScalarAsync<int?>(Command(sql.SelectDocumentPartner, new { document.PartnerId }, transaction, cancellationToken)).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<GoodRow>(Command(sql.SelectDocumentGoods(goodIds), goodParameters, transaction, cancellationToken)).ConfigureAwait(false))
            .ToDictionary(g => g.Id);
        var highest = await connection.ExecuteScalarAsync<double?>(Command(maxAcct, new { document.ObjectId }, transaction, cancellationToken)).ConfigureAwait(false);
        return new DocumentFacts(count, found, partnerId is not null, rows, highest);
    }

    /// <summary>The document's operation rows: one INSERT for all of them where VALUES takes several rows.</summary>
    private void AddOperations(
        StatementBatch batch, WarehouseSql sql, WarehouseDocument document, List<(DocumentLine Line, int Index, Portion Portion, decimal VatRate)> operations,
        int operType, int sign, long acct, DateTime date, DateTime now, bool pricesIncludeVat, ICollection<TextChange> fitted)
    {
        // Values are checked and converted now, so a value too long fails before anything is sent.
        var rows = operations.Select(o => new
        {
            o.Line.GoodId,
            Qtty = Number.Write(o.Portion.Quantity),
            PriceIn = Number.Write(o.Portion.PriceIn),
            PriceOut = Number.Write(o.Line.PriceOut),
            VatIn = Number.Write(VatOf(o.Portion.PriceIn, o.VatRate, pricesIncludeVat)),
            VatOut = Number.Write(o.Line.VatOut),
            Discount = Number.Write(o.Line.DiscountPercent),
            Lot = FitColumn(o.Portion.Lot, "operations", "Lot", $"The lot of line {o.Index}", fitted),
            o.Portion.LotId,
            Note = FitColumn(o.Line.Note, "operations", "Note", $"The note of line {o.Index}", fitted),
        }).ToList();
        var perStatement = batch.InsertsManyRows ? MaxOperationRows : 1;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            batch.Add(sql.InsertOperations(chunk.Length), p =>
            {
                p.Add("OperType", operType);
                p.Add("Acct", acct);
                p.Add("PartnerId", document.PartnerId);
                p.Add("ObjectId", document.ObjectId);
                p.Add("OperatorId", document.OperatorId);
                p.Add("Sign", sign);
                p.Add("Date", date);
                p.Add("UserId", document.OperatorId);
                p.Add("UserRealTime", now);
                for (var r = 0; r < chunk.Length; r++)
                {
                    var row = chunk[r];
                    var n = r.ToString(CultureInfo.InvariantCulture);
                    p.Add("GoodId" + n, row.GoodId);
                    p.Add("Qtty" + n, row.Qtty);
                    p.Add("PriceIn" + n, row.PriceIn);
                    p.Add("PriceOut" + n, row.PriceOut);
                    p.Add("VatIn" + n, row.VatIn);
                    p.Add("VatOut" + n, row.VatOut);
                    p.Add("Discount" + n, row.Discount);
                    p.Add("Lot" + n, row.Lot);
                    p.Add("LotId" + n, row.LotId);
                    p.Add("Note" + n, row.Note);
                }
            });
        }
    }

    /// <summary>Operation rows per INSERT: 10 parameters a row stay far below SQL Server's 2,100.</summary>
    private const int MaxOperationRows = 100;

    /// <summary>VAT included in (or added to) a unit price, unrounded, as the program writes VATIn.</summary>
    private static decimal VatOf(decimal price, decimal rate, bool pricesIncludeVat) =>
        pricesIncludeVat ? price * rate / (100 + rate) : price * rate / 100;

    private static void AddPayments(
        StatementBatch batch, WarehouseSql sql, WarehouseDocument document, DocumentPayments payments,
        int operType, long acct, DateTime date, DateTime now)
    {
        // Money owed to us (sale, order) has Sign +1; a customer return pays money back (-1), as purchases do.
        var sign = document.Kind == DocumentKind.CustomerReturn ? -1 : 1;
        var endDate = payments.DueDate.ToDateTime(TimeOnly.MinValue);
        var rows = new List<(decimal Amount, int Mode, int Type)> { (payments.Due, -1, payments.DuePaymentTypeId) };
        rows.AddRange(payments.Paid.Select(p => (p.Amount, 1, p.PaymentTypeId)));
        foreach (var chunk in rows.Chunk(batch.InsertsManyRows ? MaxOperationRows : 1))
        {
            batch.Add(sql.InsertPayments(chunk.Length), p =>
            {
                p.Add("Acct", acct);
                p.Add("OperType", operType);
                p.Add("PartnerId", document.PartnerId);
                p.Add("ObjectId", document.ObjectId);
                p.Add("Sign", sign);
                p.Add("Date", date);
                p.Add("UserId", document.OperatorId);
                p.Add("UserRealTime", now);
                p.Add("EndDate", endDate);
                for (var r = 0; r < chunk.Length; r++)
                {
                    var n = r.ToString(CultureInfo.InvariantCulture);
                    p.Add("Qtty" + n, Number.Write(chunk[r].Amount));
                    p.Add("Mode" + n, chunk[r].Mode);
                    p.Add("Type" + n, chunk[r].Type);
                }
            });
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
        WarehouseSql sql, WarehouseSettings settings, StatementBatch batch, List<(int RowId, decimal Delta)> changes,
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

        // The UPDATE adds in the database (see AddStockChanges); the row in memory follows (NULL + delta stays NULL there too).
        void Add(StoreRow row, decimal delta)
        {
            row.Qtty += Number.Write(delta);
            if (row.Id != PendingRow)
            {
                changes.Add((row.Id, delta));
            }
        }

        // A new row is inserted with the quantity it has when the batch is sent (later lines of the same good add to it).
        void InsertStoreRow(decimal quantity, decimal price, int lotOrder)
        {
            var row = new StoreRow { Id = PendingRow, Qtty = Number.Write(quantity), Price = Number.Write(price), Lot = " ", LotId = 1, LotOrder = lotOrder };
            rows.Add(row);
            rows.Sort((x, y) => (x.LotOrder ?? 0) != (y.LotOrder ?? 0) ? (x.LotOrder ?? 0).CompareTo(y.LotOrder ?? 0) : (x.Id == PendingRow ? int.MaxValue : x.Id).CompareTo(y.Id == PendingRow ? int.MaxValue : y.Id));
            batch.Add(sql.InsertStoreRow, p =>
            {
                p.Add("ObjectId", objectId);
                p.Add("GoodId", good.Id);
                p.Add("Qtty", row.Qtty);
                p.Add("Price", row.Price);
                p.Add("Lot", row.Lot);
                p.Add("LotId", row.LotId);
                p.Add("LotOrder", row.LotOrder);
            });
        }
    }

    /// <summary>
    /// The stock changes of a document, each row once with the sum of its changes: one UPDATE for all rows where VALUES
    /// takes several rows (<c>Qtty = Qtty + CASE ID WHEN … END</c>), else one per row. The database adds, as before,
    /// so a cashier's change committed meanwhile is kept (the rows are locked since they were read anyway).
    /// </summary>
    private static void AddStockChanges(StatementBatch batch, WarehouseSql sql, List<(int RowId, decimal Delta)> changes)
    {
        var rows = changes.GroupBy(c => c.RowId).Select(g => (Id: g.Key, Delta: Number.Write(g.Sum(c => c.Delta)))).ToList();
        if (rows.Count == 1 || !batch.InsertsManyRows)
        {
            foreach (var (id, delta) in rows)
            {
                batch.Add(sql.AddToStoreRow, p =>
                {
                    p.Add("Delta", delta);
                    p.Add("Id", id);
                });
            }

            return;
        }

        foreach (var chunk in rows.Chunk(MaxOperationRows))
        {
            batch.Add(sql.AddToStoreRows(chunk.Length), p =>
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    p.Add("I" + n, chunk[i].Id);
                    p.Add("D" + n, chunk[i].Delta);
                    p.Add("J" + n, chunk[i].Id);
                }
            });
        }
    }

    /// <summary>Sign 0 (orders) and services (Type flag 8) do not touch stock.</summary>
    private static bool MovesStock(GoodRow good, int sign) => sign != 0 && ((good.Type ?? 0) & 8) == 0;

    /// <summary>The ID of a stock row inserted by the batch not yet sent.</summary>
    private const int PendingRow = -1;

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
