using System.Data.Common;
using System.Globalization;
using Dapper;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Stock;

namespace Shopiko.Sync.Warehouse;

internal sealed partial class WarehouseStore
{
    public async Task<WrittenDocument> WriteDocumentAsync(WarehouseDocument document, OrderImportRecord? order = null, CancellationToken cancellationToken = default)
    {
        ValidateDocument(document);
        if (order is not null)
        {
            SyncStateStore.ValidateOrder(order);
            await State.EnsureOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var written = await _db.WriteAsync(async (connection, transaction, sql, settings) =>
        {
            var (batch, written) = await BuildDocumentAsync(connection, transaction, sql, settings, document, order, cancellationToken).ConfigureAwait(false);
            if (order is not null)
            {
                batch.Add(sql.InsertImportedOrder, State.OrderRecordParameters(order, written.Number, written.OperType, written.Acct, document.ObjectId));
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
            await batch.ExecuteAsync(connection, transaction, _db.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (order is not null && _db.Dialect.IsDuplicateKey(e))
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

        var stockIds = ids.Where(id => MovesStock(goods[id], sign)).ToList();
        var (acct, stock) = await ReserveNumberAndReadStockAsync(connection, transaction, sql, document, facts.MaxAcct, stockIds, cancellationToken).ConfigureAwait(false);

        // Every line is allocated over the rows as the earlier lines left them (a good on two lines sees its first
        // line's change); the writes follow in one batch.
        var operations = new List<(DocumentLine Line, int Index, StockPortion Portion, decimal VatRate)>(document.Lines.Count);
        var changes = new List<(int RowId, decimal Delta)>();
        var inserting = new List<int>();
        foreach (var (line, index) in document.Lines.Select((l, i) => (l, i + 1)))
        {
            var good = goods[line.GoodId];
            var vatRate = Number.Read(good.VatRate);
            var cost = Number.Read(good.PriceIn);
            if (!MovesStock(good, sign))
            {
                operations.Add((line, index, StockAllocator.Unmoved(line.Quantity, cost), vatRate));
                continue;
            }

            var allocation = StockAllocator.Allocate(stock[good.Id], line.Quantity, sign, settings.Costing, settings.AllowNegativeStock, cost, line.PriceIn);
            if (allocation.Refused)
            {
                throw new WarehouseDataException(
                    $"Not enough stock of '{Text.Read(good.Name)}' (ID {good.Id}) in the lots of object {document.ObjectId}: {line.Quantity} needed, " +
                    $"{line.Quantity - allocation.Shortfall} available, and the database forbids negative stock (costing by lots). Deliver the goods in " +
                    "Warehouse Pro or allow negative stock, then import again. Nothing was written.");
            }

            if (allocation.Shortfall > 0)
            {
                Log.NegativeStock(_logger, good.Id, document.ObjectId, allocation.Shortfall);
            }

            if (!stock[good.Id].Any(r => r.IsNew) && allocation.Rows.Any(r => r.IsNew))
            {
                inserting.Add(good.Id);
            }

            stock[good.Id] = allocation.Rows;
            changes.AddRange(allocation.Deltas);
            operations.AddRange(allocation.Portions.Select(p => (line, index, p, vatRate)));
        }

        var date = document.Date.ToDateTime(TimeOnly.MinValue);
        var now = Clock.LocalNow(_db.Time);
        var batch = new StatementBatch(_db.Dialect);
        // A new row is inserted with the quantity every line of its good left in it.
        foreach (var goodId in inserting)
        {
            AddStoreRow(batch, sql, document.ObjectId, goodId, stock[goodId].Single(r => r.IsNew));
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

    /// <summary>
    /// Reserves the document's number (<see cref="DocumentNumbers.ReserveAsync"/>), then reads the stock rows of
    /// <paramref name="stockIds"/> in the object, locked, by good in lot order. Where the engine batches statements the
    /// read goes in the same command as each INSERT attempt (one round trip; a taken number fails the INSERT before the
    /// read runs on MySQL, and the read is simply repeated with the next attempt elsewhere), else it runs once after.
    /// </summary>
    private async Task<(long Acct, Dictionary<int, IReadOnlyList<StockHolding>> Stock)> ReserveNumberAndReadStockAsync(
        DbConnection connection, DbTransaction transaction, WarehouseSql sql, WarehouseDocument document, double? maxAcct,
        List<int> stockIds, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("ObjectId", document.ObjectId);
        WarehouseDialect.AddIdParameters(parameters, "S", stockIds);
        var read = stockIds.Count == 0 ? null : sql.SelectStoreRows(stockIds);
        var combined = read is not null && _db.Dialect.BatchesStatements ? ReserveAndReadStock(sql, stockIds) : null;

        IReadOnlyList<StoreRow> rows = [];
        var acct = await DocumentNumbers.ReserveAsync(_db.Dialect, _logger, document.Kind, maxAcct, async (key, ct) =>
        {
            if (combined is not null)
            {
                parameters.Add("Key", key);
                rows = (await connection.QueryAsync<StoreRow>(_db.Command(combined, parameters, transaction, ct)).ConfigureAwait(false)).AsList();
            }
            else
            {
                await connection.ExecuteAsync(_db.Command(sql.InsertNextAcct, new { Key = key }, transaction, ct)).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

        if (read is not null && combined is null)
        {
            rows = (await connection.QueryAsync<StoreRow>(_db.Command(read, parameters, transaction, cancellationToken)).ConfigureAwait(false)).AsList();
        }

        var stock = stockIds.ToDictionary(id => id, _ => (IReadOnlyList<StockHolding>)[]);
        foreach (var group in rows.GroupBy(r => r.GoodId))
        {
            stock[group.Key] = group.Select(r => new StockHolding(r.Id, r.Qtty is { } q ? Number.Read(q) : null, Number.Read(r.Price), r.Lot ?? "", r.LotId, r.LotOrder, r.Expires)).ToList();
        }

        return (acct, stock);
    }

    /// <summary>The command of a number reservation attempt with the locked stock read, where the engine batches statements.</summary>
    internal static string ReserveAndReadStock(WarehouseSql sql, IReadOnlyList<int> stockIds) => sql.InsertNextAcct + ";\n" + sql.SelectStoreRows(stockIds);

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
            await using var grid = await connection.QueryMultipleAsync(_db.Command(text, goodParameters, transaction, cancellationToken)).ConfigureAwait(false);
            var row = await grid.ReadSingleAsync<DocumentFactsRow>().ConfigureAwait(false);
            var goods = (await grid.ReadAsync<GoodRow>().ConfigureAwait(false)).ToDictionary(g => g.Id);
            var objectRow = row.Objects == 0 ? null : new ObjectRow { Id = document.ObjectId, Deleted = row.ObjectDeleted };
            return new DocumentFacts(row.Recorded, objectRow, row.Partners > 0, goods, row.MaxAcct);
        }

        // Access: one statement per command, and no SELECT without a table.
        var count = order is null ? 0 : await connection.ExecuteScalarAsync<long>(_db.Command(sql.CountImportedOrderRevision,
            new { order.Scope, order.OrderId, order.Revision }, transaction, cancellationToken)).ConfigureAwait(false);
        var found = await connection.QueryFirstOrDefaultAsync<ObjectRow>(_db.Command(sql.SelectDocumentObject, new { document.ObjectId }, transaction, cancellationToken)).ConfigureAwait(false);
        var partnerId = await connection.ExecuteScalarAsync<int?>(_db.Command(sql.SelectDocumentPartner, new { document.PartnerId }, transaction, cancellationToken)).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<GoodRow>(_db.Command(sql.SelectDocumentGoods(goodIds), goodParameters, transaction, cancellationToken)).ConfigureAwait(false))
            .ToDictionary(g => g.Id);
        var highest = await connection.ExecuteScalarAsync<double?>(_db.Command(maxAcct, new { document.ObjectId }, transaction, cancellationToken)).ConfigureAwait(false);
        return new DocumentFacts(count, found, partnerId is not null, rows, highest);
    }

    /// <summary>The document's operation rows: one INSERT for all of them where VALUES takes several rows.</summary>
    private void AddOperations(
        StatementBatch batch, WarehouseSql sql, WarehouseDocument document, List<(DocumentLine Line, int Index, StockPortion Portion, decimal VatRate)> operations,
        int operType, int sign, long acct, DateTime date, DateTime now, bool pricesIncludeVat, ICollection<TextChange> fitted)
    {
        // Values are checked and converted now, so a value too long fails before anything is sent.
        var rows = operations.Select(o => new
        {
            o.Line.GoodId,
            Qtty = Number.Write(o.Portion.Quantity),
            PriceIn = Number.Write(o.Portion.Cost),
            PriceOut = Number.Write(o.Line.PriceOut),
            VatIn = Number.Write(VatOf(o.Portion.Cost, o.VatRate, pricesIncludeVat)),
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

    private static void AddStoreRow(StatementBatch batch, WarehouseSql sql, int objectId, int goodId, StockHolding row)
    {
        batch.Add(sql.InsertStoreRow, p =>
        {
            p.Add("ObjectId", objectId);
            p.Add("GoodId", goodId);
            p.Add("Qtty", Number.Write(row.Quantity ?? 0));
            p.Add("Price", Number.Write(row.Price));
            p.Add("Lot", row.Lot);
            p.Add("LotId", row.LotId);
            p.Add("LotOrder", row.LotOrder);
        });
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
}
