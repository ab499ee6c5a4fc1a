using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Warehouse;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Testing;

/// <summary>What <see cref="SampleWarehouse.SeedAsync"/> created.</summary>
/// <param name="Groups">Goods groups: two top-level groups and one child of the first.</param>
/// <param name="Goods">The goods, in creation order.</param>
/// <param name="Partners">The partners.</param>
/// <param name="ObjectId">The object whose stock was set.</param>
public sealed record SampleData(IReadOnlyList<GoodsGroup> Groups, IReadOnlyList<Good> Goods, IReadOnlyList<Partner> Partners, int ObjectId);

/// <summary>Fills a (blank) warehouse with a small, deterministic catalogue for tests and demos.</summary>
public static class SampleWarehouse
{
    /// <summary>
    /// Creates groups, <paramref name="goodsCount"/> goods (codes <c>SKU-0001</c> …, retail price 10.00 + n, VAT group 1,
    /// cost 6.00) and <paramref name="partnersCount"/> partners through the store, then sets the stock of every
    /// good in <paramref name="objectId"/> to <paramref name="stockPerGood"/> with one direct UPDATE (the store has
    /// no purchase document; a test arranging stock may write it directly).
    /// </summary>
    public static async Task<SampleData> SeedAsync(
        IWarehouseStore store, WarehouseConnectionOptions connection, int goodsCount = 10, int partnersCount = 3,
        int objectId = 2, decimal stockPerGood = 100, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connection);
        var food = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Храни"), cancellationToken: ct).ConfigureAwait(false);
        var drinks = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Напитки"), cancellationToken: ct).ConfigureAwait(false);
        var bakery = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Хлебни изделия", food.Id), cancellationToken: ct).ConfigureAwait(false);
        GoodsGroup[] groups = [food, drinks, bakery];

        var goods = new List<Good>(goodsCount);
        for (var n = 1; n <= goodsCount; n++)
        {
            var price = 10m + n;
            goods.Add(await store.CreateGoodAsync(new NewGood
            {
                Code = "SKU-" + n.ToString("D4", CultureInfo.InvariantCulture),
                BarCode1 = (3800000000000L + n).ToString(CultureInfo.InvariantCulture),
                Name = $"Стока {n}",
                PriceIn = 6m,
                Prices = GoodPrices.Zero with { PriceOut1 = price - 1, PriceOut2 = price },
                GroupId = groups[n % groups.Length].Id,
                VatGroupId = 1,
            }, cancellationToken: ct).ConfigureAwait(false));
        }

        var partners = new List<Partner>(partnersCount);
        for (var n = 1; n <= partnersCount; n++)
        {
            partners.Add(await store.CreatePartnerAsync(new NewPartner
            {
                Code = "P" + n.ToString(CultureInfo.InvariantCulture),
                Company = n % 2 == 0 ? $"Фирма {n} ООД" : $"Клиент {n}",
                Bulstat = n % 2 == 0 ? (200000000 + n).ToString(CultureInfo.InvariantCulture) : "",
                Email = $"client{n}@example.com",
                City = "София",
                Type = 2,
            }, cancellationToken: ct).ConfigureAwait(false));
        }

        await SetStockAsync(connection, objectId, stockPerGood, ct).ConfigureAwait(false);
        return new SampleData(groups, goods, partners, objectId);
    }

    /// <summary>Sets the stock of every good (except the service row) in an object, directly in the store table.</summary>
    public static async Task SetStockAsync(WarehouseConnectionOptions connection, int objectId, decimal quantity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using DbConnection db = connection.Provider switch
        {
            WarehouseProvider.Sqlite => new SqliteConnection(connection.ConnectionString),
            WarehouseProvider.MySql => new MySqlConnection(connection.ConnectionString),
            _ => throw new NotSupportedException($"Sample stock is written for SQLite and MySQL only, not {connection.Provider}."),
        };
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = db.CreateCommand();
        command.CommandText = "UPDATE store SET Qtty = @q WHERE ObjectID = @o AND GoodID <> 1";
        var q = command.CreateParameter();
        q.ParameterName = "@q";
        q.Value = (double)quantity;
        command.Parameters.Add(q);
        var o = command.CreateParameter();
        o.ParameterName = "@o";
        o.Value = objectId;
        command.Parameters.Add(o);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
