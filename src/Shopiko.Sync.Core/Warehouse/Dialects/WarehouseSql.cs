namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>Every statement the store runs, built by a dialect for one database's actual table names.</summary>
internal sealed class WarehouseSql
{
    public required string SelectVersion { get; init; }
    public required string SelectBaseCurrency { get; init; }
    public required string SelectConfiguration { get; init; }

    public required string SelectGoods { get; init; }
    public required string SelectGoodById { get; init; }

    /// <summary>Goods with only the columns a shop product is made of, the sale price from the given column.</summary>
    public required Func<Configuration.PriceColumn, string> SelectGoodsForShop { get; init; }
    public required string SelectGoodsByCode { get; init; }

    /// <summary>Goods by ID (integer IDs are written into the text, as for <see cref="SelectStock"/>).</summary>
    public required Func<IEnumerable<int>, string> SelectGoodsByIds { get; init; }
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

    public required string SelectObjectById { get; init; }
    public required string CountVatGroup { get; init; }

    /// <summary>MAX(Acct) over the given operation types, optionally for one object.</summary>
    public required Func<IEnumerable<int>, bool, string> SelectMaxAcct { get; init; }
    public required string InsertNextAcct { get; init; }

    /// <summary>The stock rows of some goods in one object, locked, by good then lot order (IDs written into the text).</summary>
    public required Func<IEnumerable<int>, string> SelectStoreRows { get; init; }
    public required string AddToStoreRow { get; init; }
    public required string InsertStoreRow { get; init; }
    public required string InsertOperation { get; init; }
    public required string InsertPayment { get; init; }
    public required string CountDocumentLines { get; init; }
    public required string DeleteDocumentLines { get; init; }
    public required string DeleteDocumentPayments { get; init; }

    public required string SelectLinks { get; init; }

    /// <summary>The lowest linked local ID of a scope and entity, NULL when there is none: one index probe.</summary>
    public required string SelectFirstLinkId { get; init; }
    public required string UpdateLink { get; init; }
    public required string InsertLink { get; init; }

    /// <summary>
    /// One statement inserting or updating link rows of one scope and entity (at most
    /// <see cref="WarehouseDialect.MaxRowsPerStatement"/>), or null where the engine has no multi-row upsert (Access:
    /// <see cref="UpdateLink"/> then <see cref="InsertLink"/> row by row).
    /// </summary>
    public required Func<LinkRows, SqlBatch>? UpsertLinks { get; init; }
    public required string ClearLinkHashes { get; init; }
    public required string InsertImportedOrder { get; init; }
    public required string CountImportedOrderRevision { get; init; }
    public required string SelectImportedOrder { get; init; }
    public required string SelectUnacknowledgedOrders { get; init; }

    /// <summary>The recorded revisions of several orders: <c>@O0</c> … <c>@O{n-1}</c> beside <c>@Scope</c>.</summary>
    public required Func<int, string> SelectImportedOrders { get; init; }
    public required string AcknowledgeOrder { get; init; }
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

/// <summary>A statement and its parameters.</summary>
internal readonly record struct SqlBatch(string Sql, object Parameters);
