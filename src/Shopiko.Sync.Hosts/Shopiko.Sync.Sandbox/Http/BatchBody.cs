using System.Text.Json;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>
/// The items of a batch body <c>{"items": [ … ]}</c> as slices of the UTF-8 body, found in one pass of a reader: each
/// item is deserialized on its own later (one bad item never fails the batch) without building a document first.
/// </summary>
internal sealed class BatchBody
{
    private BatchBody(ReadOnlyMemory<byte> utf8, List<Range> items)
    {
        Utf8 = utf8;
        Items = items;
    }

    /// <summary>The whole body.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Where each item's JSON lies in <see cref="Utf8"/>, in order.</summary>
    public IReadOnlyList<Range> Items { get; }

    /// <summary>The JSON of item <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Item(int index) => Utf8.Span[Items[index]];

    /// <summary>
    /// Splits <paramref name="utf8"/>; null when it is JSON but not an object with an <c>items</c> array (the last one
    /// wins, as a document lookup would find it).
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static BatchBody? Parse(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, isFinalBlock: true, default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Still checks the rest is JSON, so a broken body is reported as such.
            reader.Skip();
            while (reader.Read())
            {
            }

            return null;
        }

        List<Range>? items = null;
        var foundNonArray = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals("items"u8);
            reader.Read();
            if (!isItems || reader.TokenType != JsonTokenType.StartArray)
            {
                foundNonArray |= isItems;
                reader.Skip();
                continue;
            }

            foundNonArray = false;
            items = [];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                items.Add(new Range(start, (int)reader.BytesConsumed));
            }
        }

        // Anything after the root object is an error the reader reports here.
        while (reader.Read())
        {
        }

        return items is null || foundNonArray ? null : new BatchBody(utf8, items);
    }
}
