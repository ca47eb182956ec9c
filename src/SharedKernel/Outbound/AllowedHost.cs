using System.Net;

namespace Platform.SharedKernel.Outbound;

/// <summary>
/// An <c>OutboundRequests:AllowedHosts</c> entry, <c>host</c> or <c>host:port</c> (IPv6 in brackets): a host that may be on
/// a loopback or private network, on that port only (without one, on the scheme's default port).
/// </summary>
public sealed record AllowedHost(string Host, int? Port)
{
    public static bool TryParse(string entry, out AllowedHost allowed)
    {
        allowed = null!;
        if (string.IsNullOrWhiteSpace(entry) || !Uri.TryCreate("scheme://" + entry.Trim(), UriKind.Absolute, out var uri) ||
            uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }
        // A scheme of its own has no default port, so any port written is explicit.
        allowed = new AllowedHost(Normalize(uri.IdnHost), uri.IsDefaultPort ? null : uri.Port);
        return true;
    }

    public bool Matches(string host, int port, int defaultPort) =>
        string.Equals(Host, Normalize(host), StringComparison.OrdinalIgnoreCase) && (Port ?? defaultPort) == port;

    /// <summary>One spelling per host: addresses in their canonical form, names in lower case without a trailing dot.</summary>
    internal static string Normalize(string host)
    {
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var address) ? address.ToString() : bare.TrimEnd('.').ToLowerInvariant();
    }
}
