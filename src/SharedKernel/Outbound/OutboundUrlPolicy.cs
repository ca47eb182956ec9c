using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Outbound;

/// <summary>
/// Decides whether the platform may send a request to a URL a tenant gave: https (http only where the caller allows it),
/// no credentials in the URL, the scheme's default port unless configured, and a host whose every address is public
/// unless <c>OutboundRequests:AllowedHosts</c> lists it. Used when the URL is saved and, by <see cref="PinnedConnector"/>,
/// again for the address each connection is actually made to.
/// </summary>
public sealed class OutboundUrlPolicy(IOptions<OutboundRequestOptions> options, IHostResolver resolver)
{
    private readonly IReadOnlyList<AllowedHost> allowedHosts = options.Value.ParsedAllowedHosts();

    /// <summary>The checks that need no lookup; on success <paramref name="uri"/> is the parsed URL.</summary>
    public OutboundRefusal? CheckUrl(string url, bool allowHttp, out Uri uri)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri!) || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic || uri.IdnHost.Length == 0)
        {
            return new OutboundRefusal(OutboundRefusalReason.InvalidUrl, "It must be an absolute URL with a host.");
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return new OutboundRefusal(OutboundRefusalReason.SchemeNotAllowed, allowHttp ? "It must be an http or https URL." : "It must be an https URL.");
        }
        if (uri.UserInfo.Length > 0)
        {
            return new OutboundRefusal(OutboundRefusalReason.Credentials, "It must not contain a user name or password.");
        }
        return CheckPort(uri.IdnHost, uri.Port, DefaultPort(uri.Scheme));
    }

    /// <summary>Every check, the host's addresses included (looked up within <c>OutboundRequests:ResolveTimeout</c>).</summary>
    public async Task<OutboundRefusal?> CheckAsync(string url, bool allowHttp, CancellationToken cancellationToken)
    {
        if (CheckUrl(url, allowHttp, out var uri) is { } refusal)
        {
            return refusal;
        }
        if (IsAllowedHost(uri.IdnHost, uri.Port, DefaultPort(uri.Scheme)))
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ResolveTimeout);
        try
        {
            var (_, addressRefusal) = await ResolveAsync(Host(uri.IdnHost), timeout.Token);
            return addressRefusal;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new OutboundRefusal(OutboundRefusalReason.Unresolvable, $"{uri.IdnHost} did not resolve within {options.Value.ResolveTimeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>
    /// The addresses a connection to <paramref name="host"/>:<paramref name="port"/> may be made to, looked up once
    /// here so that the caller connects to exactly what was checked.
    /// </summary>
    /// <exception cref="OutboundRequestRefusedException">The port, or any address of the host, is refused.</exception>
    public async Task<IPAddress[]> AddressesToConnectAsync(string host, int port, string scheme, CancellationToken cancellationToken)
    {
        var bare = Host(host);
        if (IsAllowedHost(bare, port, DefaultPort(scheme)))
        {
            return IPAddress.TryParse(bare, out var literal) ? [literal] : await resolver.ResolveAsync(bare, cancellationToken);
        }
        if (CheckPort(bare, port, DefaultPort(scheme)) is { } portRefusal)
        {
            throw new OutboundRequestRefusedException(portRefusal);
        }
        var (addresses, refusal) = await ResolveAsync(bare, cancellationToken);
        return refusal is null ? addresses : throw new OutboundRequestRefusedException(refusal);
    }

    private async Task<(IPAddress[] Addresses, OutboundRefusal? Refusal)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                addresses = [];
            }
        }
        if (addresses.Length == 0)
        {
            return (addresses, new OutboundRefusal(OutboundRefusalReason.Unresolvable, $"{host} does not resolve to an address."));
        }
        // One private address among public ones is enough to refuse: which one a connection gets is not ours to choose.
        foreach (var address in addresses)
        {
            if (PublicAddress.WhyNot(address) is { } reason)
            {
                return (addresses, OutboundRefusal.ForAddress(reason, host, address));
            }
        }
        return (addresses, null);
    }

    private OutboundRefusal? CheckPort(string host, int port, int defaultPort) =>
        port == defaultPort || options.Value.AllowedPorts.Contains(port) || IsAllowedHost(host, port, defaultPort)
            ? null
            : new OutboundRefusal(OutboundRefusalReason.PortNotAllowed, $"Port {port} is not allowed; leave the port out.");

    private bool IsAllowedHost(string host, int port, int defaultPort) => allowedHosts.Any(allowed => allowed.Matches(host, port, defaultPort));

    private static string Host(string host) => host.Trim('[', ']');

    private static int DefaultPort(string scheme) => scheme == Uri.UriSchemeHttp ? 80 : 443;
}
