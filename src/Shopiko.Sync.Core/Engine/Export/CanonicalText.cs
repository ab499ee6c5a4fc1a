namespace Shopiko.Sync.Engine.Export;

/// <summary>
/// A JSON string token as <see cref="System.Text.Json.Utf8JsonWriter"/> writes it with its default encoder, written
/// straight from the UTF-16 text: the content hash runs over every text of every item of every export, and the
/// writer's way (transcode to UTF-8, look for what needs escaping, then escape through the encoder) costs about half
/// of the hash. The bytes must be the writer's, byte for byte, or every stored hash would stop matching: pinned
/// against the writer for every UTF-16 code unit and for broken surrogate pairs.
/// </summary>
/// <remarks>
/// The default encoder lets through printable ASCII except the HTML-sensitive <c>" &amp; ' + &lt; &gt; `</c>; the
/// backslash and five control characters get their short escapes; everything else is <c>\uXXXX</c> (upper-case hex)
/// per UTF-16 code unit, and a surrogate that is not half of a pair becomes U+FFFD.
/// </remarks>
internal static class CanonicalText
{
    private const byte Long = (byte)'u';

    /// <summary>The escape of each ASCII character: 0 for none, <see cref="Long"/> for \uXXXX, else the short escape's letter.</summary>
    private static ReadOnlySpan<byte> AsciiEscapes =>
    [
        Long, Long, Long, Long, Long, Long, Long, Long, (byte)'b', (byte)'t', (byte)'n', Long, (byte)'f', (byte)'r', Long, Long,
        Long, Long, Long, Long, Long, Long, Long, Long, Long, Long, Long, Long, Long, Long, Long, Long,
        0, 0, Long, 0, 0, 0, Long, Long, 0, 0, 0, Long, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Long, 0, Long, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'\\', 0, 0, 0,
        Long, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Long,
    ];

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>The most bytes <see cref="Write"/> writes for a text of <paramref name="length"/> UTF-16 code units.</summary>
    public static int MaxBytes(int length) => (length * 6) + 2;

    /// <summary>Writes <paramref name="text"/> as a quoted JSON string into <paramref name="output"/>; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<char> text, Span<byte> output)
    {
        var o = 0;
        output[o++] = (byte)'"';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                var escape = AsciiEscapes[c];
                if (escape == 0)
                {
                    output[o++] = (byte)c;
                }
                else if (escape == Long)
                {
                    o = WriteLong(c, output, o);
                }
                else
                {
                    output[o++] = (byte)'\\';
                    output[o++] = escape;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                o = WriteLong(c, output, o);
                o = WriteLong(text[++i], output, o);
            }
            else
            {
                o = WriteLong(char.IsSurrogate(c) ? '\uFFFD' : c, output, o);
            }
        }

        output[o++] = (byte)'"';
        return o;
    }

    private static int WriteLong(char c, Span<byte> output, int o)
    {
        output[o] = (byte)'\\';
        output[o + 1] = (byte)'u';
        output[o + 2] = Hex[c >> 12];
        output[o + 3] = Hex[(c >> 8) & 0xF];
        output[o + 4] = Hex[(c >> 4) & 0xF];
        output[o + 5] = Hex[c & 0xF];
        return o + 6;
    }
}
