using Shopiko.Sync.Configuration;

namespace Shopiko.Sync.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Shop_options_never_print_the_key()
    {
        var options = new ShopConnectionOptions { BaseUrl = "http://127.0.0.1/", ApiId = "1", Key = "secret-key" };
        options.ToString().Should().NotContain("secret-key");
    }
}
