namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The actual names of the Warehouse Pro tables in one database, matched case-insensitively against what the database
/// holds (a real database may spell <c>NextAcct</c> or <c>nextacct</c> and carry extra add-in tables).
/// </summary>
internal sealed class TableNames
{
    /// <summary>Tables the store reads or writes; a database without one of them is not a Warehouse Pro database.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        "configuration", "currencies", "goods", "goodsgroups", "nextacct", "objects", "operations",
        "partners", "payments", "paymenttypes", "store", "system", "vatgroups",
    ];

    /// <summary>
    /// Tables the store reads when the database has them, and does without otherwise: <c>lots</c> (the expiry date of a
    /// lot, for FEFO costing) belongs to every Warehouse Pro schema, but a database lacking it still opens as it always did.
    /// </summary>
    public static readonly IReadOnlyList<string> Optional = ["lots"];

    private readonly Dictionary<string, string> _actual;

    private TableNames(Dictionary<string, string> actual) => _actual = actual;

    /// <summary>The actual name of a logical (lowercase) table name.</summary>
    public string this[string logical] => _actual[logical];

    /// <summary>True when the database holds the table (always for <see cref="Required"/> ones once resolved).</summary>
    public bool Has(string logical) => _actual.ContainsKey(logical);

    /// <summary>Resolves <see cref="Required"/> and <see cref="Optional"/> against the tables found; returns the missing required ones too.</summary>
    public static TableNames Resolve(IEnumerable<string> existing, Func<string, string> defaultName, out IReadOnlyList<string> missing)
    {
        var byLower = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in existing)
        {
            byLower.TryAdd(name, name);
        }

        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        var notFound = new List<string>();
        foreach (var logical in Required)
        {
            if (byLower.TryGetValue(logical, out var found))
            {
                actual[logical] = found;
            }
            else
            {
                notFound.Add(defaultName(logical));
            }
        }

        foreach (var logical in Optional)
        {
            if (byLower.TryGetValue(logical, out var found))
            {
                actual[logical] = found;
            }
        }

        missing = notFound;
        return new TableNames(actual);
    }
}
