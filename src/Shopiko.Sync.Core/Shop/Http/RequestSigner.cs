using System.Security.Cryptography;
using System.Text;

namespace Shopiko.Sync.Shop.Http;

/// <summary>The contract's request signature: HMAC-SHA256 over the canonical string, lowercase hex.</summary>
internal static class RequestSigner
{
    /// <summary><c>METHOD\nPATH_AND_QUERY\nTIMESTAMP\nBODY_SHA256</c>.</summary>
    public static string CanonicalString(string method, string pathAndQuery, string timestamp, ReadOnlySpan<byte> body) =>
        string.Join('\n', method.ToUpperInvariant(), pathAndQuery, timestamp, Convert.ToHexStringLower(SHA256.HashData(body)));

    /// <summary>Lowercase hex HMAC-SHA256 of the canonical string with the key's UTF-8 bytes.</summary>
    public static string Sign(string key, string method, string pathAndQuery, string timestamp, ReadOnlySpan<byte> body)
    {
        var canonical = CanonicalString(method, pathAndQuery, timestamp, body);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(canonical)));
    }
}
