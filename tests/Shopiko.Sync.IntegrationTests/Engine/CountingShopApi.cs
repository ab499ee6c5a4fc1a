using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>Passes every call to the real client and records which products and customers the shop listed.</summary>
public sealed class CountingShopApi(IShopikoApi inner) : IShopikoApi
{
    public List<string> ProductsListed { get; } = [];

    public List<string> CustomersListed { get; } = [];

    public List<DateTimeOffset?> ProductsSince { get; } = [];

    public Task<ShopInfo> GetShopAsync(CancellationToken cancellationToken = default) => inner.GetShopAsync(cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertCategoriesAsync(IReadOnlyList<CategoryUpsert> items, CancellationToken cancellationToken = default) => inner.UpsertCategoriesAsync(items, cancellationToken);

    public IAsyncEnumerable<ShopCategory> GetCategoriesAsync(CancellationToken cancellationToken = default) => inner.GetCategoriesAsync(cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> LinkCategoriesAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) => inner.LinkCategoriesAsync(items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertProductsAsync(IReadOnlyList<ProductUpsert> items, CancellationToken cancellationToken = default) => inner.UpsertProductsAsync(items, cancellationToken);

    public async IAsyncEnumerable<ShopProduct> GetProductsAsync(DateTimeOffset? updatedSince = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ProductsSince.Add(updatedSince);
        await foreach (var product in inner.GetProductsAsync(updatedSince, cancellationToken))
        {
            ProductsListed.Add(product.Id);
            yield return product;
        }
    }

    public Task<IReadOnlyList<BatchItemResult>> LinkProductsAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) => inner.LinkProductsAsync(items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpdateStockAsync(IReadOnlyList<StockUpsert> items, CancellationToken cancellationToken = default) => inner.UpdateStockAsync(items, cancellationToken);

    public Task<IReadOnlyList<BatchItemResult>> UpsertCustomersAsync(IReadOnlyList<CustomerUpsert> items, CancellationToken cancellationToken = default) => inner.UpsertCustomersAsync(items, cancellationToken);

    public async IAsyncEnumerable<ShopCustomer> GetCustomersAsync(DateTimeOffset? updatedSince = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var customer in inner.GetCustomersAsync(updatedSince, cancellationToken))
        {
            CustomersListed.Add(customer.Id);
            yield return customer;
        }
    }

    public Task<IReadOnlyList<BatchItemResult>> LinkCustomersAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default) => inner.LinkCustomersAsync(items, cancellationToken);

    public IAsyncEnumerable<ShopOrder> GetPendingOrdersAsync(CancellationToken cancellationToken = default) => inner.GetPendingOrdersAsync(cancellationToken);

    public Task AcknowledgeOrderAsync(string orderId, int revision, string document, CancellationToken cancellationToken = default) => inner.AcknowledgeOrderAsync(orderId, revision, document, cancellationToken);
}
