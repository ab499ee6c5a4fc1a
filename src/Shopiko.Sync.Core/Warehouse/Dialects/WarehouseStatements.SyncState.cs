namespace Shopiko.Sync.Warehouse.Dialects;

// The library's own tables (see SyncStateTables): links, imported orders, quarantine, marks. Their names are the same
// on every engine.
internal abstract partial class WarehouseStatements
{
    private const string OrderColumns =
        "[OrderId], [Revision], [Status], [DocumentNumber], [OperType], [Acct], [ObjectId], [Acknowledged], [RecordedAt], [Fingerprint]";

    public virtual string SelectLinks => Common(
        "SELECT [LocalId] AS LocalId, [RemoteId] AS RemoteId, [ContentHash] AS ContentHash FROM [shopikosync_links] " +
        "WHERE [Scope] = @Scope AND [Entity] = @Entity ORDER BY [LocalId]");

    /// <summary>The lowest linked local ID of a scope and entity, NULL when there is none: one index probe.</summary>
    public virtual string SelectFirstLinkId => Common(
        "SELECT MIN([LocalId]) FROM [shopikosync_links] WHERE [Scope] = @Scope AND [Entity] = @Entity");

    public virtual string UpdateLink => Common(
        "UPDATE [shopikosync_links] SET [RemoteId] = @RemoteId, [ContentHash] = @ContentHash, [UpdatedAt] = @Now " +
        "WHERE [Scope] = @Scope AND [Entity] = @Entity AND [LocalId] = @LocalId");

    public virtual string InsertLink => Common(
        "INSERT INTO [shopikosync_links] ([Scope], [Entity], [LocalId], [RemoteId], [ContentHash], [UpdatedAt]) " +
        "VALUES (@Scope, @Entity, @LocalId, @RemoteId, @ContentHash, @Now)");

    /// <summary>
    /// One statement inserting or updating up to <see cref="WarehouseDialect.MaxRowsPerStatement"/> link rows of one
    /// scope and entity: each engine's own upsert, so only a dialect that declares <see cref="WarehouseDialect.UpsertsLinkRows"/>
    /// overrides it; elsewhere (Access) the store runs <see cref="UpdateLink"/> then <see cref="InsertLink"/> row by row.
    /// </summary>
    public virtual SqlBatch UpsertLinks(LinkRows rows) =>
        throw new NotSupportedException($"{Dialect.Provider} has no multi-row link upsert: the store updates, then inserts, row by row.");

    public virtual string InsertImportedOrder => Common(
        "INSERT INTO [shopikosync_orders] ([Scope], [OrderId], [Revision], [Status], [DocumentNumber], [OperType], [Acct], [ObjectId], " +
        "[Acknowledged], [RecordedAt], [Fingerprint]) " +
        "VALUES (@Scope, @OrderId, @Revision, @Status, @DocumentNumber, @OperType, @Acct, @ObjectId, @Acknowledged, @RecordedAt, @Fingerprint)");

    public virtual string CountImportedOrderRevision => Common(
        "SELECT COUNT(*) FROM [shopikosync_orders] WHERE [Scope] = @Scope AND [OrderId] = @OrderId AND [Revision] = @Revision");

    public virtual string SelectImportedOrder => Common(
        $"SELECT {OrderColumns} FROM [shopikosync_orders] " +
        "WHERE [Scope] = @Scope AND [OrderId] = @OrderId ORDER BY [Revision] DESC");

    /// <summary>The recorded revisions of several orders: <c>@O0</c> … <c>@O{n-1}</c> beside <c>@Scope</c>.</summary>
    public virtual string SelectImportedOrders(int count) => Common(
        $"SELECT {OrderColumns} FROM [shopikosync_orders] " +
        $"WHERE [Scope] = @Scope AND [OrderId] IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"@O{i}"))}) " +
        "ORDER BY [OrderId], [Revision] DESC");

    public virtual string SelectUnacknowledgedOrders => Common(
        $"SELECT {OrderColumns} FROM [shopikosync_orders] " +
        "WHERE [Scope] = @Scope AND [Acknowledged] = 0 ORDER BY [ID]");

    /// <summary>Marks that many revisions acknowledged: <c>@O{i}</c> and <c>@R{i}</c> beside <c>@Scope</c>.</summary>
    public virtual string AcknowledgeOrders(int count) => Common(
        "UPDATE [shopikosync_orders] SET [Acknowledged] = -1 WHERE [Scope] = @Scope AND (" +
        string.Join(" OR ", Enumerable.Range(0, count).Select(i => $"([OrderId] = @O{i} AND [Revision] = @R{i})")) + ")");

    public virtual string UpdateQuarantine => Common(
        "UPDATE [shopikosync_quarantine] SET [Reason] = @Reason, [LastSeen] = @Now, [Attempts] = [Attempts] + 1 " +
        "WHERE [Scope] = @Scope AND [Entity] = @Entity AND [ItemId] = @ItemId");

    public virtual string InsertQuarantine => Common(
        "INSERT INTO [shopikosync_quarantine] ([Scope], [Entity], [ItemId], [Reason], [FirstSeen], [LastSeen], [Attempts]) " +
        "VALUES (@Scope, @Entity, @ItemId, @Reason, @FirstSeen, @LastSeen, 1)");

    public virtual string DeleteQuarantine => Common(
        "DELETE FROM [shopikosync_quarantine] WHERE [Scope] = @Scope AND [Entity] = @Entity AND [ItemId] = @ItemId");

    public virtual string SelectQuarantine => Common(
        "SELECT [Entity] AS Entity, [ItemId] AS ItemId, [Reason] AS Reason, [FirstSeen] AS FirstSeen, " +
        "[LastSeen] AS LastSeen, [Attempts] AS Attempts FROM [shopikosync_quarantine] " +
        "WHERE [Scope] = @Scope ORDER BY [FirstSeen], [ItemId]");

    public virtual string SelectMark => Common("SELECT [Value] FROM [shopikosync_marks] WHERE [Scope] = @Scope AND [Name] = @Name");

    public virtual string UpdateMark => Common(
        "UPDATE [shopikosync_marks] SET [Value] = @Value, [UpdatedAt] = @Now WHERE [Scope] = @Scope AND [Name] = @Name");

    public virtual string InsertMark => Common(
        "INSERT INTO [shopikosync_marks] ([Scope], [Name], [Value], [UpdatedAt]) VALUES (@Scope, @Name, @Value, @Now)");
}
