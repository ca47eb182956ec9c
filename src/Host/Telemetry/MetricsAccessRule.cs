using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.Telemetry;

/// <summary>Decides whether a caller may read <c>/metrics</c>, from its address and the bearer it sent.</summary>
internal sealed class MetricsAccessRule
{
    private readonly IPNetwork[] allowed;
    private readonly byte[]? secret;

    public MetricsAccessRule(MetricsEndpointOptions options)
    {
        allowed = [.. options.AllowedAddresses.Select(AsNetwork)];
        secret = string.IsNullOrEmpty(options.BearerSecret) ? null : Encoding.UTF8.GetBytes(options.BearerSecret);
        if (allowed.Length == 0 && secret is null)
        {
            allowed = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
        }
    }

    /// <param name="client">The caller's address, after trusted proxies were walked back.</param>
    /// <param name="authorization">The Authorization header as sent, or empty.</param>
    public bool Allows(IPAddress? client, string? authorization) => AddressAllowed(client) && BearerAccepted(authorization);

    private bool AddressAllowed(IPAddress? client)
    {
        if (allowed.Length == 0)
        {
            return true;
        }
        if (client is null)
        {
            return false;
        }
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return allowed.Any(network => network.Contains(address));
    }

    private bool BearerAccepted(string? authorization)
    {
        if (secret is null)
        {
            return true;
        }
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Compared in constant time: a timing difference would tell a guesser how much of the secret it had right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()), secret);
    }

    private static IPNetwork AsNetwork(string entry) =>
        IPAddress.TryParse(entry, out var single)
            ? new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : IPNetwork.Parse(entry);
}
