using System.Globalization;
using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Export;

/// <summary>Turns a warehouse good into the shop's product item.</summary>
internal static class ProductMapper
{
    /// <summary>The unit written when a good has no measure.</summary>
    public const string DefaultUnit = "бр.";

    /// <summary>Maps <paramref name="good"/>; the price comes from <paramref name="column"/>, in the shop's currency and VAT basis.</summary>
    public static ProductUpsert Map(Good good, PriceColumn column, PriceBasis basis) => new()
    {
        ExternalId = good.Id.ToString(CultureInfo.InvariantCulture),
        Sku = good.Code,
        Barcode = NullIfEmpty(good.BarCode1),
        Name = good.Name,
        Description = NullIfEmpty(good.Description),
        Unit = string.IsNullOrWhiteSpace(good.Measure1) ? DefaultUnit : good.Measure1.Trim(),
        Price = basis.ShopPrice(good.Prices.Get(column), good.VatRate),
        VatRate = good.VatRate,
        CategoryExternalId = good.GroupId > 1 ? good.GroupId.ToString(CultureInfo.InvariantCulture) : null,
        Active = !good.IsDeleted,
    };

    internal static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
