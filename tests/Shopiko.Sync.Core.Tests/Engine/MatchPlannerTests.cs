using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Matching;
using Shopiko.Sync.Warehouse.Model;

namespace Shopiko.Sync.Core.Tests.Engine;

public class MatchPlannerTests
{
    [Fact]
    public void Goods_match_by_code_then_barcode_and_ambiguity_is_never_guessed()
    {
        Good[] goods =
        [
            new() { Id = 2, Code = "A1", Name = "a" },
            new() { Id = 3, Code = "B1", BarCode1 = "380111", Name = "b" },
            new() { Id = 4, Code = "DUP", Name = "c" },
            new() { Id = 5, Code = "dup", Name = "d" },
            new() { Id = 6, Code = "ALONE", Name = "e" },
            new() { Id = 7, Code = "A1-OLD", Name = "deleted", IsDeleted = true },
        ];
        ShopProduct[] products =
        [
            new() { Id = "p1", Sku = "a1" },
            new() { Id = "p2", Sku = "other", Barcode = "380111" },
            new() { Id = "p3", Sku = "DUP" },
            new() { Id = "p4", Sku = "NEW" },
            new() { Id = "p5", Sku = "A1-OLD" },
        ];

        var result = MatchPlanner.MatchGoods(goods, products);

        result.Matched.Should().BeEquivalentTo(new[]
        {
            new MatchedPair(2, "p1", "code/sku"),
            new MatchedPair(3, "p2", "barcode"),
        });
        result.Ambiguous.Should().ContainSingle().Which.Should().Contain("DUP");
        result.New.Should().Be(3); // p4, p5 (the deleted good never matches), good 6
    }

    [Fact]
    public void A_sku_shared_by_two_shop_products_is_ambiguous()
    {
        var result = MatchPlanner.MatchGoods(
            [new Good { Id = 2, Code = "A1", Name = "a" }],
            [new ShopProduct { Id = "p1", Sku = "A1" }, new ShopProduct { Id = "p2", Sku = "A1" }]);
        result.Matched.Should().BeEmpty();
        result.Ambiguous.Should().HaveCount(2);
    }

    [Fact]
    public void A_good_claimed_through_two_keys_is_ambiguous()
    {
        var result = MatchPlanner.MatchGoods(
            [new Good { Id = 2, Code = "A1", BarCode1 = "999", Name = "a" }],
            [new ShopProduct { Id = "p1", Sku = "A1" }, new ShopProduct { Id = "p2", Sku = "zz", Barcode = "999" }]);
        result.Matched.Should().BeEmpty();
        result.Ambiguous.Should().HaveCount(2);
    }

    [Fact]
    public void Partners_match_by_eik_then_vat_then_email()
    {
        Partner[] partners =
        [
            new() { Id = 2, Company = "A", Bulstat = "111" },
            new() { Id = 3, Company = "B", TaxNo = "BG222" },
            new() { Id = 4, Company = "C", Email = "c@x.bg" },
            new() { Id = 5, Company = "D", Email = "shared@x.bg" },
            new() { Id = 6, Company = "E", Email = "shared@x.bg" },
        ];
        ShopCustomer[] customers =
        [
            new() { Id = "c1", Name = "A", Eik = "111" },
            new() { Id = "c2", Name = "B", VatNumber = "BG222" },
            new() { Id = "c3", Name = "C", Email = "C@X.BG" },
            new() { Id = "c4", Name = "D", Email = "shared@x.bg" },
        ];

        var result = MatchPlanner.MatchPartners(partners, customers);

        result.Matched.Select(m => (m.LocalId, m.RemoteId, m.How)).Should().BeEquivalentTo(new[]
        {
            (2, "c1", "EIK"), (3, "c2", "VAT number"), (4, "c3", "e-mail"),
        });
        result.Ambiguous.Should().ContainSingle().Which.Should().Contain("shared@x.bg");
    }
}
