namespace Shopiko.Sync.Warehouse.Model;

/// <summary>Which document the store writes; it decides OperType, Sign and the number prefix.</summary>
public enum DocumentKind
{
    /// <summary>Sale: OperType 2, Sign -1, stock goes out. Number prefix <c>S</c>.</summary>
    Sale,

    /// <summary>Sales order (Поръчка): OperType 19, Sign 0, no stock change.</summary>
    SalesOrder,

    /// <summary>Customer return (Рекламация): OperType 34, Sign +1, stock comes back.</summary>
    CustomerReturn,
}

/// <summary>A document to write in one transaction: lines, stock, payments and a number reserved through nextacct.</summary>
public sealed record WarehouseDocument
{
    /// <summary>The document kind.</summary>
    public required DocumentKind Kind { get; init; }
    /// <summary>The object (warehouse / shop location).</summary>
    public required int ObjectId { get; init; }
    /// <summary>The partner (customer).</summary>
    public required int PartnerId { get; init; }
    /// <summary>Operator and user of the document.</summary>
    public int OperatorId { get; init; } = 1;
    /// <summary>The document date (stored as a date at 00:00:00); the real time is written from the store's clock.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>The lines, in order. At least one.</summary>
    public required IReadOnlyList<DocumentLine> Lines { get; init; }
    /// <summary>Payment rows; null writes none (a sales order may have none).</summary>
    public DocumentPayments? Payments { get; init; }
    /// <summary>For a customer return: the number (Acct) of the sale it reverses, written as SrcDocID context.</summary>
    public long? SourceAcct { get; init; }
}

/// <summary>One line. Money is already rounded by the caller; the store writes it as it is.</summary>
public sealed record DocumentLine
{
    /// <summary>goods.ID.</summary>
    public required int GoodId { get; init; }
    /// <summary>Quantity, positive.</summary>
    public required decimal Quantity { get; init; }
    /// <summary>Final unit price after discount (operations.PriceOut), in the base currency, on the database's VAT basis.</summary>
    public required decimal PriceOut { get; init; }
    /// <summary>VAT per unit (operations.VATOut).</summary>
    public required decimal VatOut { get; init; }
    /// <summary>Discount in percent (operations.Discount).</summary>
    public decimal DiscountPercent { get; init; }
    /// <summary>Line note (empty is stored as a single space).</summary>
    public string Note { get; init; } = "";
    /// <summary>
    /// For a line that brings stock back (a customer return): the cost it comes back at (operations.PriceIn), e.g. the
    /// cost it left with; null takes the good's current cost.
    /// </summary>
    public decimal? PriceIn { get; init; }
}

/// <summary>The due row and the paid rows of a document.</summary>
/// <param name="Due">The document total (payments row with Mode -1).</param>
/// <param name="DueDate">payments.EndDate.</param>
/// <param name="Paid">One row per payment received (Mode +1).</param>
/// <param name="DuePaymentTypeId">payments.Type of the due row.</param>
public sealed record DocumentPayments(decimal Due, DateOnly DueDate, IReadOnlyList<DocumentPayment> Paid, int DuePaymentTypeId = 1);

/// <summary>One payment received.</summary>
/// <param name="PaymentTypeId">paymenttypes.ID.</param>
/// <param name="Amount">Amount in the base currency.</param>
public sealed record DocumentPayment(int PaymentTypeId, decimal Amount);

/// <summary>A line of a written document, read back.</summary>
/// <param name="GoodId">operations.GoodID.</param>
/// <param name="Quantity">operations.Qtty.</param>
/// <param name="PriceOut">operations.PriceOut: the unit price after discount.</param>
/// <param name="VatOut">operations.VATOut: the unit VAT (unrounded).</param>
public sealed record WrittenLine(int GoodId, decimal Quantity, decimal PriceOut, decimal VatOut)
{
    /// <summary>The line's amount to the cent, as Warehouse Pro shows it: quantity × price, plus VAT when prices exclude it.</summary>
    public decimal Total(bool pricesIncludeVat) =>
        Math.Round(Quantity * (pricesIncludeVat ? PriceOut : PriceOut + VatOut), 2, MidpointRounding.AwayFromZero);
}

/// <summary>What the store wrote.</summary>
/// <param name="Kind">The document kind.</param>
/// <param name="OperType">operations.OperType.</param>
/// <param name="Acct">operations.Acct: the document number.</param>
/// <param name="Number">The printable number, prefix plus ten digits (e.g. <c>S0000000123</c>).</param>
/// <param name="ObjectId">The object.</param>
/// <param name="LineCount">Lines written.</param>
public sealed record WrittenDocument(DocumentKind Kind, int OperType, long Acct, string Number, int ObjectId, int LineCount)
{
    /// <summary>
    /// Text of the document's rows made to fit its columns (a line's note, a lot name copied from stock). Empty is the
    /// one shared empty array, so documents without changes compare equal as before.
    /// </summary>
    internal IReadOnlyList<Fitting.TextChange> TextChanges { get; init; } = Array.Empty<Fitting.TextChange>();
}
