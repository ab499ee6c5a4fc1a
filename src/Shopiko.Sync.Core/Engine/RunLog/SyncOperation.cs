using System.Text.Json.Serialization;

namespace Shopiko.Sync.Engine.RunLog;

/// <summary>The three runs a server can make.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncOperation>))]
public enum SyncOperation
{
    /// <summary>Warehouse → shop.</summary>
    [JsonStringEnumMemberName("export")] Export,
    /// <summary>Shop → warehouse.</summary>
    [JsonStringEnumMemberName("import")] Import,
    /// <summary>Import, then export.</summary>
    [JsonStringEnumMemberName("sync")] Sync,
}

/// <summary>Names and dispatch of <see cref="SyncOperation"/>.</summary>
public static class SyncOperations
{
    /// <summary>The lower-case name used in reports, logs and URLs.</summary>
    public static string Name(this SyncOperation operation) => operation switch
    {
        SyncOperation.Export => "export",
        SyncOperation.Import => "import",
        SyncOperation.Sync => "sync",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };

    /// <summary>Parses <c>export</c>, <c>import</c> or <c>sync</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, out SyncOperation operation)
    {
        foreach (var candidate in Enum.GetValues<SyncOperation>())
        {
            if (string.Equals(text, candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                operation = candidate;
                return true;
            }
        }

        operation = default;
        return false;
    }

    /// <summary>Runs <paramref name="operation"/> on <paramref name="engine"/>.</summary>
    public static Task<RunReport> RunAsync(this ISyncEngine engine, SyncOperation operation, SyncRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return operation switch
        {
            SyncOperation.Export => engine.ExportAsync(options, cancellationToken),
            SyncOperation.Import => engine.ImportAsync(options, cancellationToken),
            SyncOperation.Sync => engine.SyncAsync(options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
        };
    }
}
