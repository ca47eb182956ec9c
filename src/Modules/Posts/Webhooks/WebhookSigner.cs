using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Posts.Webhooks;

/// <summary>
/// Signs webhook bodies: <c>X-Platform-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>.
/// Each tenant's secret is derived from <c>Webhooks:SigningKey</c> and its id, so nothing secret is stored per tenant.
/// </summary>
internal sealed class WebhookSigner(IOptions<WebhookSigningOptions> options)
{
    public const string SignatureHeader = "X-Platform-Signature";

    public string SecretFor(Guid tenantId)
    {
        var master = Encoding.UTF8.GetBytes(options.Value.SigningKey);
        return "whsec_" + Convert.ToHexStringLower(HMACSHA256.HashData(master, Encoding.UTF8.GetBytes("webhook:" + tenantId)));
    }

    public string Sign(Guid tenantId, DateTimeOffset timestamp, string body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecretFor(tenantId)), Encoding.UTF8.GetBytes($"{seconds}.{body}"));
        return $"t={seconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
