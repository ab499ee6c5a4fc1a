using Shopiko.Sync.Sandbox;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.IntegrationTests.Shop;

public class ShopEndpointTests
{
    [Fact]
    public async Task Get_shop_describes_the_shop()
    {
        await using var c = await SandboxClient.StartAsync();
        c.State.CreateProduct(new SandboxProductDraft { Sku = "A", Name = "Кабел", Price = 3.5m });

        var shop = await c.Api.GetShopAsync();

        shop.Currency.Should().Be("EUR");
        shop.PricesIncludeVat.Should().BeTrue();
        shop.AddonActive.Should().BeTrue();
        shop.Counts.Products.Should().Be(1);
        shop.ServerTime.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Categories_are_upserted_listed_and_linked()
    {
        await using var c = await SandboxClient.StartAsync();
        var adminMade = c.State.CreateCategory("Made in the shop");

        var first = await c.Api.UpsertCategoriesAsync([
            new CategoryUpsert { ExternalId = "7", ParentExternalId = "3", Name = "Кабели" },
            new CategoryUpsert { ExternalId = "3", Name = "Електро" },
        ]);
        var again = await c.Api.UpsertCategoriesAsync([
            new CategoryUpsert { ExternalId = "7", ParentExternalId = "3", Name = "Кабели" },
            new CategoryUpsert { ExternalId = "3", Name = "Електро и осветление" },
        ]);
        var links = await c.Api.LinkCategoriesAsync([new LinkItem(adminMade.Id, "99")]);
        var listed = await c.Api.GetCategoriesAsync().ToListAsync();

        first.Select(r => r.Status).Should().Equal("created", "created");
        again.Select(r => r.Status).Should().Equal("unchanged", "updated");
        links.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ExternalId = "99", Id = adminMade.Id, Status = "updated" });
        listed.Should().HaveCount(3);
        var parent = listed.Single(x => x.ExternalId == "3");
        listed.Single(x => x.ExternalId == "7").ParentId.Should().Be(parent.Id);
        listed.Single(x => x.Id == adminMade.Id).ExternalId.Should().Be("99");
    }

    [Fact]
    public async Task Products_are_upserted_listed_since_a_time_linked_and_stocked()
    {
        await using var c = await SandboxClient.StartAsync();
        var adminMade = c.State.CreateProduct(new SandboxProductDraft { Sku = "S-1", Name = "Shop-made", Price = 9.99m });

        var upserted = await c.Api.UpsertProductsAsync([Product("42", "1001", 12.5m)]);
        var links = await c.Api.LinkProductsAsync([new LinkItem(adminMade.Id, "43")]);
        var stock = await c.Api.UpdateStockAsync([new StockUpsert("42", 17m), new StockUpsert("43", 2.5m), new StockUpsert("404", 1m)]);
        var all = await c.Api.GetProductsAsync().ToListAsync();
        var since = await c.Api.GetProductsAsync(DateTimeOffset.UtcNow.AddHours(1)).ToListAsync();

        upserted.Should().ContainSingle().Which.Status.Should().Be("created");
        links.Single().Succeeded.Should().BeTrue();
        stock.Select(r => r.Status).Should().Equal("updated", "updated", "failed");
        stock[2].Error!.Code.Should().Be("not_found");
        c.State.StockOf("42").Should().Be(17.000m);
        c.State.StockOf("43").Should().Be(2.5m);
        all.Select(p => p.ExternalId).Should().BeEquivalentTo(["42", "43"]);
        var p42 = all.Single(p => p.ExternalId == "42");
        p42.Should().BeEquivalentTo(new { Sku = "1001", Name = "Продукт 42", Price = 12.50m, VatRate = 20m, Unit = "бр.", Active = true });
        since.Should().BeEmpty();
    }

    [Fact]
    public async Task Customers_are_upserted_listed_and_linked()
    {
        await using var c = await SandboxClient.StartAsync();
        var registered = c.State.CreateCustomer(new SandboxCustomerDraft { Name = "Мария Петрова", Email = "maria@example.bg" });

        var upserted = await c.Api.UpsertCustomersAsync([
            new CustomerUpsert { ExternalId = "15", Type = "company", Name = "Фирма ООД", Eik = "123456789", VatNumber = "BG123456789" },
        ]);
        var links = await c.Api.LinkCustomersAsync([new LinkItem(registered.Id, "16"), new LinkItem("c-unknown", "17")]);
        var listed = await c.Api.GetCustomersAsync().ToListAsync();

        upserted.Single().Status.Should().Be("created");
        links.Select(r => r.Status).Should().Equal("updated", "failed");
        links[1].Error!.Code.Should().Be("not_found");
        listed.Should().HaveCount(2);
        listed.Single(x => x.ExternalId == "15").Should().BeEquivalentTo(new { Type = "company", Name = "Фирма ООД", Eik = "123456789" });
        listed.Single(x => x.Id == registered.Id).ExternalId.Should().Be("16");
    }

    [Fact]
    public async Task Lists_follow_the_cursor_across_many_pages()
    {
        await using var c = await SandboxClient.StartAsync(o => o.PageSize = 7);
        await c.Api.UpsertProductsAsync(Enumerable.Range(1, 100).Select(i => Product(i.ToString(), "SKU" + i, i)).ToList());
        var before = c.State.RequestCount;

        var listed = await c.Api.GetProductsAsync().ToListAsync();

        listed.Select(p => p.ExternalId).Should().OnlyHaveUniqueItems().And.HaveCount(100);
        (c.State.RequestCount - before).Should().Be(15); // ceil(100 / 7)
    }

    [Fact]
    public async Task A_batch_of_1201_items_goes_in_three_requests_with_results_in_order()
    {
        await using var c = await SandboxClient.StartAsync();
        var items = Enumerable.Range(1, 1201).Select(i => Product(i.ToString(), "SKU" + i, i)).ToList();
        var before = c.State.RequestCount;

        var results = await c.Api.UpsertProductsAsync(items);

        (c.State.RequestCount - before).Should().Be(3);
        results.Select(r => r.ExternalId).Should().Equal(items.Select(i => i.ExternalId));
        results.Should().OnlyContain(r => r.Status == "created");
        c.State.Products.Should().HaveCount(1201);
    }

    [Fact]
    public async Task One_bad_item_fails_alone_and_is_surfaced()
    {
        await using var c = await SandboxClient.StartAsync();

        var results = await c.Api.UpsertProductsAsync([
            Product("1", "A", 1m),
            Product("2", "B", 1m) with { Name = "" },
            Product("3", "C", -1m),
            Product("4", "", 1m),
            Product("5", "E", 1m),
        ]);

        results.Select(r => r.Status).Should().Equal("created", "failed", "failed", "failed", "created");
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == "validation_failed" && r.Error.Message.Length > 0);
        results[2].ExternalId.Should().Be("3");
    }

    private static ProductUpsert Product(string externalId, string sku, decimal price) => new()
    {
        ExternalId = externalId,
        Sku = sku,
        Name = "Продукт " + externalId,
        Unit = "бр.",
        Price = price,
        VatRate = 20,
    };
}
