using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// The warehouse partners known to an import run, indexed the ways a shop customer is recognised: by its link, then
/// EIK (Bulstat), then VAT number (TaxNo), then e-mail. A key shared by several partners is ambiguous and skipped, so
/// the next key decides; nothing is guessed.
/// </summary>
internal sealed class PartnerIndex
{
    private readonly Dictionary<int, Partner> _byId = [];
    private readonly Dictionary<string, int> _byRemoteId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byEik = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byVat = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a partner (deleted partners are never matched).</summary>
    public void Add(Partner partner)
    {
        if (partner.IsDeleted || partner.Id <= 1)
        {
            return;
        }

        _byId[partner.Id] = partner;
        AddKey(_byEik, partner.Bulstat, partner.Id);
        AddKey(_byVat, partner.TaxNo, partner.Id);
        AddKey(_byEmail, partner.Email, partner.Id);
    }

    /// <summary>A known partner as the merchant knows it: <c>'P0012' Фирма ООД</c> (its ID when unknown).</summary>
    public string Describe(int partnerId) => _byId.TryGetValue(partnerId, out var p)
        ? $"'{p.Code}' {p.Company}"
        : partnerId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Records that shop customer <paramref name="remoteId"/> is partner <paramref name="localId"/>.</summary>
    public void Link(string remoteId, int localId) => _byRemoteId[remoteId] = localId;

    /// <summary>The partner linked to a shop customer id, if any.</summary>
    public int? LinkedTo(string remoteId) => _byRemoteId.TryGetValue(remoteId, out var id) ? id : null;

    /// <summary>Finds the partner for <paramref name="customer"/>; null means a new partner is needed.</summary>
    public PartnerMatch? Find(ShopCustomer customer)
    {
        if (_byRemoteId.TryGetValue(customer.Id, out var linked) && _byId.ContainsKey(linked))
        {
            return new PartnerMatch(linked, "link");
        }

        if (int.TryParse(customer.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var external) && _byId.ContainsKey(external))
        {
            return new PartnerMatch(external, "link");
        }

        return Unique(_byEik, customer.Eik, "EIK")
            ?? Unique(_byVat, customer.VatNumber, "VAT number")
            ?? Unique(_byEmail, customer.Email, "e-mail");
    }

    private static PartnerMatch? Unique(Dictionary<string, List<int>> index, string? key, string how) =>
        Normalize(key) is { } k && index.TryGetValue(k, out var ids) && ids.Count == 1 ? new PartnerMatch(ids[0], how) : null;

    private static void AddKey(Dictionary<string, List<int>> index, string value, int id)
    {
        if (Normalize(value) is not { } key)
        {
            return;
        }

        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = [];
        }

        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>A partner found for a shop customer.</summary>
/// <param name="PartnerId">partners.ID.</param>
/// <param name="How">Which key matched: link, EIK, VAT number, e-mail.</param>
internal sealed record PartnerMatch(int PartnerId, string How);
