namespace Shopiko.Sync.Warehouse;

/// <summary>
/// The tree codes of Warehouse Pro groups: three letters A–Z per level (<c>AAB</c>, its children <c>AABAAA</c> …).
/// The next sibling is the largest triple under the parent plus one, counting in base 26 (<c>AAZ</c> → <c>ABA</c>).
/// </summary>
internal static class GroupCodes
{
    private const int Segment = 3;

    /// <summary>The next free code under <paramref name="parentCode"/> ("" for the top level), given all existing codes.</summary>
    /// <exception cref="WarehouseDataException">All 17,576 codes of that level are taken.</exception>
    public static string Next(string parentCode, IEnumerable<string?> existingCodes)
    {
        string? largest = null;
        foreach (var raw in existingCodes)
        {
            var code = raw?.Trim().ToUpperInvariant();
            if (code is null || code.Length != parentCode.Length + Segment || !code.StartsWith(parentCode, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var triple = code[parentCode.Length..];
            if (IsTriple(triple) && (largest is null || string.CompareOrdinal(triple, largest) > 0))
            {
                largest = triple;
            }
        }

        return parentCode + (largest is null ? "AAA" : Increment(largest));
    }

    /// <summary>True when <paramref name="code"/> is a well-formed tree code (one or more triples of A–Z).</summary>
    public static bool IsTreeCode(string code) =>
        code.Length > 0 && code.Length % Segment == 0 && code.All(c => c is >= 'A' and <= 'Z');

    private static bool IsTriple(string s) => s.Length == Segment && s.All(c => c is >= 'A' and <= 'Z');

    private static string Increment(string triple)
    {
        var chars = triple.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] < 'Z')
            {
                chars[i]++;
                return new string(chars);
            }

            chars[i] = 'A';
        }

        throw new WarehouseDataException("This level of the goods group tree is full (ZZZ is taken): create the group under another parent.");
    }
}
