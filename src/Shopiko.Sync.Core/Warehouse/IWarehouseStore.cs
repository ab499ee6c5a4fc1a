using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Warehouse;

/// <summary>
/// The library's door to a Microinvest Warehouse Pro database's own tables. Reads stream; every write is one transaction.
/// (The library's bookkeeping tables beside them, <c>shopikosync_*</c>, are the engine's own and not behind this door.)
/// Implementations respect the program's conventions (-1 booleans, single-space empty strings, service rows with ID 1,
/// ABS(GroupID), lot rows) and throw <see cref="WarehouseException"/> subclasses with messages a merchant can act on.
/// </summary>
public interface IWarehouseStore
{
    /// <summary>Opens the database, checks that it is a supported Warehouse Pro database and reads its settings.</summary>
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    /// <exception cref="WarehouseSchemaException">Required tables are missing or <c>system.Version</c> is unsupported.</exception>
    Task<WarehouseInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Goods except the service row (ID 1), deleted ones included and flagged, ordered by ID.</summary>
    IAsyncEnumerable<Good> ReadGoodsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The goods of <see cref="ReadGoodsAsync"/> with only what a shop product is made of: ID, code, first barcode, name,
    /// measure, description, the sale price in <paramref name="price"/>, group, VAT rate and the deleted flag (the other
    /// fields are empty). A third of the reading of every column, for the export that runs every few minutes.
    /// </summary>
    IAsyncEnumerable<Good> ReadGoodsForShopAsync(Configuration.PriceColumn price, CancellationToken cancellationToken = default);

    /// <summary>Goods groups except the default group, ordered by code (parents before children).</summary>
    IAsyncEnumerable<GoodsGroup> ReadGoodsGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Partners except the service row (ID 1), deleted ones included and flagged, ordered by ID.</summary>
    IAsyncEnumerable<Partner> ReadPartnersAsync(CancellationToken cancellationToken = default);

    /// <summary>Objects (service row included: it can be a real location in small databases), ordered by ID.</summary>
    Task<IReadOnlyList<WarehouseObject>> ReadObjectsAsync(CancellationToken cancellationToken = default);

    /// <summary>VAT groups.</summary>
    Task<IReadOnlyList<VatGroup>> ReadVatGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Payment types.</summary>
    Task<IReadOnlyList<PaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stock per (object, good) in the given objects, summed over lot rows, ordered by good then object.</summary>
    IAsyncEnumerable<StockLevel> ReadStockAsync(IReadOnlyCollection<int> objectIds, CancellationToken cancellationToken = default);

    /// <summary>A good by ID (deleted or not), or null.</summary>
    Task<Good?> FindGoodAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Non-deleted goods whose Code equals <paramref name="code"/> (case-insensitive, trimmed).</summary>
    Task<IReadOnlyList<Good>> FindGoodsByCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>A partner by ID, or null.</summary>
    Task<Partner?> FindPartnerAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>The lines of a written document (<c>operations</c> rows of one OperType, Acct and object), in order; empty when there is none.</summary>
    Task<IReadOnlyList<WrittenLine>> ReadDocumentLinesAsync(int operType, long acct, int objectId, CancellationToken cancellationToken = default);

    /// <summary>Creates a goods group with the next free three-letter code under its parent.</summary>
    /// <param name="group">The group.</param>
    /// <param name="link">When given, the link row is written in the same transaction (scope, link).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<GoodsGroup> CreateGoodsGroupAsync(NewGoodsGroup group, ScopedLink? link = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a good and a zero <c>store</c> row for every object, as the program does. Its name, measure and
    /// description are fitted to the database's own columns; a code or barcode that does not fit is refused with
    /// <see cref="WarehouseDataException"/>, as is anything else the database refuses for this good.
    /// </summary>
    Task<Good> CreateGoodAsync(NewGood good, ScopedLink? link = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a partner. Names, addresses, city, MOL and phone are fitted to the database's own columns; a code, EIK,
    /// VAT number or e-mail that does not fit is refused with <see cref="WarehouseDataException"/>.
    /// </summary>
    Task<Partner> CreatePartnerAsync(NewPartner partner, ScopedLink? link = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a document in one transaction: a number reserved through <c>nextacct</c>, the lines, the stock change
    /// (taken from lots in order where lots are kept, or refused with <see cref="WarehouseDataException"/>), the payment
    /// rows and, when <paramref name="order"/> is given, the order's sync-state row (the library's record that the revision is booked). If that order revision is already
    /// recorded the transaction is rolled back and <see cref="OrderAlreadyImportedException"/> is thrown.
    /// </summary>
    Task<WrittenDocument> WriteDocumentAsync(WarehouseDocument document, OrderImportRecord? order = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes the document an order booked and books what replaces it, in ONE transaction: a sale (OperType 2) gets a
    /// customer return (OperType 34) of exactly its rows and payments — stock and money come back as they went out —
    /// a sales order (19) is annulled; then <see cref="DocumentCorrectionRequest.Replacement"/> is written as a new
    /// document with a newly reserved number, and the order revision is recorded with the document that now stands.
    /// A crash anywhere leaves none of it. If the revision is already recorded the transaction is rolled back and
    /// <see cref="OrderAlreadyImportedException"/> is thrown; a booked sale no longer in the database is a
    /// <see cref="WarehouseDataException"/>.
    /// </summary>
    Task<DocumentCorrection> CorrectDocumentAsync(DocumentCorrectionRequest request, CancellationToken cancellationToken = default);

    // ---- Change detection for the fast path (Warehouse/Changes). Implementations that cannot tell what changed keep
    // these defaults: the engine's fast pass then reports that it has nothing to go on, and the full export covers all.

    /// <summary>How many operation rows have <c>floor &lt; ID ≤ upper</c>, and the highest such ID: an index range only.</summary>
    Task<Changes.OperationsProbe> ProbeOperationsAsync(long floor, long upper, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Changes.ChangeDetection.NotSupportedMessage);

    /// <summary>The distinct goods of the operations with <c>floor &lt; ID ≤ upper</c> in the given objects.</summary>
    IAsyncEnumerable<int> ReadMovedGoodsAsync(long floor, long upper, IReadOnlyCollection<int> objectIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Changes.ChangeDetection.NotSupportedMessage);

    /// <summary>Stock per (object, good) of some goods in the given objects, as <see cref="ReadStockAsync"/>.</summary>
    IAsyncEnumerable<StockLevel> ReadStockOfGoodsAsync(IReadOnlyCollection<int> objectIds, IReadOnlyList<int> goodIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Changes.ChangeDetection.NotSupportedMessage);

    /// <summary>The checksum of every ID range of a table's exported columns, computed by the database (one row per range).</summary>
    Task<IReadOnlyList<Changes.RangeChecksum>> ReadChecksumsAsync(Changes.ChangeTable table, Configuration.PriceColumn price, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Changes.ChangeDetection.NotSupportedMessage);

    /// <summary>
    /// The checksums of <paramref name="tables"/> (as <see cref="ReadChecksumsAsync"/>, in that order), computed where the
    /// database can in one consistent snapshot, beside whatever else reads meanwhile. <paramref name="snapshotTaken"/> is
    /// called once nothing committed from then on can change the result: where the snapshot is taken (before the checksums
    /// are computed), otherwise once they are. What the caller reads after that call is at least as new as the checksums.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<Changes.RangeChecksum>>> ReadChecksumsInSnapshotAsync(
        IReadOnlyList<Changes.ChangeTable> tables, Configuration.PriceColumn price, Action snapshotTaken, CancellationToken cancellationToken = default) =>
        Changes.ChangeDetection.ReadInTurnAsync(this, tables ?? throw new ArgumentNullException(nameof(tables)),
            price, snapshotTaken ?? throw new ArgumentNullException(nameof(snapshotTaken)), cancellationToken);

    /// <summary>The goods of <see cref="ReadGoodsForShopAsync(Configuration.PriceColumn, CancellationToken)"/> with <c>fromId ≤ ID &lt; toId</c>.</summary>
    IAsyncEnumerable<Good> ReadGoodsForShopInRangeAsync(Configuration.PriceColumn price, int fromId, int toId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Changes.ChangeDetection.NotSupportedMessage);

    /// <summary>The partners of <see cref="ReadPartnersAsync(CancellationToken)"/> with <c>fromId ≤ ID &lt; toId</c>.</summary>
    IAsyncEnumerable<Partner> ReadPartnersInRangeAsync(int fromId, int toId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Changes.ChangeDetection.NotSupportedMessage);

    /// <summary>
    /// A value that changes whenever anything may have been written to the database, read without a query (SQLite: the
    /// size and time of the file and its write-ahead log); null when the engine offers none. Equal values mean nothing
    /// was written in between, so the catalogue checksums need not be computed again.
    /// </summary>
    Task<string?> ReadChangeStampAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}

/// <summary>A link row to write together with the record it links.</summary>
/// <param name="Scope">The shop scope.</param>
/// <param name="Entity">The entity.</param>
/// <param name="RemoteId">The shop id.</param>
/// <param name="ContentHash">The hash of what the shop holds, when known.</param>
public sealed record ScopedLink(string Scope, SyncEntity Entity, string? RemoteId, string? ContentHash = null);

/// <summary>One revision of a shop order.</summary>
/// <param name="OrderId">The shop order id.</param>
/// <param name="Revision">The order revision.</param>
internal sealed record OrderRevision(string OrderId, int Revision);

/// <summary>The order revision a document records, written in the document's transaction.</summary>
/// <param name="Scope">The shop scope.</param>
/// <param name="OrderId">The shop order id.</param>
/// <param name="Revision">The order revision.</param>
/// <param name="Status">The order status at that revision.</param>
public sealed record OrderImportRecord(string Scope, string OrderId, int Revision, string Status)
{
    /// <summary>The fingerprint of what the revision books (at most 64 characters), kept to recognise later edits.</summary>
    public string? Fingerprint { get; init; }
}
