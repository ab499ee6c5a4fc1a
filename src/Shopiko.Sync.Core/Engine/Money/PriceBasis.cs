namespace Shopiko.Sync.Engine.Money;

/// <summary>
/// How prices are expressed on the two sides: the warehouse's base currency and <c>configkey20</c> (prices include
/// VAT), the shop's currency and <c>pricesIncludeVat</c>. Converts a catalogue price either way.
/// </summary>
/// <param name="WarehouseCurrency">Currency 1 of the warehouse database.</param>
/// <param name="WarehouseIncludesVat">Warehouse sale prices include VAT.</param>
/// <param name="ShopCurrency">The shop's currency.</param>
/// <param name="ShopIncludesVat">Shop prices include VAT.</param>
internal sealed record PriceBasis(string WarehouseCurrency, bool WarehouseIncludesVat, string ShopCurrency, bool ShopIncludesVat)
{
    private CurrencyConverter? _toShop;

    /// <summary>Warehouse → shop currency.</summary>
    public CurrencyConverter ToShop => _toShop ??= CurrencyConverter.Between(WarehouseCurrency, ShopCurrency);

    /// <summary>A warehouse price as the shop shows it: VAT basis changed, converted, rounded to the cent.</summary>
    public decimal ShopPrice(decimal warehousePrice, decimal vatRate) =>
        Amounts.Round2(ToShop.ConvertExact(Vat.ChangeBasis(warehousePrice, vatRate, WarehouseIncludesVat, ShopIncludesVat)));

    /// <summary>A shop price as the warehouse keeps it: VAT basis changed, converted, rounded to the cent.</summary>
    public decimal WarehousePrice(decimal shopPrice, decimal vatRate) =>
        Amounts.Round2(ToShop.Reverse().ConvertExact(Vat.ChangeBasis(shopPrice, vatRate, ShopIncludesVat, WarehouseIncludesVat)));
}
