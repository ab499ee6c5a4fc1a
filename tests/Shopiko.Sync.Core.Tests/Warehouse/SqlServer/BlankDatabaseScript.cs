using System.Text.RegularExpressions;
using Shopiko.Sync.Warehouse.Dialects;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.Core.Tests.Warehouse.SqlServer;

/// <summary>The library's scripts for a blank database, as <see cref="WarehouseSchema.CreateBlankAsync"/> reads them.</summary>
internal static partial class BlankDatabaseScript
{
    /// <summary>An embedded script (<c>sqlserver.tables.sql</c>, <c>seed.sql</c>).</summary>
    public static string Read(string name)
    {
        var assembly = typeof(WarehouseSchema).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Scripts." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The seed statements with SQL Server's table names and quoting, as the blank database gets them.</summary>
    public static IEnumerable<string> SqlServerSeed()
    {
        var dialect = new SqlServerDialect();
        return WarehouseSchema.Statements(Read("seed.sql")).Select(s =>
            Column().Replace(Table().Replace(s, m => dialect.Quote(dialect.DefaultTableName(m.Groups[1].Value))), m => dialect.Quote(m.Groups[1].Value)));
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Table();

    [GeneratedRegex(@"\[([A-Za-z0-9]+)\]")]
    private static partial Regex Column();
}
