using System.Globalization;

namespace Shopiko.Sync.Benchmarks.Infrastructure;

/// <summary>What <see cref="WarehouseGenerator.GenerateAsync"/> wrote: the IDs, in creation order.</summary>
internal sealed record GeneratedWarehouse(IReadOnlyList<int> GroupIds, IReadOnlyList<int> GoodIds, IReadOnlyList<int> PartnerIds, int ObjectId);

/// <summary>
/// Fills a blank Warehouse Pro database with a large, deterministic catalogue using multi-row INSERTs (seeding is not
/// what is measured): a two-level group tree, goods with prices, barcodes and one stock level in the object, and
/// partners, half of them companies. Rows follow the program's conventions (single-space empty text, zero store rows
/// in every object).
/// </summary>
internal static class WarehouseGenerator
{
    public const int ObjectId = 2;

    private static readonly string[] GoodColumns =
    [
        "Code", "BarCode1", "BarCode2", "BarCode3", "Catalog1", "Catalog2", "Catalog3", "Name", "Name2", "Measure1", "Measure2", "Ratio",
        "PriceIn", "PriceOut1", "PriceOut2", "PriceOut3", "PriceOut4", "PriceOut5", "PriceOut6", "PriceOut7", "PriceOut8", "PriceOut9", "PriceOut10",
        "MinQtty", "NormalQtty", "Description", "Type", "IsRecipe", "TaxGroup", "IsVeryUsed", "GroupID", "Deleted",
    ];

    private static readonly string[] PartnerColumns =
    [
        "Code", "Company", "Company2", "MOL", "MOL2", "City", "City2", "Address", "Address2", "Phone", "Phone2", "Fax", "eMail", "TaxNo", "Bulstat",
        "BankName", "BankCode", "BankAcct", "BankVATName", "BankVATCode", "BankVATAcct", "PriceGroup", "Discount", "Type", "IsVeryUsed", "UserID",
        "GroupID", "UserRealTime", "Deleted", "CardNumber", "Note1", "Note2", "PaymentDays",
    ];

    /// <summary>The retail price (PriceOut2) of the n-th good, 1-based.</summary>
    public static decimal PriceOf(int n) => 1.00m + (n % 1000) * 0.37m;

    public static async Task<GeneratedWarehouse> GenerateAsync(WarehouseDb db, BenchmarkSizes sizes, CancellationToken ct)
    {
        var groups = await GroupsAsync(db, sizes.Groups, ct).ConfigureAwait(false);
        await db.BulkInsertAsync("goods", GoodColumns, Enumerable.Range(1, sizes.Goods).Select(n => Good(n, groups[n % groups.Count])), 250, ct).ConfigureAwait(false);
        var goods = await IdsAsync(db, "goods", ct).ConfigureAwait(false);
        // A zero row in every object, as the program creates; the benchmark object holds 1–50 of each good.
        var store = goods.SelectMany(id => new[]
        {
            new object?[] { 1, id, 0.0, 0.0, " ", 1, 1 },
            new object?[] { ObjectId, id, (double)(id % 50 + 1), 1.0, " ", 1, 1 },
        });
        await db.BulkInsertAsync("store", ["ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder"], store, 1000, ct).ConfigureAwait(false);
        await db.BulkInsertAsync("partners", PartnerColumns, Enumerable.Range(1, sizes.Partners).Select(Partner), 250, ct).ConfigureAwait(false);
        var partners = await IdsAsync(db, "partners", ct).ConfigureAwait(false);
        return new GeneratedWarehouse(groups, goods, partners, ObjectId);
    }

    private static async Task<List<int>> GroupsAsync(WarehouseDb db, int count, CancellationToken ct)
    {
        // Ten per branch: a top-level group and up to nine children.
        var rows = new List<object?[]>(count);
        for (var top = 0; rows.Count < count; top++)
        {
            var code = Triple(top);
            rows.Add([code, $"Група {top + 1}"]);
            for (var child = 0; child < 9 && rows.Count < count; child++)
            {
                rows.Add([code + Triple(child), $"Група {top + 1}.{child + 1}"]);
            }
        }

        await db.BulkInsertAsync("goodsgroups", ["Code", "Name"], rows, 500, ct).ConfigureAwait(false);
        return await IdsAsync(db, "goodsgroups", ct).ConfigureAwait(false);
    }

    private static string Triple(int n) => string.Concat((char)('A' + n / 676 % 26), (char)('A' + n / 26 % 26), (char)('A' + n % 26));

    private static async Task<List<int>> IdsAsync(WarehouseDb db, string table, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = WarehouseDb.Command(connection, null, $"SELECT `ID` FROM `{table}` WHERE `ID` <> 1 ORDER BY `ID`");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var ids = new List<int>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    private static object?[] Good(int n, int groupId)
    {
        var price = (double)PriceOf(n);
        var code = "B" + n.ToString("D6", CultureInfo.InvariantCulture);
        return
        [
            code, (3800000000000L + n).ToString(CultureInfo.InvariantCulture), " ", " ", " ", " ", " ",
            $"Стока {n} — артикул с дълго име за реалистичен размер", " ", "бр.", " ", 1.0,
            Math.Round(price * 0.6, 2), price, price, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 0.0, n % 10 == 0 ? $"Описание на стока {n}" : " ", 0, 0, 1, 0, groupId, 0,
        ];
    }

    private static object?[] Partner(int n)
    {
        var company = n % 2 == 0;
        var eik = (200000000 + n).ToString(CultureInfo.InvariantCulture);
        return
        [
            "P" + n.ToString(CultureInfo.InvariantCulture), company ? $"Фирма {n} ООД" : $"Клиент {n}", " ", company ? $"Управител {n}" : " ", " ",
            "София", " ", $"ул. Примерна {n}", " ", "+35988" + (1000000 + n).ToString(CultureInfo.InvariantCulture), " ", " ",
            $"client{n}@example.com", company ? "BG" + eik : " ", company ? eik : " ",
            " ", " ", " ", " ", " ", " ", 1, 0.0, company ? 1 : 0, 0, 1, 1, new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Unspecified), 0, " ", " ", " ", 0,
        ];
    }
}
