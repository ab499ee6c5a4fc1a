using System.Globalization;
using Shopiko.Sync.Sandbox.State;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox;

/// <summary>
/// The sandbox shop's data and the merchant's and shoppers' actions on it. Thread-safe: every member takes one lock,
/// and every change is written to the state file when the shop has one.
/// </summary>
/// <remarks>Admin actions throw <see cref="ArgumentException"/> for an invalid draft and <see cref="KeyNotFoundException"/> for an unknown id.</remarks>
public sealed partial class SandboxState
{
    private readonly Lock _gate = new();
    private readonly SandboxSnapshot _data;
    private readonly TimeProvider _time;
    private readonly string? _statePath;
    private readonly Dictionary<string, CategoryEntry> _categoriesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductEntry> _productsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomerEntry> _customersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderEntry> _ordersById = new(StringComparer.Ordinal);
    private readonly PageOrder<CategoryEntry> _categoryPages;
    private readonly PageOrder<ProductEntry> _productPages;
    private readonly PageOrder<CustomerEntry> _customerPages;
    private readonly PageOrder<OrderEntry> _orderPages;
    private readonly Dictionary<(string OrderId, int Revision), SandboxAck> _acks = [];
    private int _requestCount;

    internal SandboxState(SandboxSnapshot data, string currency, bool pricesIncludeVat, TimeProvider time, string? statePath)
    {
        _data = data;
        _time = time;
        _statePath = statePath;
        Currency = currency;
        PricesIncludeVat = pricesIncludeVat;
        _categoryPages = new PageOrder<CategoryEntry>(data.Categories, c => new Cursor(c.UpdatedAt.UtcTicks, c.Seq));
        _productPages = new PageOrder<ProductEntry>(data.Products, p => new Cursor(p.UpdatedAt.UtcTicks, p.Seq));
        _customerPages = new PageOrder<CustomerEntry>(data.Customers, c => new Cursor(c.UpdatedAt.UtcTicks, c.Seq));
        _orderPages = new PageOrder<OrderEntry>(data.Orders, o => new Cursor(o.Order.CreatedAt.UtcTicks, o.Seq));
        foreach (var a in data.Acks)
        {
            _acks.TryAdd((a.OrderId, a.Revision), a);
        }

        foreach (var c in data.Categories)
        {
            _categoriesById[c.Id] = c;
        }

        foreach (var p in data.Products)
        {
            _productsById[p.Id] = p;
        }

        foreach (var c in data.Customers)
        {
            _customersById[c.Id] = c;
        }

        foreach (var o in data.Orders)
        {
            _ordersById[o.Order.Id] = o;
        }

        BuildExternalIndices();
    }

    /// <summary>The shop currency.</summary>
    public string Currency { get; }

    /// <summary>Whether shop prices include VAT.</summary>
    public bool PricesIncludeVat { get; }

    /// <summary>The "Microinvest Синхронизация" add-on switch; while off, every contract request answers <c>403 addon_inactive</c>.</summary>
    public bool AddonActive
    {
        get
        {
            lock (_gate)
            {
                return _data.AddonActive;
            }
        }

        set
        {
            lock (_gate)
            {
                _data.AddonActive = value;
                Persist();
            }
        }
    }

    /// <summary>How many contract requests reached the shop (including refused and faulted ones; not admin calls).</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Categories, in creation order.</summary>
    public IReadOnlyList<ShopCategory> Categories => Read(() => _data.Categories.Select(CategoryOf).ToList());

    /// <summary>Products, in creation order.</summary>
    public IReadOnlyList<ShopProduct> Products => Read(() => _data.Products.Select(ProductOf).ToList());

    /// <summary>Customers (registered and guests), in creation order.</summary>
    public IReadOnlyList<ShopCustomer> Customers => Read(() => _data.Customers.Select(c => c.ToContract(withUpdatedAt: true)).ToList());

    /// <summary>Orders, in placement order, as the contract shows them now.</summary>
    public IReadOnlyList<ShopOrder> Orders => Read(() => _data.Orders.Select(OrderOf).ToList());

    /// <summary>Acknowledgements received, in order.</summary>
    public IReadOnlyList<SandboxAck> Acks => Read(() => _data.Acks.ToList());

    /// <summary>The stock the warehouse sent for the product linked to <paramref name="externalId"/>; null if none.</summary>
    public decimal? StockOf(string externalId) => Read(() => ProductByExternalId(externalId)?.Stock);

    /// <summary>The merchant creates a category in the shop's admin.</summary>
    /// <param name="name">Name.</param>
    /// <param name="parentId">The parent category's shop id.</param>
    public ShopCategory CreateCategory(string name, string? parentId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            if (parentId is not null && !_categoriesById.ContainsKey(parentId))
            {
                throw new KeyNotFoundException($"No category with id '{parentId}'.");
            }

            var entry = new CategoryEntry { Seq = NextSeq(), Name = name.Trim(), ParentId = parentId, UpdatedAt = Now() };
            entry.Id = "cat-" + entry.Seq.ToString(CultureInfo.InvariantCulture);
            _data.Categories.Add(entry);
            _categoriesById[entry.Id] = entry;
            Persist();
            return CategoryOf(entry);
        }
    }

    /// <summary>The merchant creates a product in the shop's admin (no externalId until the warehouse links it).</summary>
    public ShopProduct CreateProduct(SandboxProductDraft draft)
    {
        ValidateProduct(draft);
        lock (_gate)
        {
            RequireCategory(draft.CategoryId);
            var entry = AddProduct(draft);
            Persist();
            return ProductOf(entry);
        }
    }

    /// <summary>A shopper registers (no externalId until the warehouse links the customer).</summary>
    public ShopCustomer CreateCustomer(SandboxCustomerDraft draft)
    {
        lock (_gate)
        {
            var entry = AddCustomer(draft);
            Persist();
            return entry.ToContract(withUpdatedAt: true);
        }
    }

    /// <summary>A shopper places an order; prices come from the products, totals from the contract's money rules.</summary>
    public ShopOrder PlaceOrder(SandboxOrderDraft draft)
    {
        lock (_gate)
        {
            // Everything is checked before anything is added, so a refused order leaves no guest customer behind.
            ValidateOrder(draft);
            var entry = AddOrder(draft);
            Persist();
            return OrderOf(entry);
        }
    }

    /// <summary>The merchant cancels an order: its revision grows and it is pending again with status <c>cancelled</c>.</summary>
    public ShopOrder CancelOrder(string orderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        lock (_gate)
        {
            var entry = _ordersById.GetValueOrDefault(orderId) ?? throw new KeyNotFoundException($"No order with id '{orderId}'.");
            if (entry.Order.Status == OrderStatuses.Cancelled)
            {
                return OrderOf(entry);
            }

            entry.Order = entry.Order with { Status = OrderStatuses.Cancelled, Revision = entry.Order.Revision + 1 };
            Persist();
            return OrderOf(entry);
        }
    }

    internal void CountRequest() => Interlocked.Increment(ref _requestCount);

    private OrderLine LineOf(SandboxOrderLineDraft draft, int number)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var product = _productsById.GetValueOrDefault(draft.ProductId) ?? throw new KeyNotFoundException($"No product with id '{draft.ProductId}'.");
        if (draft.Quantity <= 0 || decimal.Round(draft.Quantity, 3) != draft.Quantity)
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Quantity, "A line quantity must be positive with at most 3 decimals.");
        }

        var unitPrice = draft.UnitPrice ?? product.Price;
        if (unitPrice < 0 || decimal.Round(unitPrice, 2) != unitPrice)
        {
            throw new ArgumentOutOfRangeException(nameof(draft), unitPrice, "A line's unit price must be zero or more with at most 2 decimals.");
        }

        // Validates the discount against the unit price.
        _ = OrderPricing.DiscountedUnitPrice(unitPrice, draft.Discount);
        return new OrderLine
        {
            LineId = number.ToString(CultureInfo.InvariantCulture),
            ProductId = product.Id,
            Sku = product.Sku,
            Name = product.Name,
            Quantity = draft.Quantity,
            UnitPrice = unitPrice,
            VatRate = product.VatRate,
            Discount = draft.Discount,
        };
    }

    private CustomerEntry AddCustomer(SandboxCustomerDraft draft)
    {
        ValidateCustomer(draft);
        var entry = new CustomerEntry
        {
            Seq = NextSeq(),
            Type = draft.Type,
            Name = draft.Name.Trim(),
            Email = draft.Email,
            Eik = draft.Eik,
            VatNumber = draft.VatNumber,
            Phone = draft.Phone,
            City = draft.City,
            Address = draft.Address,
            ContactPerson = draft.ContactPerson,
            UpdatedAt = Now(),
        };
        entry.Id = "c-" + entry.Seq.ToString(CultureInfo.InvariantCulture);
        _data.Customers.Add(entry);
        _customersById[entry.Id] = entry;
        return entry;
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private long NextSeq() => _data.NextSeq++;

    private DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>Called after every change under the lock: the list orders are sorted again, and the state file is written.</summary>
    private void Persist()
    {
        _categoryPages.Invalidate();
        _productPages.Invalidate();
        _customerPages.Invalidate();
        if (_statePath is not null)
        {
            SandboxStateFile.Save(_statePath, _data);
        }
    }

    private ShopCategory CategoryOf(CategoryEntry c) => new()
    {
        Id = c.Id,
        ExternalId = c.ExternalId,
        ParentId = c.ParentId ?? (c.ParentExternalId is null ? null : CategoryByExternalId(c.ParentExternalId)?.Id),
        Name = c.Name,
        UpdatedAt = c.UpdatedAt,
    };

    private ShopProduct ProductOf(ProductEntry p) => new()
    {
        Id = p.Id,
        ExternalId = p.ExternalId,
        Sku = p.Sku,
        Barcode = p.Barcode,
        Name = p.Name,
        Description = p.Description,
        Unit = p.Unit,
        Price = p.Price,
        VatRate = p.VatRate,
        CategoryId = p.CategoryId ?? (p.CategoryExternalId is null ? null : CategoryByExternalId(p.CategoryExternalId)?.Id),
        Active = p.Active,
        UpdatedAt = p.UpdatedAt,
    };

    // Links made after the order was placed show, as a shop reading its own tables would show them.
    private ShopOrder OrderOf(OrderEntry entry)
    {
        var order = entry.Order;
        var customer = order.Customer is { } c && _customersById.TryGetValue(c.Id, out var linked) ? c with { ExternalId = linked.ExternalId } : order.Customer;
        var lines = order.Lines.Select(l => l with { ExternalId = _productsById.GetValueOrDefault(l.ProductId)?.ExternalId }).ToList();
        return order with { Customer = customer, Lines = lines };
    }
}
