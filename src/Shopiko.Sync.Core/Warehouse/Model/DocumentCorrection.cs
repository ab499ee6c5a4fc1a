namespace Shopiko.Sync.Warehouse.Model;

/// <summary>A document an order revision booked, as its sync-state row names it.</summary>
/// <param name="OperType">operations.OperType (2 sale, 19 sales order).</param>
/// <param name="Acct">operations.Acct.</param>
/// <param name="ObjectId">The object it was written to.</param>
/// <param name="Number">Its printable number (e.g. <c>S0000000123</c>).</param>
public sealed record BookedDocument(int OperType, long Acct, int ObjectId, string Number);

/// <summary>
/// What <see cref="IWarehouseStore.CorrectDocumentAsync"/> writes in one transaction: the booked document undone the
/// way the program's users undo one (a sale by a customer return of exactly its rows, a sales order annulled), the new
/// document of the revision when there is one, and the revision's sync-state row.
/// </summary>
public sealed record DocumentCorrectionRequest
{
    /// <summary>The order revision that asks for the correction; recorded with the document that now stands.</summary>
    public required OrderImportRecord Order { get; init; }

    /// <summary>The document to undo.</summary>
    public required BookedDocument Booked { get; init; }

    /// <summary>The document of the new revision (an edit), or null (a cancellation: nothing is booked after it).</summary>
    public WarehouseDocument? Replacement { get; init; }

    /// <summary>The date of the customer return.</summary>
    public required DateOnly ReturnDate { get; init; }

    /// <summary>Operator and user of the customer return.</summary>
    public int OperatorId { get; init; } = 1;

    /// <summary>The note on every line of the customer return (empty is stored as a single space).</summary>
    public string ReturnNote { get; init; } = "";
}

/// <summary>What a correction wrote.</summary>
/// <param name="Reversed">The number of the document undone.</param>
/// <param name="Return">The customer return of a sale; null when a sales order was annulled.</param>
/// <param name="Replacement">The new document of the revision; null for a cancellation.</param>
public sealed record DocumentCorrection(string Reversed, WrittenDocument? Return, WrittenDocument? Replacement)
{
    /// <summary>The number recorded (and acknowledged) for the revision: the new document, else the return, else the annulled order.</summary>
    public string RecordedNumber => Replacement?.Number ?? Return?.Number ?? Reversed;
}
