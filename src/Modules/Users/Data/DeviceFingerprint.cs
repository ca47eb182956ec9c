using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Users.Data;

/// <summary>
/// What makes a sign-in's device "the same" as an earlier one. The API is token-only (no cookie a device could keep), so
/// a device is its browser and operating system as its user agent names them, without version numbers (browsers update
/// every few weeks and that is not a new device), on the client's network: the IPv4 /24 or the IPv6 /64 one subscriber
/// usually holds (a home or office line changing its last octet is not a new device; another network is). Only the
/// SHA-256 of the two is kept.
/// </summary>
internal sealed partial record DeviceFingerprint(byte[] Hash)
{
    /// <summary>Longer user agents are cut here before anything is read from them; real ones are a few hundred characters.</summary>
    public const int MaxUserAgentLength = 512;

    public static DeviceFingerprint Of(string? userAgent, IPAddress? address) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{BrowserFamily(userAgent)}\n{Network(address)}")));

    /// <summary>The user agent without its digits: "Chrome/120.0.6099.71" and "Chrome/121.0.6167.85" read alike.</summary>
    public static string BrowserFamily(string? userAgent)
    {
        var text = (userAgent ?? "").Trim();
        return Digits().Replace(text.Length > MaxUserAgentLength ? text[..MaxUserAgentLength] : text, "");
    }

    public static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        var (keep, prefix) = address.AddressFamily == AddressFamily.InterNetworkV6 ? (8, 64) : (3, 24);
        Array.Clear(bytes, keep, bytes.Length - keep);
        return $"{new IPAddress(bytes)}/{prefix}";
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
