using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Sync.Export;

namespace Shopiko.Sync.Core.Tests.Sync;

public class ContentHashTests
{
    private static ProductUpsert Product(decimal price = 12.5m, string name = "Кабел") => new()
    {
        ExternalId = "42", Sku = "1001", Name = name, Unit = "бр.", Price = price, VatRate = 20,
    };

    [Fact]
    public void Same_content_same_hash_whatever_the_decimal_scale()
    {
        ContentHash.Of(Product(12.5m)).Should().Be(ContentHash.Of(Product(12.50m)));
        ContentHash.Of(Product()).Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Any_change_changes_the_hash()
    {
        ContentHash.Of(Product(12.51m)).Should().NotBe(ContentHash.Of(Product()));
        ContentHash.Of(Product(name: "Кабел 2")).Should().NotBe(ContentHash.Of(Product()));
    }

    [Fact]
    public void Canonical_json_sorts_keys_and_drops_nulls()
    {
        ContentHash.CanonicalJson(new StockUpsert("7", 17.000m)).Should().Be("{\"externalId\":\"7\",\"quantity\":17}");
        ContentHash.CanonicalJson(Product()).Should().StartWith("{\"active\":true,\"externalId\":\"42\",\"name\":");
        ContentHash.CanonicalJson(Product()).Should().NotContain("null");
    }

    [Fact]
    public void The_hash_is_stable_across_runs() =>
        ContentHash.Of(new StockUpsert("7", 17m)).Should().Be(ContentHash.Of(new StockUpsert("7", 17.000m)));

    // Hashes stored by earlier versions must still match, or an upgrade would re-send the whole catalogue once.
    [Fact]
    public void Hashes_stay_those_earlier_versions_stored()
    {
        ContentHash.Of(Product() with { Barcode = "3800123456789", Description = "Дълъг \"кабел\" <1m> & още", CategoryExternalId = "7" })
            .Should().Be("b374f842010784bb9f7299ca09316591c514e82f2dee731fdfcdc3803f785b00");
        ContentHash.Of(new CustomerUpsert { ExternalId = "15", Type = CustomerTypes.Company, Name = "Техно ООД", Eik = "204567890", Email = "office@techno.bg" })
            .Should().Be("90c515419ec5aee9324125efb795beab20916bd083e19e6db0ad5e5129cf73bf");
        ContentHash.Of(new CategoryUpsert { ExternalId = "3", ParentExternalId = "1", Name = "Кабели" }).Should().Be("cb1d2696398cb354a4444cbcfeb1095134dbb1bd52f996eab5afcb62b3f64d62");
        ContentHash.Of(new StockUpsert("7", 17.250m)).Should().Be("0c6b555c51efdedbed435ffecc2e219d96570c9fc7a770f337abb6d6f9a48bc6");
    }
}
