using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Webhooks.Signing;

/// <summary>
/// Signs delivery bodies: <c>X-Platform-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>, with one
/// <c>v1</c> per valid secret (two during a rotation's grace period). A secret is derived from <c>Webhooks:SigningKey</c> and
/// a per-subscription salt, so nothing secret is stored.
/// </summary>
internal sealed class WebhookSigner(IOptions<WebhookOptions> options)
{
    public const string SignatureHeader = "X-Platform-Signature";

    /// <summary>A fresh random salt, for a new subscription or a rotation.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string SecretFor(string salt)
    {
        var master = Encoding.UTF8.GetBytes(options.Value.SigningKey);
        return "whsec_" + Convert.ToHexStringLower(HMACSHA256.HashData(master, Encoding.UTF8.GetBytes("webhook:" + salt)));
    }

    public string Sign(IEnumerable<string> salts, DateTimeOffset timestamp, string body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{seconds}.{body}");
        var signatures = salts.Select(salt => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecretFor(salt)), signed)));
        return string.Join(',', signatures.Prepend($"t={seconds}"));
    }
}
