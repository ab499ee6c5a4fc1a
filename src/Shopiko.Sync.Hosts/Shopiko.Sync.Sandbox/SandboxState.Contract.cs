using System.Globalization;
using System.Text.Json;
using Shopiko.Sync.Sandbox.Http;
using Shopiko.Sync.Sandbox.State;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox;

/// <summary>What the contract endpoints do to the state (batches, links, stock, pages, acks).</summary>
public sealed partial class SandboxState
{
    private readonly Dictionary<string, CategoryEntry> _categoriesByExternal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductEntry> _productsByExternal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomerEntry> _customersByExternal = new(StringComparer.Ordinal);

    /// <summary>How an acknowledgement was taken.</summary>
    internal enum AckOutcome
    {
        Recorded,
        AlreadyRecorded,
        UnknownOrder,
        UnknownRevision,
        Conflict,
    }

    internal ShopInfo Info() => Read(() => new ShopInfo
    {
        Id = "sandbox",
        Name = "Shopiko Sandbox",
        Currency = Currency,
        PricesIncludeVat = PricesIncludeVat,
        AddonActive = _data.AddonActive,
        Counts = new ShopCounts
        {
            Categories = _data.Categories.Count,
            Products = _data.Products.Count,
            Customers = _data.Customers.Count,
            Orders = _data.Orders.Count,
        },
        ServerTime = Now(),
    });

    internal List<BatchItemResult> UpsertCategories(BatchBody<CategoryUpsert> items) => Batch<CategoryUpsert>(items, (item, now) =>
    {
        if ((Invalid(item.ExternalId, "externalId") ?? Invalid(item.Name, "name")) is { } error)
        {
            return Failed(item.ExternalId, error);
        }

        if (item.ParentExternalId == item.ExternalId)
        {
            return Failed(item.ExternalId, new ApiError("validation_failed", "A category cannot be its own parent."));
        }

        var entry = _categoriesByExternal.GetValueOrDefault(item.ExternalId);
        var status = BatchItemStatuses.Unchanged;
        if (entry is null)
        {
            entry = new CategoryEntry { Seq = NextSeq(), ExternalId = item.ExternalId };
            entry.Id = "cat-" + entry.Seq.ToString(CultureInfo.InvariantCulture);
            _data.Categories.Add(entry);
            _categoriesById[entry.Id] = entry;
            _categoriesByExternal[item.ExternalId] = entry;
            status = BatchItemStatuses.Created;
        }
        else if (entry.Name != item.Name || entry.ParentExternalId != item.ParentExternalId || entry.ParentId is not null)
        {
            status = BatchItemStatuses.Updated;
        }

        if (status != BatchItemStatuses.Unchanged)
        {
            entry.Name = item.Name;
            entry.ParentExternalId = item.ParentExternalId;
            entry.ParentId = null;
            entry.UpdatedAt = now;
        }

        return Ok(item.ExternalId, entry.Id, status);
    });

    internal List<BatchItemResult> UpsertProducts(BatchBody<ProductUpsert> items) => Batch<ProductUpsert>(items, (item, now) =>
    {
        if ((Invalid(item.ExternalId, "externalId") ?? Invalid(item.Sku, "sku") ?? Invalid(item.Name, "name")) is { } error)
        {
            return Failed(item.ExternalId, error);
        }

        if (item.Price < 0 || item.VatRate is < 0 or > 100)
        {
            return Failed(item.ExternalId, new ApiError("validation_failed", "price must not be negative and vatRate must be 0–100."));
        }

        var unit = string.IsNullOrWhiteSpace(item.Unit) ? "бр." : item.Unit;
        var entry = _productsByExternal.GetValueOrDefault(item.ExternalId);
        var status = BatchItemStatuses.Unchanged;
        if (entry is null)
        {
            entry = new ProductEntry { Seq = NextSeq(), ExternalId = item.ExternalId };
            entry.Id = "p-" + entry.Seq.ToString(CultureInfo.InvariantCulture);
            _data.Products.Add(entry);
            _productsById[entry.Id] = entry;
            _productsByExternal[item.ExternalId] = entry;
            status = BatchItemStatuses.Created;
        }
        else if (entry.Sku != item.Sku || entry.Barcode != item.Barcode || entry.Name != item.Name || entry.Description != item.Description
            || entry.Unit != unit || entry.Price != item.Price || entry.VatRate != item.VatRate
            || entry.CategoryExternalId != item.CategoryExternalId || entry.CategoryId is not null || entry.Active != item.Active)
        {
            status = BatchItemStatuses.Updated;
        }

        if (status != BatchItemStatuses.Unchanged)
        {
            entry.Sku = item.Sku;
            entry.Barcode = item.Barcode;
            entry.Name = item.Name;
            entry.Description = item.Description;
            entry.Unit = unit;
            entry.Price = item.Price;
            entry.VatRate = item.VatRate;
            entry.CategoryExternalId = item.CategoryExternalId;
            entry.CategoryId = null;
            entry.Active = item.Active;
            entry.UpdatedAt = now;
        }

        return Ok(item.ExternalId, entry.Id, status);
    });

    internal List<BatchItemResult> UpsertCustomers(BatchBody<CustomerUpsert> items) => Batch<CustomerUpsert>(items, (item, now) =>
    {
        if ((Invalid(item.ExternalId, "externalId") ?? Invalid(item.Name, "name")) is { } error)
        {
            return Failed(item.ExternalId, error);
        }

        if (item.Type is not (CustomerTypes.Person or CustomerTypes.Company))
        {
            return Failed(item.ExternalId, new ApiError("validation_failed", $"type must be 'company' or 'person', not '{item.Type}'."));
        }

        var entry = _customersByExternal.GetValueOrDefault(item.ExternalId);
        var status = BatchItemStatuses.Unchanged;
        if (entry is null)
        {
            entry = new CustomerEntry { Seq = NextSeq(), ExternalId = item.ExternalId };
            entry.Id = "c-" + entry.Seq.ToString(CultureInfo.InvariantCulture);
            _data.Customers.Add(entry);
            _customersById[entry.Id] = entry;
            _customersByExternal[item.ExternalId] = entry;
            status = BatchItemStatuses.Created;
        }
        else if (entry.Type != item.Type || entry.Name != item.Name || entry.ContactPerson != item.ContactPerson || entry.Eik != item.Eik
            || entry.VatNumber != item.VatNumber || entry.Email != item.Email || entry.Phone != item.Phone || entry.City != item.City
            || entry.Address != item.Address)
        {
            status = BatchItemStatuses.Updated;
        }

        if (status != BatchItemStatuses.Unchanged)
        {
            entry.Type = item.Type;
            entry.Name = item.Name;
            entry.ContactPerson = item.ContactPerson;
            entry.Eik = item.Eik;
            entry.VatNumber = item.VatNumber;
            entry.Email = item.Email;
            entry.Phone = item.Phone;
            entry.City = item.City;
            entry.Address = item.Address;
            entry.UpdatedAt = now;
        }

        return Ok(item.ExternalId, entry.Id, status);
    });

    internal List<BatchItemResult> UpdateStock(BatchBody<StockUpsert> items) => Batch<StockUpsert>(items, (item, _) =>
    {
        if ((Invalid(item.ExternalId, "externalId")) is { } error)
        {
            return Failed(item.ExternalId, error);
        }

        if (!_productsByExternal.TryGetValue(item.ExternalId, out var product))
        {
            return Failed(item.ExternalId, new ApiError("not_found", $"No product has externalId '{item.ExternalId}'."));
        }

        var status = product.Stock == item.Quantity ? BatchItemStatuses.Unchanged : BatchItemStatuses.Updated;
        product.Stock = item.Quantity;
        return Ok(item.ExternalId, product.Id, status);
    });

    internal List<BatchItemResult> LinkCategories(BatchBody<LinkItem> items) =>
        Batch<LinkItem>(items, (item, now) => Link(item, _categoriesById, _categoriesByExternal, c => c.ExternalId, (c, e) => c.ExternalId = e, c => c.UpdatedAt = now));

    internal List<BatchItemResult> LinkProducts(BatchBody<LinkItem> items) =>
        Batch<LinkItem>(items, (item, now) => Link(item, _productsById, _productsByExternal, p => p.ExternalId, (p, e) => p.ExternalId = e, p => p.UpdatedAt = now));

    internal List<BatchItemResult> LinkCustomers(BatchBody<LinkItem> items) =>
        Batch<LinkItem>(items, (item, now) => Link(item, _customersById, _customersByExternal, c => c.ExternalId, (c, e) => c.ExternalId = e, c => c.UpdatedAt = now));

    internal (List<ShopCategory> Items, string? Next) CategoriesPage(Cursor? after, int limit) => Read(() =>
    {
        var (page, next) = _categoryPages.Page(null, after, limit);
        return (page.ConvertAll(CategoryOf), next);
    });

    internal (List<ShopProduct> Items, string? Next) ProductsPage(DateTimeOffset? since, Cursor? after, int limit) => Read(() =>
    {
        var (page, next) = _productPages.Page(since?.UtcTicks, after, limit);
        return (page.ConvertAll(ProductOf), next);
    });

    internal (List<ShopCustomer> Items, string? Next) CustomersPage(DateTimeOffset? since, Cursor? after, int limit) => Read(() =>
    {
        var (page, next) = _customerPages.Page(since?.UtcTicks, after, limit);
        return (page.ConvertAll(c => c.ToContract(withUpdatedAt: true)), next);
    });

    /// <summary>Orders not acknowledged at their current revision, oldest first.</summary>
    internal (List<ShopOrder> Items, string? Next) PendingOrdersPage(Cursor? after, int limit) => Read(() =>
    {
        var (page, next) = _orderPages.Page(null, after, limit, o => !_acks.ContainsKey((o.Order.Id, o.Order.Revision)));
        return (page.ConvertAll(OrderOf), next);
    });

    internal AckOutcome Acknowledge(string orderId, int revision, string document)
    {
        lock (_gate)
        {
            if (!_ordersById.TryGetValue(orderId, out var order))
            {
                return AckOutcome.UnknownOrder;
            }

            if (revision < 1 || revision > order.Order.Revision)
            {
                return AckOutcome.UnknownRevision;
            }

            if (_acks.TryGetValue((orderId, revision), out var existing))
            {
                return existing.Document == document ? AckOutcome.AlreadyRecorded : AckOutcome.Conflict;
            }

            var ack = new SandboxAck(orderId, revision, document);
            _data.Acks.Add(ack);
            _acks[(orderId, revision)] = ack;
            Persist();
            return AckOutcome.Recorded;
        }
    }

    private void BuildExternalIndices()
    {
        foreach (var c in _data.Categories.Where(c => c.ExternalId is not null))
        {
            _categoriesByExternal[c.ExternalId!] = c;
        }

        foreach (var p in _data.Products.Where(p => p.ExternalId is not null))
        {
            _productsByExternal[p.ExternalId!] = p;
        }

        foreach (var c in _data.Customers.Where(c => c.ExternalId is not null))
        {
            _customersByExternal[c.ExternalId!] = c;
        }
    }

    private ProductEntry? ProductByExternalId(string externalId) => _productsByExternal.GetValueOrDefault(externalId);

    private CategoryEntry? CategoryByExternalId(string externalId) => _categoriesByExternal.GetValueOrDefault(externalId);

    /// <summary>
    /// Runs one batch under the lock, with one timestamp for it: each item was read on its own (outside the lock), so
    /// one bad item never fails the batch.
    /// </summary>
    private List<BatchItemResult> Batch<T>(BatchBody<T> items, Func<T, DateTimeOffset, BatchItemResult> apply)
        where T : class
    {
        lock (_gate)
        {
            var now = Now();
            var results = new List<BatchItemResult>(items.Items.Count);
            foreach (var item in items.Items)
            {
                results.Add(item.Value is { } value
                    ? apply(value, now)
                    : Failed(item.ExternalId, new ApiError("validation_failed", item.Error ?? "The item does not follow the contract.")));
            }

            Persist();
            return results;
        }
    }

    private static BatchItemResult Link<TEntry>(
        LinkItem item,
        Dictionary<string, TEntry> byId,
        Dictionary<string, TEntry> byExternal,
        Func<TEntry, string?> externalOf,
        Action<TEntry, string> setExternal,
        Action<TEntry> touch)
        where TEntry : class
    {
        if ((Invalid(item.Id, "id") ?? Invalid(item.ExternalId, "externalId")) is { } error)
        {
            return Failed(item.ExternalId, error);
        }

        if (!byId.TryGetValue(item.Id, out var entry))
        {
            return Failed(item.ExternalId, new ApiError("not_found", $"No record has id '{item.Id}'."));
        }

        if (byExternal.TryGetValue(item.ExternalId, out var holder) && !ReferenceEquals(holder, entry))
        {
            return Failed(item.ExternalId, new ApiError("conflict", $"externalId '{item.ExternalId}' is already linked to another record."));
        }

        if (externalOf(entry) == item.ExternalId)
        {
            return Ok(item.ExternalId, item.Id, BatchItemStatuses.Unchanged);
        }

        if (externalOf(entry) is { } previous)
        {
            byExternal.Remove(previous);
        }

        setExternal(entry, item.ExternalId);
        byExternal[item.ExternalId] = entry;
        touch(entry);
        return Ok(item.ExternalId, item.Id, BatchItemStatuses.Updated);
    }

    private static ApiError? Invalid(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? new ApiError("validation_failed", $"{name} is required.") : null;

    private static BatchItemResult Ok(string externalId, string id, string status) => new() { ExternalId = externalId, Id = id, Status = status };

    private static BatchItemResult Failed(string? externalId, ApiError error) =>
        new() { ExternalId = externalId ?? "", Status = BatchItemStatuses.Failed, Error = error };
}
