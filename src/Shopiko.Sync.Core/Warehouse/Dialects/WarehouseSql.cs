namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// Every statement the store runs, for one database's actual table names: what <see cref="WarehouseStatements.ToSql"/>
/// hands over (each one is written as a member of <see cref="WarehouseStatements"/> and the provider's subclass).
/// </summary>
internal sealed class WarehouseSql
{
    /// <summary>The fast path's statements (change detection).</summary>
    public required ChangeSql Changes { get; init; }

    public required string SelectVersion { get; init; }
    public required string SelectBaseCurrency { get; init; }
    public required string SelectConfiguration { get; init; }

    public required string SelectGoods { get; init; }
    public required string SelectGoodById { get; init; }

    /// <summary>Goods with only the columns a shop product is made of, the sale price from the given column.</summary>
    public required Func<Configuration.PriceColumn, string> SelectGoodsForShop { get; init; }
    public required string SelectGoodsByCode { get; init; }

    /// <summary>The goods of a document's lines (ID, name, cost, type, VAT rate); the IDs as <c>@G0</c> … (see <see cref="WarehouseDialect.AddIdParameters"/>).</summary>
    public required Func<IReadOnlyList<int>, string> SelectDocumentGoods { get; init; }
    public required string SelectGroups { get; init; }
    public required string SelectGroupById { get; init; }
    public required string SelectGroupCodes { get; init; }
    public required string InsertGroup { get; init; }
    public required string SelectPartners { get; init; }
    public required string SelectPartnerById { get; init; }
    public required string SelectObjects { get; init; }
    public required string SelectVatGroups { get; init; }
    public required string SelectPaymentTypes { get; init; }

    /// <summary>Stock of the given objects (integer IDs are written into the text: OLE DB cannot expand lists).</summary>
    public required Func<IEnumerable<int>, string> SelectStock { get; init; }

    public required string InsertGood { get; init; }
    public required string InsertStoreRowsForGood { get; init; }
    public required string InsertPartner { get; init; }

    /// <summary>Identity of the last insert, for engines that do not batch it with the INSERT.</summary>
    public required string LastIdentity { get; init; }

    /// <summary>
    /// One row: <c>Recorded</c> (the order revision's rows, 0 without an order), <c>Objects</c> and <c>ObjectDeleted</c>
    /// (<c>@ObjectId</c>), <c>Partners</c> (<c>@PartnerId</c>) and <c>MaxAcct</c> (the given MAX statement); null where
    /// the engine takes one statement per command and no SELECT without a table (Access: the checks run one by one).
    /// </summary>
    public required Func<string, bool, string>? SelectDocumentFacts { get; init; }

    /// <summary>The object a document is written to (<c>@ObjectId</c>): ID and Deleted only.</summary>
    public required string SelectDocumentObject { get; init; }

    /// <summary>The ID of a document's partner (<c>@PartnerId</c>), when it exists.</summary>
    public required string SelectDocumentPartner { get; init; }
    public required string CountVatGroup { get; init; }

    /// <summary>MAX(Acct) over the given operation types, optionally for one object.</summary>
    public required Func<IEnumerable<int>, bool, string> SelectMaxAcct { get; init; }
    public required string InsertNextAcct { get; init; }

    /// <summary>The stock rows of some goods in one object (<c>@ObjectId</c>), locked, by good then lot order; the good IDs as <c>@S0</c> … (see <see cref="WarehouseDialect.AddIdParameters"/>).</summary>
    public required Func<IReadOnlyList<int>, string> SelectStoreRows { get; init; }
    public required string AddToStoreRow { get; init; }

    /// <summary>Adds to that many stock rows at once: <c>@I{i}</c> (row ID) gets <c>@D{i}</c> added; <c>@J{i}</c> repeats <c>@I{i}</c> in the WHERE (each parameter named once).</summary>
    public required Func<int, string> AddToStoreRows { get; init; }
    public required string InsertStoreRow { get; init; }

    /// <summary>That many operation rows of one document in one INSERT (per row <c>@GoodId{r}</c>, <c>@Qtty{r}</c>, …).</summary>
    public required Func<int, string> InsertOperations { get; init; }

    /// <summary>That many payment rows of one document in one INSERT (per row <c>@Qtty{r}</c>, <c>@Mode{r}</c>, <c>@Type{r}</c>).</summary>
    public required Func<int, string> InsertPayments { get; init; }

    /// <summary>A written document's lines (quantity, price, VAT), to read back what it totals.</summary>
    public required string SelectDocumentLines { get; init; }
    public required string DeleteDocumentLines { get; init; }
    public required string DeleteDocumentPayments { get; init; }

    /// <summary>A document's operation rows (<c>@OperType</c>, <c>@Acct</c>, <c>@ObjectId</c>), locked, in the order written: what a return gives back.</summary>
    public required string SelectDocumentRows { get; init; }

    /// <summary>A document's payment rows (<c>@OperType</c>, <c>@Acct</c>, <c>@ObjectId</c>) in the order written.</summary>
    public required string SelectDocumentPaymentRows { get; init; }

    public required string SelectLinks { get; init; }

    /// <summary>The lowest linked local ID of a scope and entity, NULL when there is none: one index probe.</summary>
    public required string SelectFirstLinkId { get; init; }
    public required string UpdateLink { get; init; }
    public required string InsertLink { get; init; }

    /// <summary>
    /// One statement inserting or updating link rows of one scope and entity (at most
    /// <see cref="WarehouseDialect.MaxRowsPerStatement"/>), or null where the engine has no multi-row upsert
    /// (<see cref="WarehouseDialect.UpsertsLinkRows"/> false, Access: <see cref="UpdateLink"/> then <see cref="InsertLink"/> row by row).
    /// </summary>
    public required Func<LinkRows, SqlBatch>? UpsertLinks { get; init; }
    public required string InsertImportedOrder { get; init; }
    public required string CountImportedOrderRevision { get; init; }
    public required string SelectImportedOrder { get; init; }
    public required string SelectUnacknowledgedOrders { get; init; }

    /// <summary>The recorded revisions of several orders: <c>@O0</c> … <c>@O{n-1}</c> beside <c>@Scope</c>.</summary>
    public required Func<int, string> SelectImportedOrders { get; init; }

    /// <summary>Marks that many revisions acknowledged: <c>@O{i}</c> and <c>@R{i}</c> beside <c>@Scope</c>.</summary>
    public required Func<int, string> AcknowledgeOrders { get; init; }
    public required string UpdateQuarantine { get; init; }
    public required string InsertQuarantine { get; init; }
    public required string DeleteQuarantine { get; init; }
    public required string SelectQuarantine { get; init; }
    public required string SelectMark { get; init; }
    public required string UpdateMark { get; init; }
    public required string InsertMark { get; init; }
}

/// <summary>Link rows of one scope and entity to write in one statement.</summary>
internal sealed record LinkRows(string Scope, string Entity, DateTime Now, IReadOnlyList<Model.SyncLink> Rows);

/// <summary>A statement and its parameters (a Dapper parameter object, or <see cref="ICommandParameters"/>).</summary>
internal readonly record struct SqlBatch(string Sql, object Parameters);

/// <summary>
/// Parameters that put themselves on a command: for statements with thousands of them, where Dapper's bookkeeping per
/// parameter costs more than the statement.
/// </summary>
internal interface ICommandParameters
{
    /// <summary>Adds the parameters to <paramref name="command"/>.</summary>
    void AddTo(System.Data.Common.DbCommand command);
}
