using System.Net;

namespace Platform.SharedKernel.Outbound;

/// <summary>A CIDR block, e.g. <c>10.0.0.0/8</c>.</summary>
internal readonly record struct AddressBlock(byte[] Network, int PrefixLength)
{
    public static AddressBlock Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return new AddressBlock(IPAddress.Parse(cidr[..slash]).GetAddressBytes(), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether <paramref name="address"/> (bytes of the same family) lies in the block.</summary>
    public bool Contains(ReadOnlySpan<byte> address)
    {
        if (address.Length != Network.Length)
        {
            return false;
        }
        var whole = PrefixLength / 8;
        if (!address[..whole].SequenceEqual(Network.AsSpan(0, whole)))
        {
            return false;
        }
        var rest = PrefixLength % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (address[whole] & mask) == (Network[whole] & mask);
    }
}
