using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Engine.Import;

/// <summary>Turns shop-made products and customers into warehouse goods and partners.</summary>
internal static class NomenclatureMapper
{
    /// <summary>
    /// A good for a shop product: the shop price (converted to the warehouse currency and VAT basis) goes into the
    /// exported price column, so exporting it back gives the same price.
    /// </summary>
    public static NewGood ToGood(ShopProduct product, int groupId, int vatGroupId, PriceColumn column, PriceBasis basis) => new()
    {
        Code = product.Sku.Trim(),
        BarCode1 = product.Barcode?.Trim() ?? "",
        Name = product.Name.Trim(),
        Measure1 = string.IsNullOrWhiteSpace(product.Unit) ? Export.ProductMapper.DefaultUnit : product.Unit.Trim(),
        Description = product.Description?.Trim() ?? "",
        Prices = GoodPrices.Zero.With(column, basis.WarehousePrice(product.Price, product.VatRate)),
        GroupId = groupId,
        VatGroupId = vatGroupId,
    };

    /// <summary>A partner for a shop customer: EIK → Bulstat, VAT number → TaxNo, contact person → MOL.</summary>
    public static NewPartner ToPartner(ShopCustomer customer) => new()
    {
        Company = customer.Name.Trim(),
        Mol = customer.ContactPerson?.Trim() ?? "",
        Bulstat = customer.Eik?.Trim() ?? "",
        TaxNo = customer.VatNumber?.Trim() ?? "",
        Email = customer.Email?.Trim() ?? "",
        Phone = customer.Phone?.Trim() ?? "",
        City = customer.City?.Trim() ?? "",
        Address = customer.Address?.Trim() ?? "",
    };
}
