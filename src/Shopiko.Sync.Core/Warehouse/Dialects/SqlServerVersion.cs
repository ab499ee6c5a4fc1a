using System.Globalization;

namespace Shopiko.Sync.Warehouse.Dialects;

/// <summary>
/// The oldest SQL Server the SQL Server dialect's statements run on, and the check made when a connection opens.
/// Warehouse Pro installers shipped SQL Server Express 2008 R2 and 2012, so 2008 is the floor: the statements use
/// MERGE, row constructors in VALUES and datetime2, all new in SQL Server 2008 (the tests parse every statement with
/// the 2008 parser). Nothing newer (OFFSET/FETCH, STRING_SPLIT, TRIM …) may be used.
/// </summary>
internal static class SqlServerVersion
{
    /// <summary>The major version of SQL Server 2008 (2008 R2 is 10.50).</summary>
    public const int MinimumMajor = 10;

    /// <summary>
    /// The major version in <paramref name="serverVersion"/> as a connection reports it (<c>10.50.6000</c>), or null
    /// when it cannot be read.
    /// </summary>
    public static int? Major(string? serverVersion)
    {
        var head = serverVersion?.Split('.')[0].Trim();
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>The product name of a major version, for messages.</summary>
    public static string ProductName(int major) => major switch
    {
        <= 7 => "SQL Server 7.0 or older",
        8 => "SQL Server 2000",
        9 => "SQL Server 2005",
        10 => "SQL Server 2008",
        11 => "SQL Server 2012",
        _ => $"SQL Server (version {major})",
    };

    /// <summary>Refuses a server older than <see cref="MinimumMajor"/>; a version that cannot be read is let through.</summary>
    /// <exception cref="WarehouseConnectionException">The server is too old.</exception>
    public static void Require(string? serverVersion, string where)
    {
        if (Major(serverVersion) is { } major && major < MinimumMajor)
        {
            throw new WarehouseConnectionException(
                $"{where} runs {ProductName(major)} ({serverVersion}); Shopiko.Sync needs SQL Server 2008 or later (SQL Server Express " +
                "2008 R2 or newer, as Warehouse Pro installs, is free). Upgrade the SQL Server instance or move the database to a newer one.");
        }
    }
}
