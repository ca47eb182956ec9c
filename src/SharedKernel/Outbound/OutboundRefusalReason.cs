namespace Platform.SharedKernel.Outbound;

/// <summary>Why a URL given by a tenant may not be fetched or posted to by the platform.</summary>
public enum OutboundRefusalReason
{
    /// <summary>Not an absolute URL with a host.</summary>
    InvalidUrl,
    /// <summary>Not https (or http where the caller allows it).</summary>
    SchemeNotAllowed,
    /// <summary>The URL carries a user name or password.</summary>
    Credentials,
    /// <summary>A port other than the scheme's default that is not configured.</summary>
    PortNotAllowed,
    /// <summary>The host name has no address.</summary>
    Unresolvable,
    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,
    /// <summary>RFC 1918: 10/8, 172.16/12, 192.168/16.</summary>
    Private,
    /// <summary>169.254/16 (cloud metadata lives there), fe80::/10.</summary>
    LinkLocal,
    /// <summary>Carrier-grade NAT, 100.64/10 (RFC 6598).</summary>
    SharedAddressSpace,
    /// <summary>IPv6 unique local addresses, fc00::/7 (RFC 4193).</summary>
    UniqueLocal,
    /// <summary>224/4, ff00::/8.</summary>
    Multicast,
    /// <summary>255.255.255.255.</summary>
    Broadcast,
    /// <summary>0.0.0.0/8, ::.</summary>
    Unspecified,
    /// <summary>192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20.</summary>
    Documentation,
    /// <summary>Any other special-purpose or unallocated range (benchmarking, 240/4, Teredo, deprecated forms...).</summary>
    Reserved,
}
