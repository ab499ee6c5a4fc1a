using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shopiko.Sync.Engine.RunLog;

/// <summary>The one JSON shape of run reports and run records: camelCase, enums as their wire names.</summary>
public static class RunReportJson
{
    /// <summary>Options for one record per line (the run log).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Options for people and scripts reading stdout (<c>--json</c>).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Bulgarian names and document notes stay readable in the files instead of \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
