using Dapper;
using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// The store against a real database nobody here wrote: the Warehouse Open 3.07 sample store dump
/// (<see cref="SampleDump.Path"/>) loaded into the self-started MariaDB.
/// </summary>
[RequiresMariaDb]
[RequiresSampleDump]
public sealed class MariaDbConformanceTests
{
    [StoreFact]
    public async Task Reads_the_sample_store_and_writes_a_sale_that_follows_its_numbering()
    {
        var cs = await LoadDumpAsync();
        var store = new WarehouseStoreFactory().Create(new WarehouseConnectionOptions { Provider = WarehouseProvider.MySql, ConnectionString = cs });
        await using var sql = new MySqlConnection(cs);

        var info = await store.GetInfoAsync();
        info.Should().BeEquivalentTo(new { SchemaVersion = "3.07", BaseCurrency = "EUR" });
        info.Settings.Costing.Should().Be(CostingMethod.Average);

        var goods = await store.ReadGoodsAsync().ToListAsync();
        goods.Should().HaveCount(914, "915 rows less the service row").And.OnlyHaveUniqueItems(g => g.Id);
        goods.Should().NotContain(g => g.Id == 1).And.BeInAscendingOrder(g => g.Id);
        goods.Should().OnlyContain(g => g.Name.Length > 0 && g.GroupId > 0 && g.VatRate == 20m);

        var objects = await store.ReadObjectsAsync();
        objects.Should().HaveCount(17);
        (await store.ReadGoodsGroupsAsync().ToListAsync()).Should().NotBeEmpty().And.OnlyContain(g => !g.IsDefault);
        (await store.ReadPartnersAsync().ToListAsync()).Should().HaveCount(29);

        var objectIds = objects.Select(o => o.Id).ToList();
        var stock = await store.ReadStockAsync(objectIds).ToListAsync();
        var perObject = stock.GroupBy(s => s.ObjectId).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        var direct = (await sql.QueryAsync<(int ObjectId, double Sum)>("SELECT ObjectID, SUM(Qtty) FROM store WHERE GoodID <> 1 GROUP BY ObjectID"))
            .ToDictionary(r => r.ObjectId, r => (decimal)r.Sum);
        perObject.Keys.Should().BeEquivalentTo(direct.Keys);
        foreach (var (objectId, sum) in direct)
        {
            perObject[objectId].Should().BeApproximately(sum, 0.0001m, $"object {objectId}");
        }

        var maxSale = await sql.ExecuteScalarAsync<long>("SELECT MAX(Acct) FROM operations WHERE OperType IN (2, 16)");
        var candidate = stock.Where(s => s.Quantity >= 5).OrderBy(s => s.ObjectId).ThenBy(s => s.GoodId).First();
        var good = goods.Single(g => g.Id == candidate.GoodId);
        var price = good.Prices.PriceOut2;
        var vat = Math.Round(price * 20 / 120, 2);
        var day = new DateOnly(2026, 3, 14);

        var written = await store.WriteDocumentAsync(new WarehouseDocument
        {
            Kind = DocumentKind.Sale, ObjectId = candidate.ObjectId, PartnerId = 1, Date = day,
            Lines = [new DocumentLine { GoodId = good.Id, Quantity = 2, PriceOut = price, VatOut = vat }],
            Payments = new DocumentPayments(2 * price, day, [new DocumentPayment(1, 2 * price)]),
        });

        written.Acct.Should().Be(maxSale + 1);
        written.Number.Should().Be($"S{maxSale + 1:D10}");
        (await store.ReadStockAsync([candidate.ObjectId]).SingleAsync(s => s.GoodId == good.Id)).Quantity.Should().Be(candidate.Quantity - 2);
        var line = await sql.QuerySingleAsync<(double Qtty, int Sign, double PriceIn, double PriceOut)>(
            "SELECT Qtty, Sign, PriceIn, PriceOut FROM operations WHERE OperType = 2 AND Acct = @Acct", new { written.Acct });
        line.Should().Be((2.0, -1, (double)good.PriceIn, (double)price));
        var balance = await sql.ExecuteScalarAsync<double>("SELECT -SUM(Qtty * Mode * Sign) FROM payments WHERE OperType = 2 AND Acct = @Acct", new { written.Acct });
        balance.Should().BeApproximately(0, 0.001, "due and paid rows add up");
        (await sql.ExecuteScalarAsync<double>("SELECT Qtty FROM payments WHERE OperType = 2 AND Acct = @Acct AND Mode = -1", new { written.Acct }))
            .Should().BeApproximately((double)(2 * price), 0.001);
        (await sql.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM nextacct WHERE NextAcct = @Key", new { Key = $"S{maxSale + 1}" })).Should().Be(1);
    }

    private static async Task<string> LoadDumpAsync() => await SampleDump.LoadAsync(await MariaDbServer.GetSharedAsync());
}
