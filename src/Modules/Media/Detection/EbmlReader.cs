using System.Buffers.Binary;
using System.Text;

namespace Platform.Media.Detection;

/// <summary>
/// Reads EBML elements (variable-length ids and sizes) from a buffer, as RFC 8794 defines them
/// (https://www.rfc-editor.org/rfc/rfc8794#section-4). Truncated input ends the reading instead of throwing.
/// </summary>
internal sealed class EbmlReader(byte[] buffer, int start = 0, int end = -1)
{
    /// <summary>A size of all ones: the element runs to the end of its parent (a live-streamed Segment, say).</summary>
    public const long UnknownSize = -1;

    private readonly int limit = end < 0 ? buffer.Length : Math.Min(end, buffer.Length);
    private int position = start;

    public readonly record struct Element(uint Id, long Size, int DataStart);

    public Element? ReadElement()
    {
        if (!TryReadVint(keepMarker: true, out var id, out var idLength) || idLength > 4 ||
            !TryReadVint(keepMarker: false, out var size, out var sizeLength))
        {
            return null;
        }
        var allOnes = (1L << (7 * sizeLength)) - 1;
        return new Element((uint)id, size == allOnes ? UnknownSize : size, position);
    }

    /// <summary>A reader over the element's data (to the end of the buffer when its size is unknown or cut off).</summary>
    public EbmlReader Child(Element element) => new(buffer, element.DataStart, DataEnd(element));

    public void Skip(Element element) => position = DataEnd(element);

    public ulong ReadUnsigned(Element element)
    {
        var data = Data(element);
        ulong value = 0;
        foreach (var b in data[..Math.Min(8, data.Length)])
        {
            value = (value << 8) | b;
        }
        position = DataEnd(element);
        return value;
    }

    public double? ReadFloat(Element element)
    {
        var data = Data(element);
        position = DataEnd(element);
        return data.Length switch
        {
            4 => BinaryPrimitives.ReadSingleBigEndian(data),
            8 => BinaryPrimitives.ReadDoubleBigEndian(data),
            _ => null,
        };
    }

    public string ReadString(Element element)
    {
        var data = Data(element);
        position = DataEnd(element);
        return Encoding.ASCII.GetString(data).TrimEnd('\0');
    }

    private ReadOnlySpan<byte> Data(Element element) => buffer.AsSpan(element.DataStart, DataEnd(element) - element.DataStart);

    private int DataEnd(Element element) =>
        element.Size == UnknownSize || element.DataStart + element.Size > limit ? limit : element.DataStart + (int)element.Size;

    private bool TryReadVint(bool keepMarker, out long value, out int length)
    {
        value = 0;
        length = 0;
        if (position >= limit)
        {
            return false;
        }
        var first = buffer[position];
        length = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 24 + 1;
        if (length > 8 || position + length > limit)
        {
            return false;
        }
        value = keepMarker ? first : first & (0xFF >> length);
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | buffer[position + i];
        }
        position += length;
        return true;
    }
}
