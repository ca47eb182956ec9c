using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Billing.Webhooks;

/// <summary>
/// Checks a <c>Stripe-Signature</c> header as https://docs.stripe.com/webhooks#verify-manually describes: the header is
/// <c>t=&lt;unix seconds&gt;</c> and one or more <c>v1=&lt;hex&gt;</c>; the signed payload is <c>{t}.{body}</c>; a
/// signature is HMAC-SHA256 of it under an endpoint secret. Any <c>v1</c> matching any of our secrets passes (during a
/// secret roll Stripe signs with both), compared in constant time; a timestamp outside the tolerance fails, against replays.
/// </summary>
internal static class WebhookSignature
{
    public static bool IsValid(string payload, string? header, IReadOnlyList<string> secrets, TimeSpan tolerance, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header) || secrets.Count == 0)
        {
            return false;
        }
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator < 1)
            {
                continue;
            }
            var (key, value) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            if (key == "t")
            {
                if (timestamp is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return false;
                }
                timestamp = seconds;
            }
            else if (key == "v1" && value.Length == 64 && value.All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }
        if (timestamp is not { } t || signatures.Count == 0 || Math.Abs(now.ToUnixTimeSeconds() - t) > (long)tolerance.TotalSeconds)
        {
            return false;
        }
        var signed = Encoding.UTF8.GetBytes(t.ToString(CultureInfo.InvariantCulture) + "." + payload);
        return secrets
            .Select(secret => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))
            .Any(expected => signatures.Any(given => CryptographicOperations.FixedTimeEquals(expected, given)));
    }
}
