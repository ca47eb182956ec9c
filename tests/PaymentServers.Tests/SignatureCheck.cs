using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.PaymentServers.Tests;

/// <summary>
/// The receiving side of https://docs.stripe.com/webhooks#verify-manually, written here without the server's code:
/// split the header on commas, take <c>t</c> and every <c>v1</c>, HMAC-SHA256 <c>{t}.{body}</c> with the endpoint
/// secret, compare in constant time, and refuse timestamps outside the tolerance (five minutes by default).
/// </summary>
internal static class SignatureCheck
{
    public static bool Verifies(string header, string body, string secret, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var elements = header.Split(',').Select(element => element.Split('=', 2)).Where(pair => pair.Length == 2).ToList();
        var timestamp = elements.Where(pair => pair[0] == "t").Select(pair => pair[1]).SingleOrDefault();
        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? TimeSpan.FromMinutes(5)))
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return elements.Where(pair => pair[0] == "v1").Any(pair =>
            pair[1].Length == expected.Length * 2 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(pair[1]), expected));
    }
}
