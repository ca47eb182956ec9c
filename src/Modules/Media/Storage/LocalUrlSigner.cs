using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Media.Storage;

/// <summary>
/// Signs download URLs of the local disk store: HMAC-SHA256 over the key and the expiry, so a URL opens exactly one object
/// until it expires and changing either breaks it.
/// </summary>
internal sealed class LocalUrlSigner(byte[] key, TimeProvider time)
{
    public string Sign(string objectKey, long expiresUnixSeconds) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{objectKey}\n{expiresUnixSeconds.ToString(CultureInfo.InvariantCulture)}")));

    public LocalUrlCheck Check(string objectKey, long expiresUnixSeconds, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(objectKey, expiresUnixSeconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return LocalUrlCheck.BadSignature;
        }
        return time.GetUtcNow().ToUnixTimeSeconds() > expiresUnixSeconds ? LocalUrlCheck.Expired : LocalUrlCheck.Valid;
    }
}
