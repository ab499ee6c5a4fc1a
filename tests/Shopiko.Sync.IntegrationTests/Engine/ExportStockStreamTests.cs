using System.Reflection;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Engine;
using Shopiko.Sync.Engine.State;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// The stock goes to the shop beside the products: of a product just created as soon as the shop accepted it, not once
/// every product was sent. A first export of many goods is then not two exports one after the other.
/// </summary>
public class ExportStockStreamTests
{
    [Theory]
    [MemberData(nameof(SyncRig.Providers), MemberType = typeof(SyncRig))]
    public async Task The_stock_of_a_product_the_shop_took_goes_before_the_last_product_batch(WarehouseProvider provider)
    {
        await using var rig = await SyncRig.StartAsync(provider, s =>
        {
            s.Shop.BatchSize = 1;
            s.Export.Partners = false;
        });
        var seed = await WarehouseSeed.CreateAsync(rig);
        // The last product batch waits (at most a while) until a stock batch was sent.
        var gate = new StockGate(lastProductBatch: 3, TimeSpan.FromSeconds(20));

        var report = await rig.Engine(api: gate.Wrap).ExportAsync();

        report.Outcome.Should().Be(RunOutcome.Succeeded, report.Error);
        gate.StockSentBeforeLastProducts.Should().BeTrue("the stock of the products the shop took went while the last one was with the shop");
        (await LinksAsync(rig, SyncEntity.Stock)).Should().BeEquivalentTo([seed.Cable, seed.Charger, seed.Headphones]);
        new[] { seed.Cable, seed.Charger, seed.Headphones }.Should().OnlyContain(
            id => rig.Shop.State.StockOf(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) != null, "every product got its stock");
        (await rig.Engine().ExportAsync()).Export!.ItemsSent.Should().Be(0, "nothing was sent twice or left out");
    }

    private static async Task<List<int>> LinksAsync(SyncRig rig, SyncEntity entity) =>
        (await rig.State.ReadLinksAsync(rig.Server.Shop.ApiId, entity).ToListAsync()).Select(l => l.LocalId).Order().ToList();

    /// <summary>Holds the n-th product batch until a stock batch was sent, and says whether one was.</summary>
    internal sealed class StockGate(int lastProductBatch, TimeSpan hold)
    {
        private readonly TaskCompletionSource _stockSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _productBatches;

        public bool StockSentBeforeLastProducts { get; private set; }

        public IShopikoApi Wrap(IShopikoApi inner) => GateProxy.Wrap(inner, this);

        internal object? Invoke(MethodInfo method, object?[]? args, IShopikoApi inner)
        {
            switch (method.Name)
            {
                case nameof(IShopikoApi.UpdateStockAsync):
                    _stockSent.TrySetResult();
                    break;
                case nameof(IShopikoApi.UpsertProductsAsync) when Interlocked.Increment(ref _productBatches) == lastProductBatch:
                    return HeldAsync(method, args, inner);
            }

            return ProxyCall.Forward(method, args, inner);
        }

        private async Task<IReadOnlyList<BatchItemResult>> HeldAsync(MethodInfo method, object?[]? args, IShopikoApi inner)
        {
            try
            {
                await _stockSent.Task.WaitAsync(hold);
                StockSentBeforeLastProducts = true;
            }
            catch (TimeoutException)
            {
                // No stock went while the products were under way.
            }

            return await (Task<IReadOnlyList<BatchItemResult>>)ProxyCall.Forward(method, args, inner)!;
        }

    }

    /// <summary>Hands every call of the API to the <see cref="StockGate"/>.</summary>
    public class GateProxy : DispatchProxy
    {
        private IShopikoApi _inner = null!;
        private StockGate _gate = null!;

        internal static IShopikoApi Wrap(IShopikoApi inner, StockGate gate)
        {
            var proxy = Create<IShopikoApi, GateProxy>();
            var self = (GateProxy)(object)proxy;
            self._inner = inner;
            self._gate = gate;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _gate.Invoke(targetMethod!, args, _inner);
    }
}
