using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.IntegrationTests.Engine;

/// <summary>A small shop's warehouse: a group tree, three goods with stock, a company and a person.</summary>
public sealed record WarehouseSeed(int Cables, int Usb, int Cable, int Charger, int Headphones, int Company, int Person)
{
    public static async Task<WarehouseSeed> CreateAsync(SyncRig rig)
    {
        var store = rig.Store;
        var cables = await store.CreateGoodsGroupAsync(new NewGoodsGroup("Кабели"));
        var usb = await store.CreateGoodsGroupAsync(new NewGoodsGroup("USB", cables.Id));
        var cable = await store.CreateGoodAsync(Good("1001", "Кабел USB-C", 12.50m, usb.Id, "3800123456789"));
        var charger = await store.CreateGoodAsync(Good("1002", "Зарядно 20W", 7.99m, cables.Id));
        var headphones = await store.CreateGoodAsync(Good("1003", "Слушалки", 49.90m, 1));
        var company = await store.CreatePartnerAsync(new NewPartner
        {
            Company = "Техно ООД", Mol = "Иван Петров", Bulstat = "204567890", TaxNo = "BG204567890",
            Email = "office@techno.bg", City = "София", Address = "бул. Витоша 1",
        });
        var person = await store.CreatePartnerAsync(new NewPartner { Company = "Мария Иванова", Email = "maria@example.bg", City = "Пловдив" });
        await rig.SetStockAsync(cable.Id, 10);
        await rig.SetStockAsync(charger.Id, 5);
        await rig.SetStockAsync(headphones.Id, 3);
        return new WarehouseSeed(cables.Id, usb.Id, cable.Id, charger.Id, headphones.Id, company.Id, person.Id);
    }

    private static NewGood Good(string code, string name, decimal price, int group, string barcode = "") => new()
    {
        Code = code,
        Name = name,
        BarCode1 = barcode,
        GroupId = group,
        VatGroupId = 1,
        PriceIn = Math.Round(price / 2, 2),
        Prices = GoodPrices.Zero with { PriceOut1 = price, PriceOut2 = price },
    };
}
