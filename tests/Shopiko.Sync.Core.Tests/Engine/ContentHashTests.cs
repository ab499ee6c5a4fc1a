using Shopiko.Sync.Shop.Contract;
using Shopiko.Sync.Engine.Export;

namespace Shopiko.Sync.Core.Tests.Engine;

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

    // The hand-written writers must give the serializer's bytes for every content, or stored hashes would stop matching.
    [Fact]
    public void Hand_written_json_is_the_serializers_for_any_content()
    {
        var random = new Random(6);
        string? Text(bool nullable = true) => random.Next(6) switch
        {
            0 when nullable => null,
            1 => "",
            2 => "Кабел \"3x2.5\" <1m> & 'още' \\ / \t\n\u0001 € 😀",
            3 => new string((char)random.Next(32, 0x2FFF), random.Next(1, 40)),
            _ => "ABC-" + random.Next(),
        };
        decimal Number() => random.Next(5) switch
        {
            0 => 0m,
            1 => -12.500m,
            2 => decimal.MaxValue,
            3 => new decimal(random.Next(), random.Next(), 0, random.Next(2) == 0, (byte)random.Next(0, 29)),
            _ => random.Next(100000) / 100m,
        };

        for (var i = 0; i < 2000; i++)
        {
            var product = new ProductUpsert
            {
                ExternalId = Text(false)!, Sku = Text(false)!, Barcode = Text(), Name = Text(false)!, Description = Text(), Unit = Text(false)!,
                Price = Number(), VatRate = Number(), CategoryExternalId = Text(), Active = random.Next(2) == 0,
            };
            var customer = new CustomerUpsert
            {
                ExternalId = Text(false)!, Type = Text(false)!, Name = Text(false)!, ContactPerson = Text(), Eik = Text(), VatNumber = Text(),
                Email = Text(), Phone = Text(), City = Text(), Address = Text(),
            };
            var category = new CategoryUpsert { ExternalId = Text(false)!, ParentExternalId = Text(), Name = Text(false)! };
            var stock = new StockUpsert(Text(false)!, Number());

            ContentHash.CanonicalJson(product).Should().Be(ContentHash.SerializedJson(product));
            ContentHash.CanonicalJson(customer).Should().Be(ContentHash.SerializedJson(customer));
            ContentHash.CanonicalJson(category).Should().Be(ContentHash.SerializedJson(category));
            ContentHash.CanonicalJson(stock).Should().Be(ContentHash.SerializedJson(stock));
        }
    }

    // The texts are escaped without the writer's encoder: every UTF-16 code unit, alone and between others, must come
    // out as the serializer writes it, or every stored hash would stop matching.
    [Fact]
    public void Texts_are_escaped_as_the_serializer_escapes_every_code_unit()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var alone = ((char)c).ToString();
            foreach (var text in new[] { alone, "a" + alone + "b", alone + alone })
            {
                var category = new CategoryUpsert { ExternalId = "1", Name = text };
                ContentHash.CanonicalJson(category).Should().Be(ContentHash.SerializedJson(category), "for U+{0:X4}", c);
            }
        }
    }

    [Fact]
    public void Surrogates_whole_or_broken_and_long_texts_are_escaped_as_the_serializer_escapes_them()
    {
        var random = new Random(7);
        char Unit() => random.Next(6) switch
        {
            0 => (char)random.Next(0xD800, 0xDC00),   // a high surrogate
            1 => (char)random.Next(0xDC00, 0xE000),   // a low surrogate
            2 => (char)random.Next(0, 0x80),
            3 => (char)random.Next(0x400, 0x500),     // Cyrillic
            _ => (char)random.Next(0, char.MaxValue + 1),
        };
        string[] fixedCases = ["😀", "a😀b", "\uD83D", "\uDE00", "\uDE00\uD83D", "x\uD83D", new string('Ж', 5000), new string('"', 3000)];
        var cases = fixedCases.Concat(Enumerable.Range(0, 5000).Select(i => new string(Enumerable.Range(0, random.Next(1, i % 50 == 0 ? 3000 : 12)).Select(_ => Unit()).ToArray())));
        foreach (var text in cases)
        {
            var product = Product(name: text) with { Description = text + "!" };
            ContentHash.CanonicalJson(product).Should().Be(ContentHash.SerializedJson(product));
        }
    }

    // The fast decimal text must be the custom format's, digit for digit, or every stored hash would stop matching.
    [Fact]
    public void Decimals_are_written_as_the_custom_format_writes_them()
    {
        var random = new Random(12);
        decimal[] fixedCases =
        [
            0m, 0.000m, -0m, -0.00m, 1m, -1m, 10m, 100.00m, 12.5m, 12.50m, -12.500m, 0.1m, 0.001m, 1e-28m, -1e-28m, 1234567.890m,
            decimal.MaxValue, decimal.MinValue, decimal.One / 3, 1000000000000000000000000000m, 0.0000000000000000000000000010m,
        ];
        var cases = fixedCases.Concat(Enumerable.Range(0, 20000).Select(_ =>
            new decimal(random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(8) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(0, 29))));
        Span<byte> text = stackalloc byte[64];
        foreach (var value in cases)
        {
            ContentHash.TryFormatCanonical(value, text, out var written).Should().BeTrue();
            System.Text.Encoding.ASCII.GetString(text[..written]).Should().Be(
                value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture), "for {0}", value);
        }
    }

    [Fact]
    public void A_digest_matches_only_its_own_stored_text()
    {
        var digest = ContentHash.Compute(new StockUpsert("7", 17.250m));
        digest.ToString().Should().Be("0c6b555c51efdedbed435ffecc2e219d96570c9fc7a770f337abb6d6f9a48bc6");
        digest.Matches("0c6b555c51efdedbed435ffecc2e219d96570c9fc7a770f337abb6d6f9a48bc6").Should().BeTrue();
        digest.Matches("0C6B555C51EFDEDBED435FFECC2E219D96570C9FC7A770F337ABB6D6F9A48BC6").Should().BeFalse();
        digest.Matches("0c6b555c51efdedbed435ffecc2e219d96570c9fc7a770f337abb6d6f9a48bc7").Should().BeFalse();
        digest.Matches(null).Should().BeFalse();
        digest.Matches("").Should().BeFalse();
    }

    [Fact]
    public void Items_hashed_one_after_another_on_a_thread_each_get_the_sha256_of_their_own_canonical_json()
    {
        // The hash object is reused and reset between items: no item's bytes may leak into the next one's digest.
        for (var i = 0; i < 500; i++)
        {
            var product = Product(price: i / 7m, name: "Кабел " + new string('x', i % 40));
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ContentHash.CanonicalJson(product))));
            ContentHash.Of(product).Should().Be(expected, "item {0}", i);
            ContentHash.Of(new StockUpsert(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i)).Should().Be(
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                    ContentHash.CanonicalJson(new StockUpsert(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i))))));
        }
    }
}
