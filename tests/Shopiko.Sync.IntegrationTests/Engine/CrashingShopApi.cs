using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>The process "dies" at a chosen point: an exception the engine does not expect, like a power cut would.</summary>
public sealed class SimulatedCrashException(string where) : Exception($"simulated crash {where}");

/// <summary>Passes every call to the real client, except that acknowledging an order can crash first.</summary>
public sealed class CrashingShopApi(IShopikoApi inner) : IShopikoApi
{
    /// <summary>How many acknowledgements crash before reaching the shop.</summary>
    public int CrashOnAcks { get; set; }

    public Task<ShopInfo> GetShopAsync(CancellationToken cancellationToken = default) => inner.GetShopAsync(cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertCategoriesAsync(IReadOnlyList<CategoryUpsert> items, CancellationToken cancellationToken = default) => inner.UpsertCategoriesAsync(items, cancellationToken);

    public IAsyncEnumerable<ShopCategory> GetCategoriesAsync(CancellationToken cancellationToken = default) => inner.GetCategoriesAsync(cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkCategoriesAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) => inner.LinkCategoriesAsync(items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertProductsAsync(IReadOnlyList<ProductUpsert> items, CancellationToken cancellationToken = default) => inner.UpsertProductsAsync(items, cancellationToken);

    public IAsyncEnumerable<ShopProduct> GetProductsAsync(DateTimeOffset? updatedSince = null, CancellationToken cancellationToken = default) => inner.GetProductsAsync(updatedSince, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkProductsAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) => inner.LinkProductsAsync(items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpdateStockAsync(IReadOnlyList<StockUpsert> items, CancellationToken cancellationToken = default) => inner.UpdateStockAsync(items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertCustomersAsync(IReadOnlyList<CustomerUpsert> items, CancellationToken cancellationToken = default) => inner.UpsertCustomersAsync(items, cancellationToken);

    public IAsyncEnumerable<ShopCustomer> GetCustomersAsync(DateTimeOffset? updatedSince = null, CancellationToken cancellationToken = default) => inner.GetCustomersAsync(updatedSince, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkCustomersAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) => inner.LinkCustomersAsync(items, cancellationToken);

    public IAsyncEnumerable<ShopOrder> GetPendingOrdersAsync(CancellationToken cancellationToken = default) => inner.GetPendingOrdersAsync(cancellationToken);

    public Task AcknowledgeOrderAsync(string orderId, int revision, string document, CancellationToken cancellationToken = default)
    {
        if (CrashOnAcks > 0)
        {
            CrashOnAcks--;
            throw new SimulatedCrashException("after the commit, before the acknowledgement");
        }

        return inner.AcknowledgeOrderAsync(orderId, revision, document, cancellationToken);
    }
}
