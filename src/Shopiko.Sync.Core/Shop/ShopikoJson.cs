using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shopiko.Sync.Shop;

/// <summary>
/// The JSON conventions of the synchronisation contract: UTF-8, camelCase, unknown properties ignored, money and
/// quantities as JSON numbers, timestamps as ISO 8601 UTC with a <c>Z</c> (<c>2026-11-28T13:20:00Z</c>).
/// Shared by the client and by implementations of the contract (such as the sandbox shop).
/// </summary>
public static class ShopikoJson
{
    /// <summary>Read-only serializer options following the contract.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Formats <paramref name="value"/> as the contract writes timestamps (ISO 8601 UTC, <c>Z</c>).</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static JsonSerializerOptions Create()
    {
        // Web defaults: camelCase names, case-insensitive reads; unknown properties are ignored by default.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // System.Text.Json writes "+00:00"; the contract spells UTC as "Z". Reading accepts any ISO 8601 offset.
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatTimestamp(value));
    }
}
