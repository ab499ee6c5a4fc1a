using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Export;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// What an import run knows about the warehouse: links, partners (indexed for matching), VAT groups, which goods exist,
/// and the shipping good. Records created during the run are added, so two orders of one new customer make one partner.
/// </summary>
internal sealed class ImportCatalog
{
    private readonly SyncSession _session;
    private readonly Dictionary<int, bool> _goodExists = [];
    private IReadOnlyList<VatGroup> _vatGroups = [];
    private int? _shippingGoodId;

    private ImportCatalog(SyncSession session, LinkTable products)
    {
        _session = session;
        Products = products;
    }

    /// <summary>Product links.</summary>
    public LinkTable Products { get; }

    /// <summary>Partners by link, EIK, VAT number and e-mail.</summary>
    public PartnerIndex Partners { get; } = new();

    /// <summary>Partners created this run, to link back to the shop.</summary>
    public List<LinkItem> CreatedPartners { get; } = [];

    /// <summary>Goods created this run for order lines, to link back to the shop.</summary>
    public List<LinkItem> CreatedGoods { get; } = [];

    /// <summary>Loads links, partners and VAT groups.</summary>
    public static async Task<ImportCatalog> LoadAsync(SyncSession session, CancellationToken ct)
    {
        var store = session.Store;
        var catalog = new ImportCatalog(session, await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Product, ct).ConfigureAwait(false));
        await foreach (var partner in store.ReadPartnersAsync(ct).ConfigureAwait(false))
        {
            catalog.Partners.Add(partner);
        }

        await foreach (var link in session.State.ReadLinksAsync(session.Scope, SyncEntity.Customer, ct).ConfigureAwait(false))
        {
            if (link.RemoteId is not null)
            {
                catalog.Partners.Link(link.RemoteId, link.LocalId);
            }
        }

        catalog._vatGroups = await store.ReadVatGroupsAsync(ct).ConfigureAwait(false);
        return catalog;
    }

    /// <summary>The VAT group with <paramref name="rate"/> (the lowest ID when several), or null.</summary>
    public int? VatGroupFor(decimal rate) => _vatGroups.Where(v => v.Rate == rate).OrderBy(v => v.Id).Select(v => (int?)v.Id).FirstOrDefault();

    /// <summary>Looks up the goods an order's unlinked lines name by externalId, so planning needs no I/O.</summary>
    public async Task PrepareAsync(ShopOrder order, CancellationToken ct)
    {
        foreach (var line in order.Lines)
        {
            if (Products.ByRemote(line.ProductId) is null && ParseId(line.ExternalId) is { } id && !_goodExists.ContainsKey(id))
            {
                _goodExists[id] = await _session.Store.FindGoodAsync(id, ct).ConfigureAwait(false) is not null;
            }
        }
    }

    /// <summary>The good of an order line: its link, else the good its externalId names; null when unknown.</summary>
    public int? GoodFor(OrderLine line) =>
        Products.ByRemote(line.ProductId) ?? (ParseId(line.ExternalId) is { } id && _goodExists.GetValueOrDefault(id) ? id : null);

    /// <summary>
    /// Creates a partner for a shop customer (link row in the same transaction) and remembers it. Its text is made to
    /// fit the database's columns first, each change a warning of the run.
    /// </summary>
    /// <exception cref="WarehouseDataException">An identity field does not fit (EIK, VAT number, e-mail) or the database refused the partner.</exception>
    public async Task<Partner> CreatePartnerAsync(NewPartner partner, string remoteId, CancellationToken ct)
    {
        var fitted = RecordFitter.Partner(partner, _session.Columns);
        partner = Fit(fitted, "customer", remoteId);
        var created = await _session.Store.CreatePartnerAsync(partner, new ScopedLink(_session.Scope, SyncEntity.Customer, remoteId), ct).ConfigureAwait(false);
        if (fitted.Changes.Count > 0 && !_session.DryRun)
        {
            await _session.State.SaveLinksAsync(_session.Scope, [KeepShopText(created, remoteId)], ct).ConfigureAwait(false);
        }

        Partners.Add(created);
        Partners.Link(remoteId, created.Id);
        _session.Collector.PartnerCreated();
        Log.NomenclatureCreated(_session.Logger, "partner", created.Id, "customer", remoteId);
        return created;
    }

    /// <summary>
    /// Creates a good for an order line's unknown product (link row in the same transaction) and remembers it. Its
    /// text is made to fit first, each change a warning of the run.
    /// </summary>
    /// <exception cref="WarehouseDataException">The code or barcode does not fit, or the database refused the good.</exception>
    public async Task<int> CreateGoodAsync(NewGood good, string remoteId, CancellationToken ct)
    {
        var fitted = RecordFitter.Good(good, _session.Columns);
        good = Fit(fitted, "product", remoteId);
        var created = await _session.Store.CreateGoodAsync(good, new ScopedLink(_session.Scope, SyncEntity.Product, remoteId), ct).ConfigureAwait(false);
        if (fitted.Changes.Count > 0)
        {
            await _session.State.SaveLinksAsync(_session.Scope, [KeepShopText(created, remoteId)], ct).ConfigureAwait(false);
        }

        Products.Set(new SyncLink(SyncEntity.Product, created.Id, remoteId, null));
        CreatedGoods.Add(new LinkItem(remoteId, created.Id.ToString(CultureInfo.InvariantCulture)));
        _session.Collector.GoodCreated();
        Log.NomenclatureCreated(_session.Logger, "good", created.Id, "product", remoteId);
        return created.Id;
    }

    /// <summary>The service good shipping lines are written with, created once under the configured code.</summary>
    public async Task<int> ShippingGoodAsync(decimal vatRate, CancellationToken ct)
    {
        if (_shippingGoodId is { } known)
        {
            return known;
        }

        var code = _session.Server.Import.ShippingGoodCode.Trim();
        var existing = await _session.Store.FindGoodsByCodeAsync(code, ct).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            _shippingGoodId = existing.OrderBy(g => g.Id).First().Id;
            return _shippingGoodId.Value;
        }

        var created = await _session.Store.CreateGoodAsync(new NewGood
        {
            Code = code,
            Name = "Доставка (Shopiko)",
            Measure1 = "бр.",
            Type = 8,
            VatGroupId = VatGroupFor(vatRate) ?? VatGroupFor(20m) ?? 1,
        }, null, ct).ConfigureAwait(false);
        _shippingGoodId = created.Id;
        _session.Collector.GoodCreated();
        return created.Id;
    }

    /// <summary>
    /// The link of a good made from a shop product whose text had to be fitted, with the content hash of the good as it
    /// now is: the export then finds it unchanged and does not send the fitted name back over the shop's own text
    /// (until the merchant changes the good in Warehouse Pro).
    /// </summary>
    public SyncLink KeepShopText(Good good, string remoteId) =>
        new(SyncEntity.Product, good.Id, remoteId, ContentHash.Of(ProductMapper.Map(good, _session.Server.Export.PriceColumn, _session.Basis)));

    /// <summary>As <see cref="KeepShopText(Good, string)"/>, for a partner made from a shop customer.</summary>
    public static SyncLink KeepShopText(Partner partner, string remoteId) =>
        new(SyncEntity.Customer, partner.Id, remoteId, ContentHash.Of(CustomerMapper.Map(partner)));

    /// <summary>
    /// The fitted record, its changes reported as warnings; a refusal (an identity field that does not fit) is a
    /// <see cref="WarehouseDataException"/> naming the shop record, so the order that needs it waits and the rest go on.
    /// </summary>
    private T Fit<T>(Fitted<T> fitted, string entity, string remoteId)
    {
        if (fitted.Refusal is { } refusal)
        {
            throw new WarehouseDataException($"shop {entity} {remoteId} cannot be created: {refusal}");
        }

        _session.Fitted(entity, remoteId, fitted.Changes);
        return fitted.Value;
    }

    private static int? ParseId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 1 ? id : null;
}
