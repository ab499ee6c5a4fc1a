namespace Shopiko.Sync.Warehouse;

/// <summary>
/// The dates a document may carry. Warehouse Pro keeps them in smalldatetime columns on MS SQL Server
/// (<c>Operations.Date</c>, <c>Payments.Date</c> and <c>EndDate</c>), which hold 1900-01-01 to 2079-06-06; a date
/// outside is refused before anything is written, on every engine, so a document is the same wherever it goes.
/// </summary>
internal static class DocumentDates
{
    /// <summary>The first day a smalldatetime holds.</summary>
    public static readonly DateOnly First = new(1900, 1, 1);

    /// <summary>The last day a smalldatetime holds.</summary>
    public static readonly DateOnly Last = new(2079, 6, 6);

    /// <summary>Returns <paramref name="date"/> when a smalldatetime holds it.</summary>
    /// <exception cref="WarehouseDataException">The date is before <see cref="First"/> or after <see cref="Last"/>.</exception>
    public static DateOnly Require(DateOnly date, string what) =>
        date >= First && date <= Last
            ? date
            : throw new WarehouseDataException(
                $"{what} is {date:yyyy-MM-dd}; Warehouse Pro keeps document dates from {First:yyyy-MM-dd} to {Last:yyyy-MM-dd}. " +
                "Check the date of the order in the shop. Nothing was written.");
}
