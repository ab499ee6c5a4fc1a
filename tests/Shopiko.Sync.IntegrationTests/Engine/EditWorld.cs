using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>
/// A warehouse with three goods in stock (A, B, C) and two partners that the shop knows as customers, after a first
/// export: the blank SQLite database of <see cref="WarehouseSeed"/>, or the Warehouse Open sample store on MariaDB.
/// </summary>
public sealed class EditWorld : IAsyncDisposable
{
    /// <summary>The sample store's object the orders go to.</summary>
    public const string SampleObject = "Sofia Central Warehouse";

    private EditWorld(SyncRig rig, string objectName, int[] goods, Dictionary<int, decimal> stock, int partner, int otherPartner)
    {
        Rig = rig;
        ObjectName = objectName;
        Goods = goods;
        StockBefore = stock;
        Partner = partner;
        OtherPartner = otherPartner;
    }

    public SyncRig Rig { get; }

    /// <summary>The object orders are imported to.</summary>
    public string ObjectName { get; }

    /// <summary>A, B and C.</summary>
    public int[] Goods { get; }

    public int A => Goods[0];

    public int B => Goods[1];

    public int C => Goods[2];

    /// <summary>Their stock after the export, before any order.</summary>
    public Dictionary<int, decimal> StockBefore { get; }

    /// <summary>The partner the orders are placed for.</summary>
    public int Partner { get; }

    /// <summary>The partner a "customer changed" edit moves the order to.</summary>
    public int OtherPartner { get; }

    public string Customer => CustomerOf(Partner);

    public string OtherCustomer => CustomerOf(OtherPartner);

    public static async Task<EditWorld> SqliteAsync(Action<ServerOptions>? configure = null)
    {
        var rig = await SyncRig.StartAsync(WarehouseProvider.Sqlite, configure);
        var seed = await WarehouseSeed.CreateAsync(rig);
        return await ExportedAsync(rig, SyncRig.ObjectName, [seed.Cable, seed.Charger, seed.Headphones], seed.Person, seed.Company);
    }

    public static async Task<EditWorld> SampleStoreAsync(Action<ServerOptions>? configure = null)
    {
        var rig = await SyncRig.StartOnSampleStoreAsync(SampleObject, configure);
        var objectId = await rig.ScalarAsync<int>("SELECT ID FROM objects WHERE Name = @SampleObject", new { SampleObject });
        // Goods of the sample store with stock and a price in the import object; partners with a name.
        var goods = await rig.QueryAsync<int>(
            "SELECT g.ID FROM goods g JOIN store s ON s.GoodID = g.ID AND s.ObjectID = @objectId " +
            "WHERE g.ID <> 1 AND s.Qtty >= 10 AND g.PriceOut2 > 0 AND (g.Deleted IS NULL OR g.Deleted <> -1) ORDER BY g.ID LIMIT 3", new { objectId });
        var partners = await rig.QueryAsync<int>(
            "SELECT ID FROM partners WHERE ID <> 1 AND TRIM(Company) <> '' AND (Deleted IS NULL OR Deleted <> -1) ORDER BY ID LIMIT 2");
        return await ExportedAsync(rig, SampleObject, [.. goods], partners[0], partners[1]);
    }

    private static async Task<EditWorld> ExportedAsync(SyncRig rig, string objectName, int[] goods, int partner, int otherPartner)
    {
        var export = await rig.Engine().ExportAsync();
        export.Outcome.Should().NotBe(RunOutcome.Failed, export.Error);
        var stock = new Dictionary<int, decimal>();
        foreach (var good in goods)
        {
            stock[good] = await StockAsync(rig, objectName, good);
        }

        return new EditWorld(rig, objectName, goods, stock, partner, otherPartner);
    }

    /// <summary>The stock of a good in the import object, summed over its rows.</summary>
    public Task<decimal> StockAsync(int good) => StockAsync(Rig, ObjectName, good);

    private static async Task<decimal> StockAsync(SyncRig rig, string objectName, int good) => Math.Round(await rig.ScalarAsync<decimal>(
        "SELECT COALESCE(SUM(s.Qtty), 0) FROM store s JOIN objects o ON o.ID = s.ObjectID WHERE s.GoodID = @good AND o.Name = @objectName",
        new { good, objectName }), 3);

    public string Product(int good) => MoneyScenarioTests.Product(Rig, good);

    public decimal Price(int good) => Rig.Shop.State.Products.Single(p => p.ExternalId == Id(good)).Price;

    public SandboxOrderLineDraft Line(int good, decimal quantity, decimal? unitPrice = null) =>
        new(Product(good), quantity) { UnitPrice = unitPrice };

    /// <summary>The order: A × 3 and B × 1, shipping 6.90, paid by card.</summary>
    public ShopOrder PlaceOrder() => Rig.Shop.State.PlaceOrder(new SandboxOrderDraft
    {
        CustomerId = Customer,
        Lines = [Line(A, 3), Line(B, 1)],
        Shipping = new OrderShipping("Speedy", 6.90m, 20),
        PaymentMethod = PaymentMethods.Card,
        Paid = true,
    });

    public ShopOrder Edit(ShopOrder order, SandboxOrderEdit edit) => Rig.Shop.State.EditOrder(order.Id, edit);

    public ShopOrder Current(ShopOrder order) => Rig.Shop.State.Orders.Single(o => o.Id == order.Id);

    private string CustomerOf(int partner) => Rig.Shop.State.Customers.Single(c => c.ExternalId == Id(partner)).Id;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Rig.DisposeAsync();
}
