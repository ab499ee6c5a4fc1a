using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Shop;

/// <summary>
/// The library's only door to a Shopiko shop (the contract in shopiko-api.md). Batch methods split their input into
/// requests of at most the configured batch size and return one result per item, in order; one bad item never fails
/// the call. Lists stream and follow <c>nextCursor</c>. Errors are <see cref="ShopikoApiException"/>s.
/// </summary>
public interface IShopikoApi
{
    /// <summary><c>GET shop</c>.</summary>
    Task<ShopInfo> GetShopAsync(CancellationToken cancellationToken = default);

    /// <summary><c>PUT categories/batch</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> UpsertCategoriesAsync(IReadOnlyList<CategoryUpsert> items, CancellationToken cancellationToken = default);

    /// <summary><c>GET categories</c>.</summary>
    IAsyncEnumerable<ShopCategory> GetCategoriesAsync(CancellationToken cancellationToken = default);

    /// <summary><c>PUT categories/links</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> LinkCategoriesAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default);

    /// <summary><c>PUT products/batch</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> UpsertProductsAsync(IReadOnlyList<ProductUpsert> items, CancellationToken cancellationToken = default);

    /// <summary><c>GET products?updatedSince=</c>.</summary>
    IAsyncEnumerable<ShopProduct> GetProductsAsync(DateTimeOffset? updatedSince = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT products/links</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> LinkProductsAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default);

    /// <summary><c>PUT stock/batch</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> UpdateStockAsync(IReadOnlyList<StockUpsert> items, CancellationToken cancellationToken = default);

    /// <summary><c>PUT customers/batch</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> UpsertCustomersAsync(IReadOnlyList<CustomerUpsert> items, CancellationToken cancellationToken = default);

    /// <summary><c>GET customers?updatedSince=</c>.</summary>
    IAsyncEnumerable<ShopCustomer> GetCustomersAsync(DateTimeOffset? updatedSince = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT customers/links</c>.</summary>
    Task<IReadOnlyList<BatchItemResult>> LinkCustomersAsync(IReadOnlyList<LinkItem> items, CancellationToken cancellationToken = default);

    /// <summary><c>GET orders?state=pending</c>, oldest first.</summary>
    IAsyncEnumerable<ShopOrder> GetPendingOrdersAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST orders/{id}/ack</c>. Idempotent for the same revision and document.</summary>
    Task AcknowledgeOrderAsync(string orderId, int revision, string document, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET orders?state=pending&amp;limit=1</c>: whether any order waits, in one small request, with the shop's
    /// rate-limit headers. The default lists the first page.
    /// </summary>
    async Task<PendingOrdersPeek> PeekPendingOrdersAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in GetPendingOrdersAsync(cancellationToken).ConfigureAwait(false))
        {
            return new PendingOrdersPeek(true, null);
        }

        return new PendingOrdersPeek(false, null);
    }
}
