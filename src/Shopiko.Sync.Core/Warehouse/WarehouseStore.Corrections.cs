using Dapper;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

// Corrections of booked documents: a return (or an annulment), the replacing document and the order record in one
// transaction, so an edit is followed exactly once even when the process dies half-way.
internal sealed partial class WarehouseStore
{
    /// <summary>A row of <see cref="Dialects.WarehouseSql.SelectDocumentRows"/>.</summary>
    private sealed class BookedRow
    {
        public int GoodId { get; set; }
        public int PartnerId { get; set; }
        public double? Qtty { get; set; }
        public double? PriceIn { get; set; }
        public double? PriceOut { get; set; }
        public double? VatOut { get; set; }
        public double? Discount { get; set; }
    }

    /// <summary>A row of <see cref="Dialects.WarehouseSql.SelectDocumentPaymentRows"/>.</summary>
    private sealed class BookedPaymentRow
    {
        public double? Qtty { get; set; }
        public int Mode { get; set; }
        public int Type { get; set; }
    }

    public async Task<DocumentCorrection> CorrectDocumentAsync(DocumentCorrectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Order);
        ArgumentNullException.ThrowIfNull(request.Booked);
        var booked = request.Booked;
        if (booked.OperType is not (SaleOperType or SalesOrderOperType))
        {
            throw new WarehouseDataException(
                $"The document {booked.Number} has the operation type {booked.OperType}; only sales (2) and sales orders (19) are corrected. Nothing was written.");
        }

        if (request.Replacement is { } replacement)
        {
            ValidateDocument(replacement);
        }

        SyncStateStore.ValidateOrder(request.Order);
        await State.EnsureOnceAsync(cancellationToken).ConfigureAwait(false);

        var correction = await _db.WriteAsync(async (connection, transaction, sql, settings) =>
        {
            var order = request.Order;
            var keys = new { booked.OperType, booked.Acct, booked.ObjectId };
            // The booked rows are read locked first: an engine correcting the same document waits here until we commit,
            // then sees our record below and stops, so one booked sale is never returned twice.
            var rows = (await connection.QueryAsync<BookedRow>(_db.Command(sql.SelectDocumentRows, keys, transaction, cancellationToken)).ConfigureAwait(false)).AsList();
            await State.RequireOrderNotRecordedAsync(connection, transaction, sql, order, cancellationToken).ConfigureAwait(false);
            var latest = await State.ReadLatestOrderAsync(connection, transaction, sql, order, cancellationToken).ConfigureAwait(false);
            if (latest is null || latest.OperType != booked.OperType || latest.Acct != booked.Acct || latest.ObjectId != booked.ObjectId)
            {
                throw new BookedDocumentChangedException(order.OrderId, booked.Number, latest?.DocumentNumber);
            }

            WrittenDocument? returned = null;
            if (booked.OperType == SalesOrderOperType)
            {
                // The nextacct row stays: the number remains used, as when the program deletes a document.
                await connection.ExecuteAsync(_db.Command(sql.DeleteDocumentLines, keys, transaction, cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(_db.Command(sql.DeleteDocumentPayments, keys, transaction, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                if (rows.Count == 0)
                {
                    throw new WarehouseDataException(
                        $"The sale {booked.Number} (object {booked.ObjectId}) that this order booked is no longer in the Warehouse Pro database, so it cannot be " +
                        "returned: it may have been deleted in the program. Book the change by hand, then acknowledge the order. Nothing was written.");
                }

                var payments = (await connection.QueryAsync<BookedPaymentRow>(_db.Command(sql.SelectDocumentPaymentRows, keys, transaction, cancellationToken)).ConfigureAwait(false)).AsList();
                var document = ReturnOf(request, rows, payments);
                var (batch, written) = await BuildDocumentAsync(connection, transaction, sql, settings, document, null, cancellationToken).ConfigureAwait(false);
                await batch.ExecuteAsync(connection, transaction, _db.CommandTimeout, cancellationToken).ConfigureAwait(false);
                returned = written;
            }

            WrittenDocument? replaced = null;
            StatementBatch last;
            if (request.Replacement is { } replacement)
            {
                (last, replaced) = await BuildDocumentAsync(connection, transaction, sql, settings, replacement, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                last = new StatementBatch(_db.Dialect);
            }

            var result = new DocumentCorrection(booked.Number, returned, replaced);
            var standing = replaced ?? returned;
            last.Add(sql.InsertImportedOrder, State.OrderRecordParameters(order, result.RecordedNumber,
                standing?.OperType ?? booked.OperType, standing?.Acct ?? booked.Acct, standing?.ObjectId ?? booked.ObjectId));
            await ExecuteDocumentBatchAsync(connection, transaction, last, order, cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);

        if (correction.Return is { } r)
        {
            Log.DocumentWritten(_logger, r.Kind.ToString(), r.Number, r.ObjectId, r.LineCount);
        }
        else
        {
            Log.SalesOrderAnnulled(_logger, booked.Number, booked.ObjectId);
        }

        if (correction.Replacement is { } n)
        {
            Log.DocumentWritten(_logger, n.Kind.ToString(), n.Number, n.ObjectId, n.LineCount);
        }

        return correction;
    }

    /// <summary>
    /// The customer return of a booked sale: every row with its good, quantity, cost, price, VAT and discount, to the
    /// same partner, with the sale's due and paid rows mirrored (a return's payment rows carry Sign -1, see AddPayments).
    /// </summary>
    private static WarehouseDocument ReturnOf(DocumentCorrectionRequest request, List<BookedRow> rows, List<BookedPaymentRow> payments)
    {
        var due = payments.Where(p => p.Mode == -1).ToList();
        var paid = payments.Where(p => p.Mode == 1).Select(p => new DocumentPayment(p.Type, Number.Read(p.Qtty))).ToList();
        return new WarehouseDocument
        {
            Kind = DocumentKind.CustomerReturn,
            ObjectId = request.Booked.ObjectId,
            PartnerId = rows[0].PartnerId,
            OperatorId = request.OperatorId,
            Date = request.ReturnDate,
            Lines = rows.Where(r => Number.Read(r.Qtty) > 0).Select(r => new DocumentLine
            {
                GoodId = r.GoodId,
                Quantity = Number.Read(r.Qtty),
                PriceIn = Number.Read(r.PriceIn),
                PriceOut = Number.Read(r.PriceOut),
                VatOut = Number.Read(r.VatOut),
                DiscountPercent = Number.Read(r.Discount),
                Note = request.ReturnNote,
            }).ToList(),
            Payments = due.Count == 0 && paid.Count == 0
                ? null
                : new DocumentPayments(due.Sum(p => Number.Read(p.Qtty)), request.ReturnDate, paid, due.FirstOrDefault()?.Type ?? 1),
            SourceAcct = request.Booked.Acct,
        };
    }

    private const int SaleOperType = 2;

    private const int SalesOrderOperType = 19;
}
