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
}
