namespace Shopiko.Sync.Warehouse;

/// <summary>
/// A correction was decided against a document that no longer stands for the order: another engine (or run) recorded a
/// later revision of it meanwhile. Nothing was written; deciding again on the record as it is now is safe.
/// </summary>
public class BookedDocumentChangedException : WarehouseException
{
    /// <summary>Creates the exception.</summary>
    public BookedDocumentChangedException(string orderId, string booked, string? standing)
        : base($"Shop order {orderId}: the correction was decided on {booked}, but {(standing is null ? "no document" : standing)} now stands for the order. Nothing was written.")
    {
        OrderId = orderId;
        Booked = booked;
        Standing = standing;
    }

    /// <summary>The shop order id.</summary>
    public string OrderId { get; }

    /// <summary>The document the correction was decided on.</summary>
    public string Booked { get; }

    /// <summary>The document recorded for the order's latest revision, if any.</summary>
    public string? Standing { get; }
}
