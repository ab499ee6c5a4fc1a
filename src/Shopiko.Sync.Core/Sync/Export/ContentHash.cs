using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Shopiko.Sync.Sync.Export;

/// <summary>
/// The export delta's fingerprint of an item: SHA-256 over canonical JSON (keys sorted ordinally, no whitespace,
/// decimals without trailing zeros, nulls omitted), lowercase hex. The same content always gives the same hash,
/// whatever the property order or the decimal scale (12.5 and 12.50 are the same price).
/// </summary>
/// <remarks>
/// The items are flat records, so the canonical text is written in one pass by a serializer whose contract lists the
/// properties in ordinal order, into a per-thread reused buffer: no JSON tree and no intermediate string per item.
/// The bytes are the same as those earlier versions hashed, so stored hashes stay valid across an upgrade.
/// </remarks>
internal static class ContentHash
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new CanonicalDecimalConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SortProperties } },
    };

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>The hash of <paramref name="item"/>.</summary>
    public static string Of<T>(T item)
    {
        var scratch = _scratch ??= new Scratch();
        var bytes = scratch.Write(item);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The canonical JSON text (for diagnostics and tests).</summary>
    public static string CanonicalJson<T>(T item) => Encoding.UTF8.GetString(new Scratch().Write(item));

    private static void SortProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var ordered = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
    }

    /// <summary>A buffer and a writer reused for every item hashed on one thread.</summary>
    private sealed class Scratch
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;

        public Scratch() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });

        public ReadOnlySpan<byte> Write<T>(T item)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, item, Options);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }

    private sealed class CanonicalDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        {
            Span<byte> text = stackalloc byte[64];
            if (value.TryFormat(text, out var written, "0.############################", CultureInfo.InvariantCulture))
            {
                writer.WriteRawValue(text[..written], skipInputValidation: true);
            }
            else
            {
                writer.WriteRawValue(value.ToString("0.############################", CultureInfo.InvariantCulture));
            }
        }
    }
}
