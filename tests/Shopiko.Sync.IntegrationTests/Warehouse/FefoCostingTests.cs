using Microsoft.Data.Sqlite;
using MySqlConnector;
using Microsoft.Extensions.Time.Testing;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Testing;
using Shopiko.Sync.Warehouse.Model;
using Shopiko.Sync.Warehouse.Schema;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// FEFO costing (configkey23 = 5) as Warehouse Pro does it: a sale takes the lot whose expiry (<c>lots.EndDate</c>)
/// comes first, whatever the lots' LotOrder, and a lot without a date last. Run per engine by the subclasses.
/// </summary>
public abstract class FefoCostingContract
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 10, 30, 15, TimeSpan.Zero));

    protected abstract WarehouseProvider Provider { get; }

    /// <summary>A new, empty database (no tables) and a connection string to it.</summary>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    [StoreFact]
    public async Task Fefo_takes_the_lot_expiring_first_though_it_is_later_in_lot_order()
    {
        var (db, goodId) = await FefoDatabaseWithGoodAsync();
        var late = await AddLotAsync(db, goodId, "L-LATE", new DateTime(2027, 6, 30), order: 10, qty: 5, price: 5);
        var soon = await AddLotAsync(db, goodId, "L-SOON", new DateTime(2027, 1, 31), order: 20, qty: 5, price: 7);

        var written = await db.NewStore().WriteDocumentAsync(Sale(goodId, 7));

        written.LineCount.Should().Be(2, "one operation row per lot taken");
        (await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 ORDER BY [ID]"))
            .Select(o => (o.Lot, o.LotID, o.Qtty, o.PriceIn)).Should().Equal(("L-SOON", soon, 5.0, 7.0), ("L-LATE", late, 2.0, 5.0));
        (await StockByLotOrderAsync(db, goodId)).Should().Equal(3.0, 0.0);
    }

    [StoreFact]
    public async Task Fefo_takes_a_lot_without_an_expiry_date_last_and_lets_it_go_negative()
    {
        var (db, goodId) = await FefoDatabaseWithGoodAsync();
        var undated = await AddLotAsync(db, goodId, "L-UNDATED", expires: null, order: 10, qty: 2, price: 4);
        var dated = await AddLotAsync(db, goodId, "L-DATED", new DateTime(2027, 2, 1), order: 20, qty: 3, price: 6);

        await db.NewStore().WriteDocumentAsync(Sale(goodId, 6));

        (await db.QueryAsync<OperationRow>("SELECT * FROM {operations} WHERE [OperType] = 2 ORDER BY [ID]"))
            .Select(o => (o.Lot, o.LotID, o.Qtty)).Should().Equal(("L-DATED", dated, 3.0), ("L-UNDATED", undated, 2.0), ("L-UNDATED", undated, 1.0));
        (await StockByLotOrderAsync(db, goodId)).Should().Equal(-1.0, 0.0);
    }

    private async Task<(TestDatabase Db, int GoodId)> FefoDatabaseWithGoodAsync()
    {
        var cs = await CreateEmptyDatabaseAsync();
        await WarehouseSchema.CreateBlankAsync(Provider, cs, new BlankDatabaseOptions { Costing = CostingMethod.Fefo });
        var db = new TestDatabase(Provider, cs, Time);
        var good = await db.NewStore().CreateGoodAsync(new NewGood { Code = "SKU-1", Name = "Мляко", PriceIn = 6m, Prices = GoodPrices.Zero with { PriceOut2 = 12m } });
        await db.ExecuteAsync("DELETE FROM {store} WHERE [GoodID] = @Id AND [ObjectID] = 2", new { good.Id });
        return (db, good.Id);
    }

    /// <summary>A lot (lots row) and its stock row of the good in object 2; returns the lot's ID.</summary>
    private static async Task<int> AddLotAsync(TestDatabase db, int goodId, string lot, DateTime? expires, int order, double qty, double price)
    {
        await db.ExecuteAsync("INSERT INTO {lots} ([SerialNo], [EndDate], [Location]) VALUES (@lot, @expires, ' ')", new { lot, expires });
        var lotId = await db.ScalarAsync<int>("SELECT MAX([ID]) FROM {lots}");
        await db.ExecuteAsync(
            "INSERT INTO {store} ([ObjectID], [GoodID], [Qtty], [Price], [Lot], [LotID], [LotOrder]) VALUES (2, @goodId, @qty, @price, @lot, @lotId, @order)",
            new { goodId, qty, price, lot, lotId, order });
        return lotId;
    }

    private static Task<List<double>> StockByLotOrderAsync(TestDatabase db, int goodId) =>
        db.QueryAsync<double>("SELECT [Qtty] FROM {store} WHERE [GoodID] = @goodId AND [ObjectID] = 2 ORDER BY [LotOrder]", new { goodId });

    protected static WarehouseDocument Sale(int goodId, decimal quantity) => new()
    {
        Kind = DocumentKind.Sale,
        ObjectId = 2,
        PartnerId = 1,
        Date = Day,
        Lines = [new DocumentLine { GoodId = goodId, Quantity = quantity, PriceOut = 12m, VatOut = 2m }],
        Payments = new DocumentPayments(quantity * 12m, Day, [new DocumentPayment(3, quantity * 12m)]),
    };
}

/// <summary>FEFO costing on SQLite files.</summary>
public sealed class SqliteFefoCostingTests : FefoCostingContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shopiko-fefo-").FullName;

    protected override WarehouseProvider Provider => WarehouseProvider.Sqlite;

    protected override async Task<string> CreateEmptyDatabaseAsync()
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), Pooling = false }.ToString();
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(); // creates the (empty) file
        return cs;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>FEFO costing on a real MariaDB server started by the test process.</summary>
[RequiresMariaDb]
public sealed class MariaDbFefoCostingTests : FefoCostingContract
{
    protected override WarehouseProvider Provider => WarehouseProvider.MySql;

    protected override async Task<string> CreateEmptyDatabaseAsync() =>
        await (await MariaDbServer.GetSharedAsync()).CreateDatabaseAsync("fefo");

    // Every stock row without a lot refers to the default lot (ID 1): were the expiry read joined under FOR UPDATE, every
    // document writer would lock that one lots row and wait for the others. The read must leave lots unlocked.
    [StoreFact]
    public async Task The_locked_stock_read_leaves_the_lots_rows_unlocked()
    {
        var cs = await CreateEmptyDatabaseAsync();
        await WarehouseSchema.CreateBlankAsync(Provider, cs, new BlankDatabaseOptions { Costing = CostingMethod.Fefo });
        var db = new TestDatabase(Provider, cs, Time);
        var store = db.NewStore();
        var good = await store.CreateGoodAsync(new NewGood { Code = "SKU-1", Name = "Мляко", PriceIn = 6m, Prices = GoodPrices.Zero with { PriceOut2 = 12m } });
        await using var holder = new MySqlConnection(cs);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockLot = new MySqlCommand("SELECT `ID` FROM `lots` WHERE `ID` = 1 FOR UPDATE", holder, held))
        {
            await lockLot.ExecuteScalarAsync();
        }

        var write = store.WriteDocumentAsync(Sale(good.Id, 1));

        await write.WaitAsync(TimeSpan.FromSeconds(20));
        (await write).LineCount.Should().Be(1, "the write did not wait for the transaction holding the default lot");
    }
}
