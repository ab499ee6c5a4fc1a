namespace Shopiko.Sync.Warehouse;

/// <summary>Warehouse Pro stores an empty string as a single space; values longer than their column are refused.</summary>
internal static class Text
{
    /// <summary>Longest value of the program's text columns (VARCHAR(255) / nvarchar(255)).</summary>
    public const int Column = 255;

    /// <summary>A stored value as the caller sees it: NULL and the single space become empty.</summary>
    public static string Read(string? value) => string.IsNullOrWhiteSpace(value) ? "" : value;

    /// <summary>A value as the program stores it: empty becomes a single space.</summary>
    /// <exception cref="WarehouseDataException">Longer than <paramref name="maxLength"/>.</exception>
    public static string Write(string? value, string what, int maxLength = Column)
    {
        if (string.IsNullOrEmpty(value))
        {
            return " ";
        }

        return value.Length <= maxLength
            ? value
            : throw new WarehouseDataException(
                $"{what} is {value.Length} characters long; the Warehouse Pro database holds at most {maxLength}. Shorten it and try again. Nothing was written.");
    }

    /// <summary>A value for the library's own tables (NULL stays NULL).</summary>
    public static string? Own(string? value, string what, int maxLength) =>
        value is null || value.Length <= maxLength
            ? value
            : throw new WarehouseDataException($"{what} is {value.Length} characters long; at most {maxLength} fit. Nothing was written.");
}

/// <summary>DOUBLE/float only at the database boundary: money stays decimal everywhere else.</summary>
internal static class Number
{
    /// <summary>A stored number as decimal (NULL is 0). The double→decimal conversion keeps 15 significant digits.</summary>
    public static decimal Read(double? value) => value is null || double.IsNaN(value.Value) ? 0m : (decimal)value.Value;

    /// <summary>A decimal as the database stores it.</summary>
    public static double Write(decimal value) => (double)value;
}

/// <summary>Times written by the store.</summary>
internal static class Clock
{
    /// <summary>Local wall-clock time to the second, as the program writes UserRealTime.</summary>
    public static DateTime LocalNow(TimeProvider time) => Truncate(time.GetLocalNow().DateTime);

    /// <summary>UTC to the second, for the library's own tables.</summary>
    public static DateTime UtcNow(TimeProvider time) => Truncate(time.GetUtcNow().UtcDateTime);

    /// <summary>A UTC time read back from the library's own tables.</summary>
    public static DateTimeOffset ReadUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Kind);
}
