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

    private readonly Dictionary<string, string> _actual;

    private TableNames(Dictionary<string, string> actual) => _actual = actual;

    /// <summary>The actual name of a logical (lowercase) table name.</summary>
    public string this[string logical] => _actual[logical];

    /// <summary>Resolves <see cref="Required"/> against the tables found; returns the missing ones too.</summary>
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

        missing = notFound;
        return new TableNames(actual);
    }
}
