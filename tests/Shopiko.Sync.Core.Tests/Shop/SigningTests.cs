using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Shopiko.Sync.Shop.Contract;

namespace Shopiko.Sync.Core.Tests.Shop;

/// <summary>The signature on the wire, checked by a computation written here from shopiko-api.md (not by the client's signer).</summary>
public class SigningTests
{
    [Fact]
    public async Task A_batch_request_is_signed_over_method_wire_path_timestamp_and_body_hash()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK, """{"results":[{"externalId":"42","id":"p-1","status":"created"}]}""");

        await h.Api.UpsertProductsAsync([new ProductUpsert { ExternalId = "42", Sku = "1001", Name = "Кабел", Unit = "бр.", Price = 12.5m, VatRate = 20 }]);

        var request = h.Handler.Requests.Single();
        request.Method.Should().Be("PUT");
        request.Uri.PathAndQuery.Should().Be("/api/microinvest/v1/products/batch");
        request.Headers["X-Api-Id"].Should().Be(ClientHarness.ApiId);
        request.Headers["X-Timestamp"].Should().Be("1795872000"); // 2026-11-28T13:20:00Z
        request.Headers["X-Signature"].Should().Be(ExpectedSignature(ClientHarness.Key, "PUT", "/api/microinvest/v1/products/batch", "1795872000", request.Body));
        request.Headers["X-Signature"].Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task A_list_request_is_signed_over_its_query_as_sent()
    {
        using var h = new ClientHarness(o => o.PageSize = 250);
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK, """{"items":[],"nextCursor":null}""");

        await foreach (var _ in h.Api.GetProductsAsync(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(2))))
        {
        }

        var request = h.Handler.Requests.Single();
        request.Uri.PathAndQuery.Should().Be("/api/microinvest/v1/products?updatedSince=2026-11-01T06%3A00%3A00Z&limit=250");
        request.Body.Should().BeEmpty();
        request.Headers["X-Signature"].Should().Be(ExpectedSignature(ClientHarness.Key, "GET", request.Uri.PathAndQuery, request.Headers["X-Timestamp"], []));
    }

    [Fact]
    public async Task Every_retry_attempt_is_signed_afresh_after_the_shop_s_Retry_After()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = r => h.Handler.Requests.Count == 1
            ? CapturingHandler.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"rate_limited","message":"slow down"}}""", m => m.Headers.Add("Retry-After", "120"))
            : CapturingHandler.Json(HttpStatusCode.OK, """{"id":"s","name":"Shop"}""");

        await h.Api.GetShopAsync();

        h.Delays.Should().Equal(TimeSpan.FromSeconds(120));
        var (first, second) = (h.Handler.Requests[0], h.Handler.Requests[1]);
        long.Parse(second.Headers["X-Timestamp"], CultureInfo.InvariantCulture).Should().Be(long.Parse(first.Headers["X-Timestamp"], CultureInfo.InvariantCulture) + 120);
        second.Headers["X-Signature"].Should().Be(ExpectedSignature(ClientHarness.Key, "GET", "/api/microinvest/v1/shop", second.Headers["X-Timestamp"], []));
    }

    [Fact]
    public async Task The_key_is_never_sent()
    {
        using var h = new ClientHarness();
        h.Handler.Respond = _ => CapturingHandler.Json(HttpStatusCode.OK, """{}""");

        await h.Api.AcknowledgeOrderAsync("90017", 1, "S0000000123");

        var request = h.Handler.Requests.Single();
        request.Uri.PathAndQuery.Should().Be("/api/microinvest/v1/orders/90017/ack");
        request.BodyText.Should().Be("""{"revision":1,"document":"S0000000123"}""");
        request.Headers.Values.Should().NotContain(v => v.Contains(ClientHarness.Key, StringComparison.Ordinal));
        request.BodyText.Should().NotContain(ClientHarness.Key);
        request.Uri.ToString().Should().NotContain(ClientHarness.Key);
    }

    private static string ExpectedSignature(string key, string method, string pathAndQuery, string timestamp, byte[] body)
    {
        var bodyHash = string.Concat(SHA256.HashData(body).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        var canonical = $"{method}\n{pathAndQuery}\n{timestamp}\n{bodyHash}";
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        return string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(canonical)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
