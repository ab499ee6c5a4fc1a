using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Matching;

/// <summary>A link matching proposes: warehouse record <paramref name="LocalId"/> is shop record <paramref name="RemoteId"/>.</summary>
/// <param name="LocalId">The warehouse ID.</param>
/// <param name="RemoteId">The shop id.</param>
/// <param name="How">Which key matched.</param>
internal sealed record MatchedPair(int LocalId, string RemoteId, string How);

/// <summary>What matching found for one entity.</summary>
/// <param name="Matched">Pairs to link.</param>
/// <param name="Ambiguous">Records with several candidates, described; left unlinked.</param>
/// <param name="New">Records on either side with no counterpart.</param>
internal sealed record MatchResult(IReadOnlyList<MatchedPair> Matched, IReadOnlyList<string> Ambiguous, int New);

/// <summary>
/// Links records that already exist on both sides on the first run: goods by Code ↔ sku, then BarCode1 ↔ barcode;
/// partners by EIK, then VAT number, then e-mail. A key with more than one candidate on either side is ambiguous and
/// never guessed; a record claimed by two counterparts is ambiguous too.
/// </summary>
internal static class MatchPlanner
{
    /// <summary>Matches warehouse goods with shop products.</summary>
    public static MatchResult MatchGoods(IReadOnlyList<Good> goods, IReadOnlyList<ShopProduct> products) => Match(
        goods.Where(g => !g.IsDeleted).ToList(),
        products,
        g => g.Id,
        p => p.Id,
        p => $"product '{p.Sku}' ({p.Name})",
        [
            ("code/sku", g => g.Code, p => p.Sku),
            ("barcode", g => g.BarCode1, p => p.Barcode),
        ]);

    /// <summary>Matches warehouse partners with shop customers.</summary>
    public static MatchResult MatchPartners(IReadOnlyList<Partner> partners, IReadOnlyList<ShopCustomer> customers) => Match(
        partners.Where(p => !p.IsDeleted).ToList(),
        customers,
        p => p.Id,
        c => c.Id,
        c => $"customer '{c.Name}'",
        [
            ("EIK", p => p.Bulstat, c => c.Eik),
            ("VAT number", p => p.TaxNo, c => c.VatNumber),
            ("e-mail", p => p.Email, c => c.Email),
        ]);

    private static MatchResult Match<TLocal, TRemote>(
        IReadOnlyList<TLocal> locals,
        IReadOnlyList<TRemote> remotes,
        Func<TLocal, int> localId,
        Func<TRemote, string> remoteId,
        Func<TRemote, string> describe,
        IReadOnlyList<(string How, Func<TLocal, string?> LocalKey, Func<TRemote, string?> RemoteKey)> keys)
    {
        var indexes = keys.Select(k => locals
                .Select(l => (Key: Normalize(k.LocalKey(l)), Id: localId(l)))
                .Where(x => x.Key is not null)
                .GroupBy(x => x.Key!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().ToList(), StringComparer.OrdinalIgnoreCase))
            .ToList();
        var remoteCounts = keys.Select(k => remotes
                .Select(r => Normalize(k.RemoteKey(r)))
                .Where(x => x is not null)
                .GroupBy(x => x!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase))
            .ToList();

        var proposals = new List<(TRemote Remote, int LocalId, string How)>();
        var ambiguous = new List<string>();
        var candidates = new HashSet<int>();
        var remotesWithoutCandidate = 0;
        foreach (var remote in remotes)
        {
            var decided = false;
            for (var k = 0; k < keys.Count && !decided; k++)
            {
                if (Normalize(keys[k].RemoteKey(remote)) is not { } key || !indexes[k].TryGetValue(key, out var ids))
                {
                    continue;
                }

                decided = true;
                candidates.UnionWith(ids);
                if (ids.Count == 1 && remoteCounts[k][key] == 1)
                {
                    proposals.Add((remote, ids[0], keys[k].How));
                }
                else
                {
                    ambiguous.Add($"{describe(remote)}: {keys[k].How} '{key}' fits {ids.Count} warehouse and {remoteCounts[k][key]} shop records");
                }
            }

            if (!decided)
            {
                remotesWithoutCandidate++;
            }
        }

        // One-to-one: a warehouse record claimed through different keys by two shop records is not guessed either.
        var matched = new List<MatchedPair>();
        foreach (var group in proposals.GroupBy(p => p.LocalId))
        {
            if (group.Count() == 1)
            {
                var p = group.Single();
                matched.Add(new MatchedPair(p.LocalId, remoteId(p.Remote), p.How));
            }
            else
            {
                ambiguous.AddRange(group.Select(p => $"{describe(p.Remote)}: warehouse record {p.LocalId} fits several shop records"));
            }
        }

        var localsWithoutCandidate = locals.Count(l => !candidates.Contains(localId(l)));
        return new MatchResult(matched, ambiguous, remotesWithoutCandidate + localsWithoutCandidate);
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
