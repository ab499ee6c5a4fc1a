using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Warehouse.Dialects;

// Goods, their groups and their stock.
internal abstract partial class WarehouseStatements
{
    /// <summary>Every column a good is read with, and the FROM that joins its VAT rate: what follows SELECT.</summary>
    protected string GoodsColumnsAndFrom =>
        "g.[ID] AS Id, g.[Code] AS Code, g.[BarCode1] AS BarCode1, g.[BarCode2] AS BarCode2, " +
        "g.[BarCode3] AS BarCode3, g.[Name] AS Name, g.[Name2] AS Name2, g.[Measure1] AS Measure1, " +
        "g.[Description] AS Description, g.[PriceIn] AS PriceIn, " +
        "g.[PriceOut1] AS PriceOut1, g.[PriceOut2] AS PriceOut2, g.[PriceOut3] AS PriceOut3, g.[PriceOut4] AS PriceOut4, " +
        "g.[PriceOut5] AS PriceOut5, g.[PriceOut6] AS PriceOut6, g.[PriceOut7] AS PriceOut7, g.[PriceOut8] AS PriceOut8, " +
        "g.[PriceOut9] AS PriceOut9, g.[PriceOut10] AS PriceOut10, " +
        "g.[Type] AS Type, ABS(g.[GroupID]) AS GroupId, g.[TaxGroup] AS VatGroupId, " +
        "v.[VATValue] AS VatRate, g.[Deleted] AS Deleted " +
        $"FROM {Goods} g LEFT JOIN {VatGroups} v ON v.[ID] = g.[TaxGroup]";

    public virtual string SelectGoods => Common($"SELECT {GoodsColumnsAndFrom} WHERE g.[ID] <> 1 ORDER BY g.[ID]");

    public virtual string SelectGoodById => Common($"SELECT {GoodsColumnsAndFrom} WHERE g.[ID] = @Id");

    /// <summary>The columns a shop product is made of, the sale price from the chosen column, and the FROM: what follows SELECT.</summary>
    protected string ShopGoodsColumnsAndFrom(PriceColumn price)
    {
        var column = PriceName(price);
        return "g.[ID] AS Id, g.[Code] AS Code, g.[BarCode1] AS BarCode1, g.[Name] AS Name, " +
            $"g.[Measure1] AS Measure1, g.[Description] AS Description, g.[{column}] AS {column}, " +
            "ABS(g.[GroupID]) AS GroupId, v.[VATValue] AS VatRate, g.[Deleted] AS Deleted " +
            $"FROM {Goods} g LEFT JOIN {VatGroups} v ON v.[ID] = g.[TaxGroup]";
    }

    public virtual string SelectGoodsForShop(PriceColumn price) =>
        Common($"SELECT {ShopGoodsColumnsAndFrom(price)} WHERE g.[ID] <> 1 ORDER BY g.[ID]");

    // The code compared trimmed and in capitals, the parameter in capitals.
    public virtual string SelectGoodsByCode => Common(
        $"SELECT {GoodsColumnsAndFrom} WHERE g.[ID] <> 1 AND (g.[Deleted] IS NULL OR g.[Deleted] <> -1) " +
        "AND UPPER(TRIM(g.[Code])) = UPPER(@Code) ORDER BY g.[ID]");

    public virtual string SelectGroups => Common(
        $"SELECT [ID] AS Id, [Code] AS Code, [Name] AS Name FROM {GoodsGroups} WHERE [ID] <> 1 AND [Code] <> '-1' ORDER BY [Code]");

    public virtual string SelectGroupById => Common($"SELECT [ID] AS Id, [Code] AS Code, [Name] AS Name FROM {GoodsGroups} WHERE [ID] = @Id");

    /// <summary>Every group code, read to choose a new one: locked where the engine locks rows read (MySQL, SQL Server).</summary>
    public virtual string SelectGroupCodes => Common($"SELECT [Code] FROM {GoodsGroups}");

    /// <summary>The INSERT of a group (its identity follows, see <see cref="WithIdentity"/>).</summary>
    public virtual string InsertGroup => Common($"INSERT INTO {GoodsGroups} ([Name], [Code]) VALUES (@Name, @Code)");

    // Constants are literals, and every parameter appears once: OLE DB binds by position (Dapper's ?name?).
    public virtual string InsertGood => Common(
        $"INSERT INTO {Goods} ([Code], [BarCode1], [BarCode2], [BarCode3], [Catalog1], [Catalog2], [Catalog3], [Name], [Name2], " +
        "[Measure1], [Measure2], [Ratio], [PriceIn], [PriceOut1], [PriceOut2], [PriceOut3], [PriceOut4], [PriceOut5], [PriceOut6], " +
        "[PriceOut7], [PriceOut8], [PriceOut9], [PriceOut10], [MinQtty], [NormalQtty], [Description], [Type], [IsRecipe], [TaxGroup], " +
        "[IsVeryUsed], [GroupID], [Deleted]) " +
        "VALUES (@Code, @BarCode1, ' ', ' ', ' ', ' ', ' ', @Name, @Name2, @Measure1, @Measure2, 1, @PriceIn, " +
        "@PriceOut1, @PriceOut2, @PriceOut3, @PriceOut4, @PriceOut5, @PriceOut6, @PriceOut7, @PriceOut8, @PriceOut9, @PriceOut10, " +
        "0, 0, @Description, @Type, 0, @TaxGroup, 0, @GroupID, 0)");

    /// <summary>A new good's empty stock row in every object.</summary>
    public virtual string InsertStoreRowsForGood => Common(
        $"INSERT INTO {Store} ([ObjectID], [GoodID], [Qtty], [Price], [Lot], [LotID], [LotOrder]) " +
        $"SELECT [ID], @GoodId, 0, 0, ' ', 1, 1 FROM {Objects}");

    /// <summary>Stock of the given objects (their IDs in the text).</summary>
    public virtual string SelectStock(IEnumerable<int> objectIds) => Common(
        $"SELECT [ObjectID] AS ObjectId, [GoodID] AS GoodId, SUM([Qtty]) AS Quantity FROM {Store} " +
        $"WHERE [GoodID] <> 1 AND [ObjectID] IN ({Literals(objectIds)}) " +
        "GROUP BY [GoodID], [ObjectID] ORDER BY [GoodID], [ObjectID]");
}
