using System.Globalization;
using Shopiko.Sync.Sandbox.State;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Sandbox;

/// <summary>
/// Bulk admin actions, for seeding large shops (benchmarks): the same rules as the one-at-a-time actions, one lock and
/// one write of the state file for the whole list. Every draft is checked before anything is added, so an invalid
/// draft leaves the shop as it was.
/// </summary>
public sealed partial class SandboxState
{
    /// <summary>Counts of what the shop holds and how many contract requests reached it.</summary>
    public SandboxCounts Counts => Read(() => new SandboxCounts(
        _data.Categories.Count, _data.Products.Count, _data.Customers.Count, _data.Orders.Count, _data.Acks.Count, RequestCount));

    /// <summary>The merchant creates many products in the shop's admin; the shop ids come back in draft order.</summary>
    public IReadOnlyList<string> CreateProducts(IReadOnlyList<SandboxProductDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var draft in drafts)
        {
            ValidateProduct(draft);
        }

        lock (_gate)
        {
            foreach (var draft in drafts)
            {
                RequireCategory(draft.CategoryId);
            }

            var ids = drafts.Select(d => AddProduct(d).Id).ToList();
            Persist();
            return ids;
        }
    }

    /// <summary>Many shoppers register; the shop ids come back in draft order.</summary>
    public IReadOnlyList<string> CreateCustomers(IReadOnlyList<SandboxCustomerDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var draft in drafts)
        {
            ValidateCustomer(draft);
        }

        lock (_gate)
        {
            var ids = drafts.Select(d => AddCustomer(d).Id).ToList();
            Persist();
            return ids;
        }
    }

    /// <summary>Shoppers place many orders; the order ids come back in draft order.</summary>
    public IReadOnlyList<string> PlaceOrders(IReadOnlyList<SandboxOrderDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        lock (_gate)
        {
            foreach (var draft in drafts)
            {
                ValidateOrder(draft);
            }

            var ids = drafts.Select(d => AddOrder(d).Order.Id).ToList();
            Persist();
            return ids;
        }
    }

    private static void ValidateProduct(SandboxProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Sku, nameof(draft.Sku));
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Name, nameof(draft.Name));
        ArgumentOutOfRangeException.ThrowIfNegative(draft.Price, nameof(draft.Price));
        if (draft.VatRate is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.VatRate, "VatRate must be 0–100.");
        }
    }

    private void RequireCategory(string? categoryId)
    {
        if (categoryId is not null && !_categoriesById.ContainsKey(categoryId))
        {
            throw new KeyNotFoundException($"No category with id '{categoryId}'.");
        }
    }

    private ProductEntry AddProduct(SandboxProductDraft draft)
    {
        var entry = new ProductEntry
        {
            Seq = NextSeq(),
            Sku = draft.Sku.Trim(),
            Name = draft.Name.Trim(),
            Price = draft.Price,
            VatRate = draft.VatRate,
            Barcode = draft.Barcode,
            Unit = string.IsNullOrWhiteSpace(draft.Unit) ? "бр." : draft.Unit,
            CategoryId = draft.CategoryId,
            Description = draft.Description,
            UpdatedAt = Now(),
        };
        entry.Id = "p-" + entry.Seq.ToString(CultureInfo.InvariantCulture);
        _data.Products.Add(entry);
        _productsById[entry.Id] = entry;
        return entry;
    }

    private static void ValidateCustomer(SandboxCustomerDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Name, nameof(draft.Name));
        if (draft.Type is not (CustomerTypes.Person or CustomerTypes.Company))
        {
            throw new ArgumentException($"Customer type must be 'person' or 'company', not '{draft.Type}'.", nameof(draft));
        }
    }

    /// <summary>Checks an order draft against the current products and customers (call under the lock).</summary>
    private void ValidateOrder(SandboxOrderDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(draft));
        }

        for (var i = 0; i < draft.Lines.Count; i++)
        {
            _ = LineOf(draft.Lines[i], i + 1);
        }

        foreach (var discount in draft.Discounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(discount.Amount, nameof(OrderDiscount.Amount));
        }

        if (draft.CustomerId is { } customerId)
        {
            if (!_customersById.ContainsKey(customerId))
            {
                throw new KeyNotFoundException($"No customer with id '{customerId}'.");
            }
        }
        else
        {
            ValidateCustomer(draft.Customer ?? throw new ArgumentException("An order needs CustomerId or a guest Customer.", nameof(draft)));
        }
    }

    /// <summary>Adds a validated order draft (call under the lock).</summary>
    private OrderEntry AddOrder(SandboxOrderDraft draft)
    {
        var lines = draft.Lines.Select((l, i) => LineOf(l, i + 1)).ToList();
        var totals = OrderPricing.Totals(lines, draft.Discounts, draft.Shipping);
        var customer = draft.CustomerId is { } customerId ? _customersById[customerId] : AddCustomer(draft.Customer!);
        var seq = NextSeq();
        var order = new ShopOrder
        {
            Id = (90000 + seq).ToString(CultureInfo.InvariantCulture),
            Number = (100000 + seq).ToString(CultureInfo.InvariantCulture),
            Revision = 1,
            CreatedAt = Now(),
            Status = OrderStatuses.New,
            Currency = Currency,
            PricesIncludeVat = PricesIncludeVat,
            Customer = customer.ToContract(withUpdatedAt: false),
            Lines = lines,
            Discounts = draft.Discounts.Select(d => d with { Amount = OrderPricing.Round2(d.Amount) }).ToList(),
            Shipping = draft.Shipping is null ? null : draft.Shipping with { Price = OrderPricing.Round2(draft.Shipping.Price) },
            Payment = new OrderPayment(draft.PaymentMethod, draft.Paid ? "paid" : "unpaid", totals.GrandTotal),
            Totals = totals,
            Note = draft.Note,
        };
        var entry = new OrderEntry { Seq = seq, Order = order };
        _data.Orders.Add(entry);
        _ordersById[order.Id] = entry;
        _orderPages.Invalidate();
        return entry;
    }
}

/// <summary>What a sandbox shop holds, and how many contract requests reached it (admin calls not counted).</summary>
/// <param name="Categories">Categories.</param>
/// <param name="Products">Products.</param>
/// <param name="Customers">Customers (registered and guests).</param>
/// <param name="Orders">Orders placed.</param>
/// <param name="Acks">Acknowledgements received.</param>
/// <param name="Requests">Contract requests, including refused and faulted ones.</param>
public sealed record SandboxCounts(int Categories, int Products, int Customers, int Orders, int Acks, int Requests);
