using System.Net;
using Microsoft.AspNetCore.Http;

namespace Platform.Users.Features.Shared;

/// <summary>
/// The client address sign-in failures are counted against: the connection's peer, which the host's forwarded
/// headers setting has already replaced by the client's address when the peer is a configured proxy.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64 network, the block one subscriber usually holds, so that
    /// stepping through the addresses of one's own network does not make a fresh sender each time.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
