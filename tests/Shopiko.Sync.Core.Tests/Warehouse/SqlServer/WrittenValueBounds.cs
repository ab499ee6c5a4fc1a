using Shopiko.Sync.Engine.State;
using System.Reflection;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>
/// Why a value the store writes fits its column. A text parameter is covered when its column has a row in
/// <see cref="TextRules"/> (at run time it is fitted to the column's length read from the database, or the record is
/// refused); values the library makes itself also have a longest length, stated here with where it comes from. A date
/// parameter into a smalldatetime column is covered when the store checks it against smalldatetime's range.
/// </summary>
internal static class WrittenValueBounds
{
    /// <summary>SyncStateStore's longest shop id, scope and hash (its own tables' id columns).</summary>
    public static int IdLength => (int)(typeof(SyncStateStore).GetField("IdLength", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue()
        ?? throw new InvalidOperationException("SyncStateStore.IdLength is gone: say here how long a shop id may be."));

    private static readonly int LongestPrefix = Enum.GetValues<DocumentKind>().Max(k => DocumentNumbers.Describe(k).Prefix.Length);

    /// <summary>The longest value the library itself writes into a text column (by table and column), and why.</summary>
    public static IReadOnlyDictionary<(string Table, string Column), (int Length, string Why)> Library { get; } = Build();

    private static Dictionary<(string, string), (int, string)> Build()
    {
        var entity = (Enum.GetNames<SyncEntity>().Max(n => n.Length), "the name of a SyncEntity");
        var id = (IdLength, "Text.Own(…, IdLength) in SyncStateStore");
        var number = (DocumentNumbers.Format(new string('X', LongestPrefix), long.MaxValue).Length, "DocumentNumbers.Format: prefix and the number");
        return new(StringComparerPair.Instance)
        {
            [("NextAcct", "NextAcct")] = (LongestPrefix + long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, "prefix and number (DocumentNumbers.ReserveAsync)"),
            [("shopikosync_orders", "DocumentNumber")] = number,
            [("shopikosync_links", "Entity")] = entity,
            [("shopikosync_quarantine", "Entity")] = entity,
            [("shopikosync_links", "Scope")] = id,
            [("shopikosync_links", "RemoteId")] = id,
            [("shopikosync_links", "ContentHash")] = id,
            [("shopikosync_orders", "Scope")] = id,
            [("shopikosync_orders", "OrderId")] = id,
            [("shopikosync_quarantine", "Scope")] = id,
            [("shopikosync_quarantine", "ItemId")] = id,
            [("shopikosync_marks", "Scope")] = id,
            [("shopikosync_marks", "Value")] = id,
        };
    }

    /// <summary>The smalldatetime columns the store writes, and what keeps their values in range.</summary>
    public static IReadOnlyDictionary<(string Table, string Column), string> SmallDates { get; } = new Dictionary<(string, string), string>(StringComparerPair.Instance)
    {
        [("Operations", "Date")] = "the document date, checked by DocumentDates.Require in WriteDocumentAsync",
        [("Payments", "Date")] = "the document date, checked by DocumentDates.Require in WriteDocumentAsync",
        [("Payments", "EndDate")] = "the payment due date, checked by DocumentDates.Require in WriteDocumentAsync",
    };

    /// <summary>What is wrong with one value written into a column, or null when it is bounded.</summary>
    public static string? Check(ColumnWrite write, SchemaTable table, SchemaColumn column)
    {
        var what = $"[{table.Name}].[{column.Name}] {column.Type}{(column.Length is { } n ? $"({n})" : "")} ← {write.Parameter ?? $"'{write.Literal}'"}";
        if (column.Type == "smalldatetime")
        {
            return write.Literal is not null || SmallDates.ContainsKey((table.Name, column.Name))
                ? null
                : $"{what}: nothing keeps the date within smalldatetime's 1900-01-01..2079-06-06";
        }

        if (column.Type is not ("nvarchar" or "varchar" or "nchar" or "char") || column.Length is not { } length || length < 0)
        {
            return null;
        }

        if (write.Literal is { } literal)
        {
            return literal.Length <= length ? null : $"{what}: the literal is {literal.Length} characters long";
        }

        if (Library.TryGetValue((table.Name, column.Name), out var bound) && bound.Length > length)
        {
            return $"{what}: {bound.Why} may be {bound.Length} characters long";
        }

        return TextRules.Find(table.Name, column.Name) is null
            ? $"{what}: no rule in TextRules.All fits or refuses it, so a long value reaches the server"
            : null;
    }

    private sealed class StringComparerPair : IEqualityComparer<(string, string)>
    {
        public static readonly StringComparerPair Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

        public int GetHashCode((string, string) obj) => HashCode.Combine(obj.Item1.ToUpperInvariant(), obj.Item2);
    }
}
