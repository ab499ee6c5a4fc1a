using System.Globalization;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Fitting;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>
/// Синхронизация на номенклатура: categories, products and customers made in the shop become goods groups, goods and
/// partners, and the shop is told which warehouse record each one now is (<c>…/links</c>). A shop record that already
/// names an existing warehouse record (its externalId) is only linked; a customer that matches a partner by EIK, VAT
/// number or e-mail is linked to it instead of creating a duplicate. Text is made to fit the warehouse's columns (each
/// change a warning); a record whose code, barcode, EIK, VAT number or e-mail does not fit, or that the database refuses,
/// is quarantined with the reason and the rest go on.
/// </summary>
internal sealed class NomenclatureImporter(SyncSession session, ImportCatalog catalog)
{
    /// <summary>The sync-state marks of the two listings (see <see cref="ListingMark"/>).</summary>
    internal const string ProductsMark = "import.products", CustomersMark = "import.customers";

    private IWarehouseStore Store => session.Store;

    // Records held back by earlier runs: only these have a quarantine row to release, so a record that goes through
    // first time costs no extra transaction.
    private HashSet<(SyncEntity Entity, string Id)> _quarantined = [];

    public async Task RunAsync(CancellationToken ct)
    {
        _quarantined = (await session.State.ReadQuarantineAsync(session.Scope, ct).ConfigureAwait(false))
            .Where(e => e.Entity is SyncEntity.Product or SyncEntity.Customer or SyncEntity.Category).Select(e => (e.Entity, e.Id)).ToHashSet();
        // The category links the products are filed under: handed from one step to the next, not left in the catalog.
        var categories = await session.TimeAsync("import.categories", () => CategoriesAsync(ct)).ConfigureAwait(false);
        await session.TimeAsync("import.products", () => ProductsAsync(categories, ct)).ConfigureAwait(false);
        await session.TimeAsync("import.customers", () => CustomersAsync(ct)).ConfigureAwait(false);
    }

    /// <summary>Creates and links the shop's new categories; returns the category links as they are then.</summary>
    private async Task<LinkTable> CategoriesAsync(CancellationToken ct)
    {
        var links = await LinkTable.ReadAsync(session.State, session.Scope, SyncEntity.Category, ct).ConfigureAwait(false);
        var groups = new HashSet<int>();
        await foreach (var g in Store.ReadGoodsGroupsAsync(ct).ConfigureAwait(false))
        {
            groups.Add(g.Id);
        }

        var pending = new List<ShopCategory>();
        var adopted = new List<SyncLink>();
        await foreach (var category in session.Api.GetCategoriesAsync(ct).ConfigureAwait(false))
        {
            if (links.ByRemote(category.Id) is not null)
            {
                continue;
            }

            if (ParseId(category.ExternalId) is { } id && groups.Contains(id))
            {
                var link = new SyncLink(SyncEntity.Category, id, category.Id, null);
                links.Set(link);
                adopted.Add(link);
                continue;
            }

            pending.Add(category);
        }

        await SaveAsync(adopted, ct).ConfigureAwait(false);
        var toLink = new List<LinkItem>();

        // Parents before children: each pass creates the categories whose parent is known; a cycle or a missing parent
        // ends the loop and the rest go to the top level.
        while (pending.Count > 0)
        {
            var ready = pending.Where(c => c.ParentId is null || links.ByRemote(c.ParentId) is not null || pending.All(p => p.Id != c.ParentId)).ToList();
            if (ready.Count == 0)
            {
                ready = pending;
            }

            foreach (var category in ready)
            {
                ct.ThrowIfCancellationRequested();
                pending.Remove(category);
                var parent = links.ByRemote(category.ParentId);
                var group = RecordFitter.Group(new NewGoodsGroup(category.Name.Trim(), parent), session.Columns);
                session.Fitted("category", category.Id, group.Changes);
                if (session.DryRun)
                {
                    session.Collector.Plan($"create goods group '{group.Value.Name}' for shop category {category.Id}");
                    continue;
                }

                GoodsGroup created;
                try
                {
                    created = await Store.CreateGoodsGroupAsync(group.Value, new ScopedLink(session.Scope, SyncEntity.Category, category.Id), ct).ConfigureAwait(false);
                }
                catch (WarehouseDataException e)
                {
                    // Its products go to the top level until the category can be created.
                    await HoldAsync(null, SyncEntity.Category, category.Id, e.Message, ct).ConfigureAwait(false);
                    continue;
                }

                links.Set(new SyncLink(SyncEntity.Category, created.Id, category.Id, null));
                toLink.Add(new LinkItem(category.Id, created.Id.ToString(CultureInfo.InvariantCulture)));
                session.Collector.GroupCreated();
                await ReleaseAsync(SyncEntity.Category, category.Id, ct).ConfigureAwait(false);
                Log.NomenclatureCreated(session.Logger, "goods group", created.Id, "category", category.Id);
            }
        }

        await LinkBackAsync(toLink, session.Api.LinkCategoriesAsync, ct).ConfigureAwait(false);
        return links;
    }

    private async Task ProductsAsync(LinkTable categories, CancellationToken ct)
    {
        var adopted = new List<SyncLink>();
        var toLink = new List<LinkItem>();
        var mark = await ListingMark.ReadAsync(session, ProductsMark, ct).ConfigureAwait(false);
        await foreach (var product in session.Api.GetProductsAsync(mark.Since, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            mark.Seen(product.UpdatedAt);
            if (catalog.Products.ByRemote(product.Id) is not null)
            {
                continue;
            }

            if (ParseId(product.ExternalId) is { } id && await Store.FindGoodAsync(id, ct).ConfigureAwait(false) is not null)
            {
                var link = new SyncLink(SyncEntity.Product, id, product.Id, null);
                catalog.Products.Set(link);
                adopted.Add(link);
                continue;
            }

            if (catalog.VatGroupFor(product.VatRate) is not { } vatGroup)
            {
                await HoldAsync(mark, SyncEntity.Product, product.Id, $"VAT rate {product.VatRate.ToString(CultureInfo.InvariantCulture)} % has no VAT group in the warehouse", ct).ConfigureAwait(false);
                continue;
            }

            var groupId = categories.ByRemote(product.CategoryId) ?? 1;
            var fitted = RecordFitter.Good(NomenclatureMapper.ToGood(product, groupId, vatGroup, session.Server.Export.PriceColumn, session.Basis), session.Columns);
            if (fitted.Refusal is { } refusal)
            {
                await HoldAsync(mark, SyncEntity.Product, product.Id, refusal, ct).ConfigureAwait(false);
                continue;
            }

            session.Fitted("product", product.Id, fitted.Changes);
            if (session.DryRun)
            {
                session.Collector.Plan($"create good '{product.Sku}' {fitted.Value.Name} for shop product {product.Id}");
                continue;
            }

            Good good;
            try
            {
                good = await Store.CreateGoodAsync(fitted.Value, new ScopedLink(session.Scope, SyncEntity.Product, product.Id), ct).ConfigureAwait(false);
            }
            catch (WarehouseDataException e)
            {
                await HoldAsync(mark, SyncEntity.Product, product.Id, e.Message, ct).ConfigureAwait(false);
                continue;
            }

            catalog.Products.Set(new SyncLink(SyncEntity.Product, good.Id, product.Id, null));
            if (fitted.Changes.Count > 0)
            {
                adopted.Add(catalog.KeepShopText(good, product.Id));
            }

            toLink.Add(new LinkItem(product.Id, good.Id.ToString(CultureInfo.InvariantCulture)));
            session.Collector.GoodCreated();
            await ReleaseAsync(SyncEntity.Product, product.Id, ct).ConfigureAwait(false);
            Log.NomenclatureCreated(session.Logger, "good", good.Id, "product", product.Id);
        }

        await SaveAsync(adopted, ct).ConfigureAwait(false);
        await LinkBackAsync(toLink, session.Api.LinkProductsAsync, ct).ConfigureAwait(false);
        await mark.AdvanceAsync(ct).ConfigureAwait(false);
    }

    private async Task CustomersAsync(CancellationToken ct)
    {
        var adopted = new List<SyncLink>();
        var toLink = new List<LinkItem>();
        var mark = await ListingMark.ReadAsync(session, CustomersMark, ct).ConfigureAwait(false);
        await foreach (var customer in session.Api.GetCustomersAsync(mark.Since, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            mark.Seen(customer.UpdatedAt);
            if (catalog.Partners.LinkedTo(customer.Id) is not null)
            {
                continue;
            }

            if (catalog.Partners.Find(customer) is { } match)
            {
                catalog.Partners.Link(customer.Id, match.PartnerId);
                adopted.Add(new SyncLink(SyncEntity.Customer, match.PartnerId, customer.Id, null));
                toLink.Add(new LinkItem(customer.Id, match.PartnerId.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            if (string.IsNullOrWhiteSpace(customer.Name))
            {
                await HoldAsync(mark, SyncEntity.Customer, customer.Id, "the customer has no name", ct).ConfigureAwait(false);
                continue;
            }

            var fitted = RecordFitter.Partner(NomenclatureMapper.ToPartner(customer), session.Columns);
            if (fitted.Refusal is { } refusal)
            {
                await HoldAsync(mark, SyncEntity.Customer, customer.Id, refusal, ct).ConfigureAwait(false);
                continue;
            }

            if (session.DryRun)
            {
                session.Fitted("customer", customer.Id, fitted.Changes);
                session.Collector.Plan($"create partner '{fitted.Value.Company}' for shop customer {customer.Id}");
                continue;
            }

            Partner partner;
            try
            {
                // The catalog fits again (nothing left to change) and reports the changes with the customer's id.
                partner = await catalog.CreatePartnerAsync(NomenclatureMapper.ToPartner(customer), customer.Id, ct).ConfigureAwait(false);
            }
            catch (WarehouseDataException e)
            {
                await HoldAsync(mark, SyncEntity.Customer, customer.Id, e.Message, ct).ConfigureAwait(false);
                continue;
            }

            if (fitted.Changes.Count > 0)
            {
                adopted.Add(ImportCatalog.KeepShopText(partner, customer.Id));
            }

            toLink.Add(new LinkItem(customer.Id, partner.Id.ToString(CultureInfo.InvariantCulture)));
            await ReleaseAsync(SyncEntity.Customer, customer.Id, ct).ConfigureAwait(false);
        }

        await SaveAsync(adopted, ct).ConfigureAwait(false);
        await LinkBackAsync(toLink, session.Api.LinkCustomersAsync, ct).ConfigureAwait(false);
        await mark.AdvanceAsync(ct).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(SyncEntity entity, string id, CancellationToken ct)
    {
        if (_quarantined.Remove((entity, id)))
        {
            await session.State.ReleaseQuarantineAsync(session.Scope, entity, id, ct).ConfigureAwait(false);
        }
    }

    private async Task HoldAsync(ListingMark? mark, SyncEntity entity, string id, string reason, CancellationToken ct)
    {
        mark?.Incomplete();
        var name = entity switch
        {
            SyncEntity.Product => "product",
            SyncEntity.Category => "category",
            _ => "customer",
        };
        session.Quarantine(name, id, reason);
        Log.NomenclatureQuarantined(session.Logger, name, id, reason);
        if (!session.DryRun)
        {
            await session.State.QuarantineAsync(session.Scope, entity, id, reason, ct).ConfigureAwait(false);
            _quarantined.Add((entity, id));
        }
    }

    private async Task SaveAsync(List<SyncLink> links, CancellationToken ct)
    {
        if (links.Count > 0 && !session.DryRun)
        {
            foreach (var chunk in links.Chunk(session.BatchSize))
            {
                await session.State.SaveLinksAsync(session.Scope, chunk, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task LinkBackAsync(
        List<LinkItem> items,
        Func<IReadOnlyList<LinkItem>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> link,
        CancellationToken ct)
    {
        if (items.Count > 0 && !session.DryRun)
        {
            foreach (var chunk in items.Chunk(session.BatchSize))
            {
                await link(chunk, ct).ConfigureAwait(false);
            }
        }
    }

    private static int? ParseId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 1 ? id : null;
}
