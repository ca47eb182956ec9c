using System.Net;
using System.Net.Sockets;

namespace Platform.SharedKernel.Outbound;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of outbound clients: resolves the host itself, has
/// <see cref="OutboundUrlPolicy"/> check every address, and connects to one of exactly those addresses, so a DNS answer
/// that changes between check and connect (rebinding) cannot steer the connection elsewhere.
/// </summary>
public sealed class PinnedConnector(OutboundUrlPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var scheme = context.InitialRequestMessage.RequestUri?.Scheme ?? Uri.UriSchemeHttps;
        var addresses = await policy.AddressesToConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, scheme, cancellationToken);
        SocketException? last = null;
        foreach (var checkedAddress in addresses)
        {
            // The same destination either way; an IPv4 socket needs no dual-mode support from the machine.
            var address = checkedAddress.IsIPv4MappedToIPv6 ? checkedAddress.MapToIPv4() : checkedAddress;
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
