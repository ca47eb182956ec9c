namespace Platform.SharedKernel.Outbound;

/// <summary>A refused outbound URL or address: the reason, and a sentence for the person who gave the URL.</summary>
public sealed record OutboundRefusal(OutboundRefusalReason Reason, string Message)
{
    public static OutboundRefusal ForAddress(OutboundRefusalReason reason, string host, System.Net.IPAddress address) =>
        new(reason, host == address.ToString()
            ? $"{address} is {Describe(reason)}."
            : $"{host} resolves to {address}, {Describe(reason)}.");

    private static string Describe(OutboundRefusalReason reason) => reason switch
    {
        OutboundRefusalReason.Loopback => "a loopback address",
        OutboundRefusalReason.Private => "a private network address",
        OutboundRefusalReason.LinkLocal => "a link-local address",
        OutboundRefusalReason.SharedAddressSpace => "a carrier-grade NAT address",
        OutboundRefusalReason.UniqueLocal => "an IPv6 unique local address",
        OutboundRefusalReason.Multicast => "a multicast address",
        OutboundRefusalReason.Broadcast => "the broadcast address",
        OutboundRefusalReason.Unspecified => "an unspecified address",
        OutboundRefusalReason.Documentation => "a documentation address",
        _ => "a reserved address",
    };
}
