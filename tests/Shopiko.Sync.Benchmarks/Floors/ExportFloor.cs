using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shopiko.Sync.Benchmarks.Infrastructure;
using Shopiko.Sync.Shop;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Benchmarks.Floors;

/// <summary>
/// The floor of an export: read the same rows from the database (groups, goods with their VAT rate, partners, stock
/// summed per good) with one plain query each, turn them into the same contract items and serialise the items that
/// are sent into the same batch bodies (<c>{"items": [...]}</c>, ≤ 500 each). No engine, no hashes, no HTTP.
/// </summary>
internal static class ExportFloor
{
    private const int BatchSize = 500;

    /// <summary>Runs the floor; <paramref name="sent"/> says which goods' product and stock items go (null: everything, as a first export).</summary>
    public static async Task<double> MeasureAsync(WarehouseDb db, int objectId, Func<int, bool>? sent, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var all = sent is null;
        var categories = new Batcher<CategoryUpsert>();
        await ReadAsync(connection, "SELECT `ID`, `Code`, `Name` FROM `goodsgroups` WHERE `ID` <> 1 ORDER BY `Code`", r =>
        {
            if (all)
            {
                categories.Add(new CategoryUpsert { ExternalId = Id(r, 0), Name = r.GetString(2) });
            }
        }, ct).ConfigureAwait(false);
        categories.Flush();

        var products = new Batcher<ProductUpsert>();
        await ReadAsync(connection,
            "SELECT g.`ID`, g.`Code`, g.`BarCode1`, g.`Name`, g.`Description`, g.`Measure1`, g.`PriceOut2`, g.`GroupID`, g.`Deleted`, v.`VATValue` " +
            "FROM `goods` g LEFT JOIN `vatgroups` v ON v.`ID` = g.`TaxGroup` WHERE g.`ID` <> 1 ORDER BY g.`ID`", r =>
            {
                var id = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture);
                var item = new ProductUpsert
                {
                    ExternalId = Id(r, 0),
                    Sku = r.GetString(1).Trim(),
                    Barcode = Text(r, 2),
                    Name = r.GetString(3).Trim(),
                    Description = Text(r, 4),
                    Unit = Text(r, 5) ?? "бр.",
                    Price = Math.Round(Convert.ToDecimal(r.GetValue(6), CultureInfo.InvariantCulture), 2),
                    VatRate = Convert.ToDecimal(r.GetValue(9), CultureInfo.InvariantCulture),
                    CategoryExternalId = Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture) is > 1 and var g ? g.ToString(CultureInfo.InvariantCulture) : null,
                    Active = Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture) != -1,
                };
                if (all || sent!(id))
                {
                    products.Add(item);
                }
            }, ct).ConfigureAwait(false);
        products.Flush();

        var customers = new Batcher<CustomerUpsert>();
        await ReadAsync(connection,
            "SELECT `ID`, `Company`, `MOL`, `Bulstat`, `TaxNo`, `eMail`, `Phone`, `City`, `Address` FROM `partners` WHERE `ID` <> 1 ORDER BY `ID`", r =>
            {
                var eik = Text(r, 3);
                var vat = Text(r, 4);
                var item = new CustomerUpsert
                {
                    ExternalId = Id(r, 0),
                    Type = eik is null && vat is null ? CustomerTypes.Person : CustomerTypes.Company,
                    Name = r.GetString(1).Trim(),
                    ContactPerson = Text(r, 2),
                    Eik = eik,
                    VatNumber = vat,
                    Email = Text(r, 5),
                    Phone = Text(r, 6),
                    City = Text(r, 7),
                    Address = Text(r, 8),
                };
                if (all)
                {
                    customers.Add(item);
                }
            }, ct).ConfigureAwait(false);
        customers.Flush();

        var stock = new Batcher<StockUpsert>();
        await ReadAsync(connection,
            $"SELECT `GoodID`, SUM(`Qtty`) FROM `store` WHERE `ObjectID` IN ({objectId.ToString(CultureInfo.InvariantCulture)}) AND `GoodID` <> 1 GROUP BY `GoodID` ORDER BY `GoodID`", r =>
            {
                var id = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture);
                var item = new StockUpsert(Id(r, 0), Math.Max(0, Math.Round(Convert.ToDecimal(r.GetValue(1), CultureInfo.InvariantCulture), 3)));
                if (all || sent!(id))
                {
                    stock.Add(item);
                }
            }, ct).ConfigureAwait(false);
        stock.Flush();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = WarehouseDb.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            row(reader);
        }
    }

    private static string Id(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) || string.IsNullOrWhiteSpace(r.GetString(i)) ? null : r.GetString(i).Trim();

    /// <summary>Serialises full batches as the client's request bodies; the bytes are dropped.</summary>
    private sealed class Batcher<T>
    {
        private readonly List<T> _items = new(BatchSize);

        public long Bytes { get; private set; }

        public void Add(T item)
        {
            _items.Add(item);
            if (_items.Count == BatchSize)
            {
                Flush();
            }
        }

        public void Flush()
        {
            if (_items.Count > 0)
            {
                Bytes += JsonSerializer.SerializeToUtf8Bytes(new { items = _items }, ShopikoJson.Options).Length;
                _items.Clear();
            }
        }
    }
}
