using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Shopiko.Sync.Warehouse.Fitting;

/// <summary>What fitting did to one value.</summary>
/// <param name="Value">The value to write.</param>
/// <param name="LengthBefore">Characters (text elements) before.</param>
/// <param name="LengthAfter">Characters (text elements) after.</param>
/// <param name="Replaced">Characters the column cannot hold, replaced.</param>
/// <param name="Shortened">True when the value was cut to the column's length.</param>
/// <param name="Refusal">For an identity value that does not fit: why, naming the field and the limit; the value is unchanged.</param>
internal readonly record struct FitResult(string Value, int LengthBefore, int LengthAfter, int Replaced, bool Shortened, string? Refusal)
{
    /// <summary>True when the value written differs from the value given.</summary>
    public bool Changed => Replaced > 0 || Shortened;
}

/// <summary>
/// Makes text fit a column, purely. Descriptive text: every character (grapheme) the column cannot hold is replaced by
/// one replacement character, then the text is cut on a grapheme boundary — never inside a surrogate pair or a
/// combining sequence — and ends in "…" where the column holds it. Identity text is never altered: it either fits as it
/// is or is refused with the reason.
/// </summary>
internal static class TextFitter
{
    /// <summary>Replaces a character a Unicode-subset column (utf8mb3) cannot hold.</summary>
    public const string UnicodeReplacement = "\uFFFD";

    /// <summary>Replaces a character a code-page column cannot hold.</summary>
    public const string CodePageReplacement = "?";

    private const string Ellipsis = "…";

    private static readonly ConcurrentDictionary<int, Encoding?> Encodings = new();

    /// <summary>Fits <paramref name="value"/> (null is empty) to <paramref name="limit"/> under <paramref name="rule"/>.</summary>
    public static FitResult Fit(string? value, ColumnLimit limit, TextRule rule)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(rule);
        value ??= "";
        if (FitsAsItIs(value, limit))
        {
            return new FitResult(value, value.Length, value.Length, 0, false, null);
        }

        var elements = TextElements(value);
        var before = elements.Count;
        var encoding = EncodingOf(limit);
        var unstorable = elements.FindIndex(e => !CanHold(e, limit, encoding));
        if (rule.Kind == TextKind.Identity)
        {
            var length = Measure(value, limit.Unit, encoding);
            string? refusal = null;
            if (unstorable >= 0)
            {
                refusal = $"the {rule.Field} '{value}' contains '{elements[unstorable]}' ({Describe(elements[unstorable])}), which {limit.Describe(rule.Table, rule.Column)} cannot hold";
            }
            else if (limit.MaxLength is { } max && length > max)
            {
                refusal = $"the {rule.Field} is {length.ToString(CultureInfo.InvariantCulture)} {UnitName(limit.Unit)} long; {limit.Describe(rule.Table, rule.Column)} holds at most {max.ToString(CultureInfo.InvariantCulture)}";
            }

            return new FitResult(value, before, before, 0, false, refusal);
        }

        var replaced = 0;
        if (unstorable >= 0)
        {
            var replacement = CanHold(UnicodeReplacement, limit, encoding) ? UnicodeReplacement : CodePageReplacement;
            for (var i = unstorable; i < elements.Count; i++)
            {
                if (!CanHold(elements[i], limit, encoding))
                {
                    elements[i] = replacement;
                    replaced++;
                }
            }
        }

        var text = string.Concat(elements);
        var shortened = false;
        if (limit.MaxLength is { } maxLength && Measure(text, limit.Unit, encoding) > maxLength)
        {
            shortened = true;
            var ellipsis = CanHold(Ellipsis, limit, encoding) && Measure(Ellipsis, limit.Unit, encoding) < maxLength ? Ellipsis : "";
            var room = maxLength - Measure(ellipsis, limit.Unit, encoding);
            var kept = new StringBuilder(text.Length);
            var used = 0;
            var count = 0;
            foreach (var element in elements)
            {
                var size = Measure(element, limit.Unit, encoding);
                if (used + size > room)
                {
                    break;
                }

                kept.Append(element);
                used += size;
                count++;
            }

            // No trailing blank before the ellipsis ("Кутия …" reads as two words).
            var cut = kept.ToString().TrimEnd();
            elements = TextElements(cut + ellipsis);
            text = cut + ellipsis;
        }

        return new FitResult(text, before, elements.Count, replaced, shortened, null);
    }

    /// <summary>
    /// The common case, decided without splitting into graphemes: no surrogate (so no character above U+FFFF and code
    /// points equal UTF-16 units), only ASCII where the column counts bytes or keeps a code page (every code page a
    /// Warehouse Pro database uses is ASCII-compatible), and within the length.
    /// </summary>
    private static bool FitsAsItIs(string value, ColumnLimit limit)
    {
        var span = value.AsSpan();
        if (span.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return false;
        }

        if ((limit.Repertoire == Repertoire.CodePage || limit.Unit == LengthUnit.Bytes) && !Ascii.IsValid(span))
        {
            return false;
        }

        return limit.MaxLength is not { } max || value.Length <= max;
    }

    /// <summary>The length of <paramref name="value"/> as the column counts it.</summary>
    public static int Measure(string value, LengthUnit unit, Encoding? encoding) => unit switch
    {
        LengthUnit.CodePoints => CountCodePoints(value),
        LengthUnit.Bytes => (encoding ?? Encoding.UTF8).GetByteCount(value),
        _ => value.Length,
    };

    private static int CountCodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string UnitName(LengthUnit unit) => unit == LengthUnit.Bytes ? "bytes" : "characters";

    /// <summary>The graphemes of <paramref name="value"/>: what a reader sees as one character.</summary>
    private static List<string> TextElements(string value)
    {
        var list = new List<string>(value.Length);
        var index = 0;
        while (index < value.Length)
        {
            var length = StringInfo.GetNextTextElementLength(value, index);
            list.Add(value.Substring(index, length));
            index += length;
        }

        return list;
    }

    /// <summary>True when the column keeps every code point of <paramref name="element"/> as it is.</summary>
    private static bool CanHold(string element, ColumnLimit limit, Encoding? encoding)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            // A lone surrogate is no character at all; EnumerateRunes reports it as U+FFFD.
            if (rune == Rune.ReplacementChar && !element.Contains(UnicodeReplacement, StringComparison.Ordinal))
            {
                return false;
            }

            if (limit.Repertoire == Repertoire.Bmp && !rune.IsBmp)
            {
                return false;
            }
        }

        if (limit.Repertoire != Repertoire.CodePage || encoding is null)
        {
            return true;
        }

        // Round trip: a code page encoder would map what it lacks to '?' or a look-alike ("best fit"), both a change.
        var bytes = encoding.GetBytes(element);
        return string.Equals(encoding.GetString(bytes), element, StringComparison.Ordinal);
    }

    private static Encoding? EncodingOf(ColumnLimit limit)
    {
        if (limit.Repertoire != Repertoire.CodePage && limit.Unit != LengthUnit.Bytes)
        {
            return null;
        }

        if (limit.CodePage is 0 or 65001)
        {
            return Encoding.UTF8;
        }

        return Encodings.GetOrAdd(limit.CodePage, static page =>
        {
            try
            {
                return CodePagesEncodingProvider.Instance.GetEncoding(page, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
                    ?? Encoding.GetEncoding(page, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                return null;
            }
        });
    }

    private static string Describe(string element)
    {
        var runes = element.EnumerateRunes().Select(r => $"U+{r.Value:X4}");
        return string.Join(" ", runes);
    }
}
