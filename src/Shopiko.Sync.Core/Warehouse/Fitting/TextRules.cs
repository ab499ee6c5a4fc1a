namespace Shopiko.Sync.Warehouse.Fitting;

/// <summary>What the store may do with a text value that its column cannot hold.</summary>
internal enum TextKind
{
    /// <summary>Words for people (names, addresses, notes): shortened on a character boundary, unstorable characters replaced, with a warning.</summary>
    Descriptive,

    /// <summary>A value something is found or matched by (codes, barcodes, EIK, VAT number, e-mail): never altered; the record is refused instead.</summary>
    Identity,
}

/// <summary>The rule of one text column the store writes.</summary>
/// <param name="Table">The logical (lowercase) table name, as in <see cref="Dialects.TableNames"/>.</param>
/// <param name="Column">The column, spelled as the statements spell it.</param>
/// <param name="Kind">Descriptive or identity.</param>
/// <param name="Field">The field in words, for warnings and quarantine reasons.</param>
internal sealed record TextRule(string Table, string Column, TextKind Kind, string Field);

/// <summary>
/// Every text column the store writes through a parameter, and whether its value may be made to fit. One table, read by
/// the fitter, the store and a static check that no string parameter of a dialect's INSERT/UPDATE is left out: a new
/// text parameter needs a row here. Literal constants (<c>' '</c>) are not parameters and need none.
/// </summary>
internal static class TextRules
{
    private const TextKind D = TextKind.Descriptive, I = TextKind.Identity;

    /// <summary>The rules, by table.</summary>
    public static readonly IReadOnlyList<TextRule> All =
    [
        // goods (InsertGood)
        new("goods", "Code", I, "good code"),
        new("goods", "BarCode1", I, "barcode"),
        new("goods", "Name", D, "name"),
        new("goods", "Name2", D, "name"),
        new("goods", "Measure1", D, "measure"),
        new("goods", "Measure2", D, "measure"),
        new("goods", "Description", D, "description"),

        // goodsgroups (InsertGroup): the code is the group tree position the library computes.
        new("goodsgroups", "Name", D, "group name"),
        new("goodsgroups", "Code", I, "group code"),

        // partners (InsertPartner): EIK, VAT number and e-mail are what a customer is matched by.
        new("partners", "Code", I, "partner code"),
        new("partners", "Company", D, "name"),
        new("partners", "Company2", D, "name"),
        new("partners", "MOL", D, "contact person"),
        new("partners", "MOL2", D, "contact person"),
        new("partners", "City", D, "city"),
        new("partners", "City2", D, "city"),
        new("partners", "Address", D, "address"),
        new("partners", "Address2", D, "address"),
        new("partners", "Phone", D, "phone"),
        new("partners", "eMail", I, "e-mail"),
        new("partners", "TaxNo", I, "VAT number"),
        new("partners", "Bulstat", I, "EIK"),

        // operations (InsertOperation(s)): the lot is a copy of the stock row's lot name for people; LotID is the link.
        new("operations", "Lot", D, "lot"),
        new("operations", "Note", D, "note"),

        // store (InsertStoreRow): the lot name of a stock row is what the program finds the lot by.
        new("store", "Lot", I, "lot"),

        // nextacct (InsertNextAcct): the reserved document number.
        new("nextacct", "NextAcct", I, "document number"),

        // The library's own tables: ids are identities, the quarantine reason is for people.
        new("shopikosync_links", "Scope", I, "shop scope"),
        new("shopikosync_links", "Entity", I, "entity"),
        new("shopikosync_links", "RemoteId", I, "shop id"),
        new("shopikosync_links", "ContentHash", I, "content hash"),
        new("shopikosync_orders", "Scope", I, "shop scope"),
        new("shopikosync_orders", "OrderId", I, "shop order id"),
        new("shopikosync_orders", "Status", I, "order status"),
        new("shopikosync_orders", "DocumentNumber", I, "document number"),
        // Added by the edited-orders work (branch edits): the fingerprint of what an imported revision booked.
        new("shopikosync_orders", "Fingerprint", I, "order fingerprint"),
        new("shopikosync_quarantine", "Scope", I, "shop scope"),
        new("shopikosync_quarantine", "Entity", I, "entity"),
        new("shopikosync_quarantine", "ItemId", I, "quarantined id"),
        new("shopikosync_quarantine", "Reason", D, "reason"),
        new("shopikosync_marks", "Scope", I, "shop scope"),
        new("shopikosync_marks", "Name", I, "mark name"),
        new("shopikosync_marks", "Value", I, "mark value"),
    ];

    private static readonly Dictionary<(string Table, string Column), TextRule> ByColumn =
        All.ToDictionary(r => (r.Table.ToLowerInvariant(), r.Column.ToLowerInvariant()));

    /// <summary>The rule of a column (names compared case-insensitively), or null when the store writes no text there.</summary>
    public static TextRule? Find(string table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        return ByColumn.GetValueOrDefault((table.ToLowerInvariant(), column.ToLowerInvariant()));
    }

    /// <summary>The rule of a column the store writes.</summary>
    /// <exception cref="InvalidOperationException">The column has no rule: add one to <see cref="All"/>.</exception>
    public static TextRule Of(string table, string column) =>
        Find(table, column) ?? throw new InvalidOperationException($"The text column {table}.{column} has no rule in TextRules.All.");
}
