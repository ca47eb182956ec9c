using System.Net;

namespace Platform.SharedKernel.Outbound;

/// <summary>
/// Decides whether an address is on the public internet, from the IANA special-purpose address registries
/// (https://www.iana.org/assignments/iana-ipv4-special-registry/, https://www.iana.org/assignments/iana-ipv6-special-registry/).
/// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the address they carry.
/// </summary>
public static class PublicAddress
{
    private static readonly (AddressBlock Block, OutboundRefusalReason Reason)[] Ipv4 =
    [
        (AddressBlock.Parse("0.0.0.0/8"), OutboundRefusalReason.Unspecified),
        (AddressBlock.Parse("10.0.0.0/8"), OutboundRefusalReason.Private),
        (AddressBlock.Parse("100.64.0.0/10"), OutboundRefusalReason.SharedAddressSpace),
        (AddressBlock.Parse("127.0.0.0/8"), OutboundRefusalReason.Loopback),
        (AddressBlock.Parse("169.254.0.0/16"), OutboundRefusalReason.LinkLocal),
        (AddressBlock.Parse("172.16.0.0/12"), OutboundRefusalReason.Private),
        (AddressBlock.Parse("192.0.0.0/24"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("192.0.2.0/24"), OutboundRefusalReason.Documentation),
        (AddressBlock.Parse("192.88.99.0/24"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("192.168.0.0/16"), OutboundRefusalReason.Private),
        (AddressBlock.Parse("198.18.0.0/15"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("198.51.100.0/24"), OutboundRefusalReason.Documentation),
        (AddressBlock.Parse("203.0.113.0/24"), OutboundRefusalReason.Documentation),
        (AddressBlock.Parse("224.0.0.0/4"), OutboundRefusalReason.Multicast),
        (AddressBlock.Parse("255.255.255.255/32"), OutboundRefusalReason.Broadcast),
        (AddressBlock.Parse("240.0.0.0/4"), OutboundRefusalReason.Reserved),
    ];

    private static readonly (AddressBlock Block, OutboundRefusalReason Reason)[] Ipv6 =
    [
        (AddressBlock.Parse("::/128"), OutboundRefusalReason.Unspecified),
        (AddressBlock.Parse("::1/128"), OutboundRefusalReason.Loopback),
        (AddressBlock.Parse("64:ff9b:1::/48"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("100::/64"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("2001:db8::/32"), OutboundRefusalReason.Documentation),
        // IETF protocol assignments, Teredo (whose embedded addresses are obfuscated), benchmarking, ORCHID.
        (AddressBlock.Parse("2001::/23"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("3fff::/20"), OutboundRefusalReason.Documentation),
        (AddressBlock.Parse("5f00::/16"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("fc00::/7"), OutboundRefusalReason.UniqueLocal),
        (AddressBlock.Parse("fe80::/10"), OutboundRefusalReason.LinkLocal),
        (AddressBlock.Parse("fec0::/10"), OutboundRefusalReason.Reserved),
        (AddressBlock.Parse("ff00::/8"), OutboundRefusalReason.Multicast),
    ];

    private static readonly AddressBlock GlobalUnicast = AddressBlock.Parse("2000::/3");
    private static readonly AddressBlock Ipv4Compatible = AddressBlock.Parse("::/96");
    private static readonly AddressBlock Nat64 = AddressBlock.Parse("64:ff9b::/96");
    private static readonly AddressBlock SixToFour = AddressBlock.Parse("2002::/16");

    /// <summary>Why <paramref name="address"/> is not a public unicast address, or null when it is.</summary>
    public static OutboundRefusalReason? WhyNot(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return OutboundRefusalReason.Reserved;
        }
        bytes = bytes[..length];
        if (length == 4)
        {
            return Classify(bytes, Ipv4);
        }
        if (address.IsIPv4MappedToIPv6 || Nat64.Contains(bytes))
        {
            return Classify(bytes[12..], Ipv4);
        }
        if (SixToFour.Contains(bytes))
        {
            return Classify(bytes[2..6], Ipv4);
        }
        if (Classify(bytes, Ipv6) is { } reason)
        {
            return reason;
        }
        if (Ipv4Compatible.Contains(bytes))
        {
            // Deprecated (RFC 4291 2.5.5.1): nothing public is reached this way, but name what it hides when that is worse.
            return Classify(bytes[12..], Ipv4) ?? OutboundRefusalReason.Reserved;
        }
        return GlobalUnicast.Contains(bytes) ? null : OutboundRefusalReason.Reserved;
    }

    private static OutboundRefusalReason? Classify(ReadOnlySpan<byte> bytes, (AddressBlock Block, OutboundRefusalReason Reason)[] table)
    {
        foreach (var (block, reason) in table)
        {
            if (block.Contains(bytes))
            {
                return reason;
            }
        }
        return null;
    }
}
