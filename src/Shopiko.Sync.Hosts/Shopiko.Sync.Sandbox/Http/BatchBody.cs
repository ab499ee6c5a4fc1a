using System.Text.Json;
using Shopiko.Sync.Shop;

namespace Shopiko.Sync.Sandbox.Http;

/// <summary>
/// The items of a batch body <c>{"items": [ … ]}</c>, each deserialized on its own in the one pass of a reader over
/// the UTF-8 body (no document is built first): an item that does not follow the contract fails alone, with the
/// reason and the externalId it carries, while a body that is not JSON fails whole.
/// </summary>
internal sealed class BatchBody<T>
    where T : class
{
    private BatchBody(List<BatchItem<T>> items) => Items = items;

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<BatchItem<T>> Items { get; }

    /// <summary>
    /// Reads <paramref name="utf8"/>; null when it is JSON but not an object with an <c>items</c> array (of several
    /// <c>items</c> the last one counts, as a document lookup would find it).
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static BatchBody<T>? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // The rest is still read, so a broken body is reported as such.
            reader.Skip();
            ReadToEnd(ref reader);
            return null;
        }

        List<BatchItem<T>>? items = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals("items"u8);
            reader.Read();
            if (!isItems)
            {
                reader.Skip();
            }
            else if (reader.TokenType != JsonTokenType.StartArray)
            {
                items = null;
                reader.Skip();
            }
            else
            {
                items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadItem(ref reader, utf8));
                }
            }
        }

        // Anything after the root object is an error the reader reports here.
        ReadToEnd(ref reader);
        return items is null ? null : new BatchBody<T>(items);
    }

    private static BatchItem<T> ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        var start = reader;
        try
        {
            var item = JsonSerializer.Deserialize<T>(ref reader, ShopikoJson.Options);
            return item is null ? new BatchItem<T>(null, "", "The item is null.") : new BatchItem<T>(item, null, null);
        }
        catch (JsonException ex)
        {
            // Back to the item's first token: skipping it checks it is JSON at all (if not, the whole body fails).
            reader = start;
            var from = (int)reader.TokenStartIndex;
            reader.Skip();
            return new BatchItem<T>(null, ExternalIdIn(utf8[from..(int)reader.BytesConsumed]), "The item does not follow the contract: " + ex.Message);
        }
    }

    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static string ExternalIdIn(ReadOnlySpan<byte> item)
    {
        var reader = new Utf8JsonReader(item);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "";
        }

        // The last externalId counts, as a document lookup would find it.
        var found = "";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isExternalId = reader.ValueTextEquals("externalId"u8);
            reader.Read();
            if (isExternalId)
            {
                found = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
            }

            reader.Skip();
        }

        return found;
    }
}

/// <summary>One item of a batch: what was read, or why it could not be (with the externalId it carries, or "").</summary>
/// <param name="Value">The item; null when it could not be read.</param>
/// <param name="ExternalId">The item's externalId when it could not be read.</param>
/// <param name="Error">Why it could not be read.</param>
internal readonly record struct BatchItem<T>(T? Value, string? ExternalId, string? Error)
    where T : class;
