using Shopiko.Sync.Configuration;
using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Export;
using Shopiko.Sync.Engine.Import;
using Shopiko.Sync.Engine.Money;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Engine;

public class MapperTests
{
    private static readonly PriceBasis Euro = new("EUR", true, "EUR", true);

    [Fact]
    public void A_good_becomes_a_product_with_the_chosen_price_column()
    {
        var good = new Good
        {
            Id = 42, Code = "1001", BarCode1 = "3800123456789", Name = "Кабел USB-C", Measure1 = "бр.",
            Prices = GoodPrices.Zero with { PriceOut1 = 9.99m, PriceOut2 = 12.50m, PriceOut4 = 11m },
            VatRate = 20, GroupId = 7,
        };

        var product = ProductMapper.Map(good, PriceColumn.PriceOut2, Euro);

        product.Should().BeEquivalentTo(new ProductUpsert
        {
            ExternalId = "42", Sku = "1001", Barcode = "3800123456789", Name = "Кабел USB-C", Description = null,
            Unit = "бр.", Price = 12.50m, VatRate = 20, CategoryExternalId = "7", Active = true,
        });
        ProductMapper.Map(good, PriceColumn.PriceOut4, Euro).Price.Should().Be(11m);
    }

    [Fact]
    public void A_good_in_the_default_group_without_measure_deleted()
    {
        var product = ProductMapper.Map(new Good { Id = 5, Name = "X", GroupId = 1, IsDeleted = true }, PriceColumn.PriceOut2, Euro);
        product.CategoryExternalId.Should().BeNull();
        product.Unit.Should().Be("бр.");
        product.Barcode.Should().BeNull();
        product.Active.Should().BeFalse();
    }

    [Fact]
    public void A_lev_net_price_goes_to_a_euro_gross_shop()
    {
        var basis = new PriceBasis("BGN", WarehouseIncludesVat: false, "EUR", ShopIncludesVat: true);
        var good = new Good { Id = 2, Name = "X", Prices = GoodPrices.Zero with { PriceOut2 = 20.37m }, VatRate = 20 };
        ProductMapper.Map(good, PriceColumn.PriceOut2, basis).Price.Should().Be(12.50m);
    }

    [Fact]
    public void The_group_tree_keeps_parents_through_codes()
    {
        var ids = new Dictionary<string, int>();
        var top = new GoodsGroup(3, "AAB", "Кабели");
        ids[top.Code] = top.Id;
        CategoryMapper.Map(top, ids).Should().BeEquivalentTo(new CategoryUpsert { ExternalId = "3", ParentExternalId = null, Name = "Кабели" });
        var child = new GoodsGroup(7, "AABAAA", "USB");
        CategoryMapper.Map(child, ids).ParentExternalId.Should().Be("3");
    }

    [Fact]
    public void A_partner_with_eik_is_a_company_eik_is_bulstat_vat_is_taxno()
    {
        var company = CustomerMapper.Map(new Partner
        {
            Id = 15, Company = "Техно ООД", Mol = "Иван Петров", Bulstat = "204567890", TaxNo = "BG204567890",
            Email = "office@techno.bg", Phone = "+359 2 123", City = "София", Address = "бул. Витоша 1",
        });
        company.Should().BeEquivalentTo(new CustomerUpsert
        {
            ExternalId = "15", Type = "company", Name = "Техно ООД", ContactPerson = "Иван Петров", Eik = "204567890",
            VatNumber = "BG204567890", Email = "office@techno.bg", Phone = "+359 2 123", City = "София", Address = "бул. Витоша 1",
        });

        var person = CustomerMapper.Map(new Partner { Id = 16, Company = "Мария Иванова", Email = "m@x.bg" });
        person.Type.Should().Be("person");
        person.Eik.Should().BeNull();
        person.ContactPerson.Should().BeNull();
    }

    [Fact]
    public void Shop_records_become_goods_and_partners()
    {
        var good = NomenclatureMapper.ToGood(
            new ShopProduct { Id = "p-1", Sku = " A1 ", Barcode = "380", Name = "Чаша", Unit = null, Price = 12.00m, VatRate = 20 },
            groupId: 4, vatGroupId: 2, PriceColumn.PriceOut2, new PriceBasis("EUR", false, "EUR", true));
        good.Code.Should().Be("A1");
        good.BarCode1.Should().Be("380");
        good.Measure1.Should().Be("бр.");
        good.Prices.PriceOut2.Should().Be(10.00m);
        good.GroupId.Should().Be(4);
        good.VatGroupId.Should().Be(2);

        var partner = NomenclatureMapper.ToPartner(new ShopCustomer
        {
            Id = "c-1", Type = "company", Name = "Фирма АД", ContactPerson = "Г. Г.", Eik = "123", VatNumber = "BG123", Email = "a@b.bg",
        });
        partner.Should().BeEquivalentTo(new NewPartner { Company = "Фирма АД", Mol = "Г. Г.", Bulstat = "123", TaxNo = "BG123", Email = "a@b.bg" });
    }
}
