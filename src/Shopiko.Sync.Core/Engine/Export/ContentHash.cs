using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Engine.Export;

/// <summary>
/// The export delta's fingerprint of an item: SHA-256 over canonical JSON (keys sorted ordinally, no whitespace,
/// decimals without trailing zeros, nulls omitted), lowercase hex. The same content always gives the same hash,
/// whatever the property order or the decimal scale (12.5 and 12.50 are the same price).
/// </summary>
/// <remarks>
/// The four exported item types are written by hand, key by key in ordinal order, through the same
/// <see cref="Utf8JsonWriter"/> the serializer uses, their texts escaped as it escapes them (<see cref="CanonicalText"/>):
/// the bytes are exactly those the serializer writes (<see cref="SerializedJson{T}"/>, pinned by a test), so stored
/// hashes stay valid across an upgrade, at a fraction of the cost. A compare against a stored hash
/// (<see cref="Digest.Matches"/>) allocates nothing: a run where nothing changed makes no string per item.
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

    private const string DecimalFormat = "0.############################";

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>The hash of <paramref name="item"/> as stored (lowercase hex).</summary>
    public static string Of<T>(T item) => Compute(item).ToString();

    /// <summary>The hash of <paramref name="item"/>.</summary>
    public static Digest Compute<T>(T item)
    {
        var scratch = _scratch ??= new Scratch();
        var digest = default(Digest);
        scratch.Hash(scratch.Write(item), digest);
        return digest;
    }

    /// <summary>The canonical JSON text (for diagnostics and tests).</summary>
    public static string CanonicalJson<T>(T item) => Encoding.UTF8.GetString(new Scratch().Write(item));

    /// <summary>The canonical JSON text as the serializer writes it (the reference the hand-written writers must match).</summary>
    internal static string SerializedJson<T>(T item) => Encoding.UTF8.GetString(new Scratch().Serialize(item));

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

    private static void WriteDecimal(Utf8JsonWriter writer, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        if (TryFormatCanonical(value, text, out var written))
        {
            writer.WriteRawValue(text[..written], skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(value.ToString(DecimalFormat, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// <paramref name="value"/> as <see cref="DecimalFormat"/> writes it, without the cost of a custom format: a decimal's
    /// general format is always fixed-point with every digit of its scale, so cutting the trailing zeros of the fraction
    /// (and a bare point) gives the same text. Zero goes through the custom format (a negative zero's sign).
    /// </summary>
    internal static bool TryFormatCanonical(decimal value, Span<byte> text, out int written)
    {
        if (value == 0m)
        {
            return value.TryFormat(text, out written, DecimalFormat, CultureInfo.InvariantCulture);
        }

        if (!value.TryFormat(text, out written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (text[..written].IndexOf((byte)'.') >= 0)
        {
            while (text[written - 1] == (byte)'0')
            {
                written--;
            }

            if (text[written - 1] == (byte)'.')
            {
                written--;
            }
        }

        return true;
    }

    /// <summary>A SHA-256 value, kept as its 32 bytes.</summary>
    [System.Runtime.CompilerServices.InlineArray(SHA256.HashSizeInBytes)]
    internal struct Digest
    {
        private byte _first;

        /// <summary>True when <paramref name="stored"/> is this hash's text (as <see cref="ToString"/> writes it).</summary>
        public readonly bool Matches(string? stored)
        {
            if (stored is null || stored.Length != SHA256.HashSizeInBytes * 2)
            {
                return false;
            }

            Span<char> text = stackalloc char[SHA256.HashSizeInBytes * 2];
            return Convert.TryToHexStringLower(this, text, out _) && stored.AsSpan().SequenceEqual(text);
        }

        /// <summary>The lowercase hex text stored in the link rows.</summary>
        public override readonly string ToString() => Convert.ToHexStringLower(this);
    }

    /// <summary>A buffer, a writer and a hash reused for every item hashed on one thread.</summary>
    private sealed class Scratch
    {
        private static readonly JsonEncodedText Active = JsonEncodedText.Encode("active");
        private static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
        private static readonly JsonEncodedText Barcode = JsonEncodedText.Encode("barcode");
        private static readonly JsonEncodedText CategoryExternalId = JsonEncodedText.Encode("categoryExternalId");
        private static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
        private static readonly JsonEncodedText ContactPerson = JsonEncodedText.Encode("contactPerson");
        private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
        private static readonly JsonEncodedText Eik = JsonEncodedText.Encode("eik");
        private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
        private static readonly JsonEncodedText ExternalId = JsonEncodedText.Encode("externalId");
        private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        private static readonly JsonEncodedText ParentExternalId = JsonEncodedText.Encode("parentExternalId");
        private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");
        private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
        private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
        private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
        private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        private static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        private static readonly JsonEncodedText VatNumber = JsonEncodedText.Encode("vatNumber");
        private static readonly JsonEncodedText VatRate = JsonEncodedText.Encode("vatRate");

        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;

        // Where a text is escaped before it is written: grown to the longest text seen on this thread.
        private byte[] _text = new byte[1024];

        // One hash object reset after each item costs a quarter less than a one-shot hash per item, which sets up and
        // tears down the platform's digest context every time (the same SHA-256).
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public Scratch() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });

        public void Hash(ReadOnlySpan<byte> bytes, Span<byte> digest)
        {
            _sha256.AppendData(bytes);
            _sha256.GetHashAndReset(digest);
        }

        public ReadOnlySpan<byte> Write<T>(T item)
        {
            Reset();
            switch (item)
            {
                case ProductUpsert product: Write(product); break;
                case StockUpsert stock: Write(stock); break;
                case CustomerUpsert customer: Write(customer); break;
                case CategoryUpsert category: Write(category); break;
                default: return Serialize(item);
            }

            _writer.Flush();
            return _buffer.WrittenSpan;
        }

        public ReadOnlySpan<byte> Serialize<T>(T item)
        {
            Reset();
            JsonSerializer.Serialize(_writer, item, Options);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }

        private void Reset()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
        }

        // Each writer lists the keys in ordinal order of their camelCase names, as SortProperties orders them.
        private void Write(ProductUpsert p)
        {
            _writer.WriteStartObject();
            _writer.WriteBoolean(Active, p.Active);
            String(Barcode, p.Barcode);
            String(CategoryExternalId, p.CategoryExternalId);
            String(Description, p.Description);
            String(ExternalId, p.ExternalId);
            String(Name, p.Name);
            Decimal(Price, p.Price);
            String(Sku, p.Sku);
            String(Unit, p.Unit);
            Decimal(VatRate, p.VatRate);
            _writer.WriteEndObject();
        }

        private void Write(StockUpsert s)
        {
            _writer.WriteStartObject();
            String(ExternalId, s.ExternalId);
            Decimal(Quantity, s.Quantity);
            _writer.WriteEndObject();
        }

        private void Write(CustomerUpsert c)
        {
            _writer.WriteStartObject();
            String(Address, c.Address);
            String(City, c.City);
            String(ContactPerson, c.ContactPerson);
            String(Eik, c.Eik);
            String(Email, c.Email);
            String(ExternalId, c.ExternalId);
            String(Name, c.Name);
            String(Phone, c.Phone);
            String(Type, c.Type);
            String(VatNumber, c.VatNumber);
            _writer.WriteEndObject();
        }

        private void Write(CategoryUpsert c)
        {
            _writer.WriteStartObject();
            String(ExternalId, c.ExternalId);
            String(Name, c.Name);
            String(ParentExternalId, c.ParentExternalId);
            _writer.WriteEndObject();
        }

        private void String(JsonEncodedText key, string? value)
        {
            if (value is null)
            {
                return;
            }

            _writer.WritePropertyName(key);
            var room = CanonicalText.MaxBytes(value.Length);
            if (_text.Length < room)
            {
                _text = new byte[Math.Max(room, _text.Length * 2)];
            }

            _writer.WriteRawValue(_text.AsSpan(0, CanonicalText.Write(value, _text)), skipInputValidation: true);
        }

        private void Decimal(JsonEncodedText key, decimal value)
        {
            _writer.WritePropertyName(key);
            WriteDecimal(_writer, value);
        }
    }

    private sealed class CanonicalDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => WriteDecimal(writer, value);
    }
}
