using System.Buffers.Binary;

namespace Platform.PublishLab;

/// <summary>
/// The two smallest files the lab's posts carry: a JPEG still and an MP4 video, built byte by byte so the lab needs no
/// encoder. The platforms the lab drives check media by its type and size, not by decoding it.
/// </summary>
internal static class LabMediaFiles
{
    /// <summary>The video's length as its movie header states it (and as the post declares it).</summary>
    public const int VideoSeconds = 5;

    /// <summary>
    /// An 8x8 mid-grey baseline JPEG (ITU-T T.81, https://www.w3.org/Graphics/JPEG/itu-t81.pdf, with the JFIF APP0 of
    /// https://www.w3.org/Graphics/JPEG/jfif3.pdf): one component, a flat quantisation table, and Huffman tables of one
    /// code each; its single block has a zero DC difference and no AC coefficients (end of block at once).
    /// </summary>
    public static byte[] Jpeg()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 }; // SOI
        bytes.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        bytes.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]); // DQT: table 0, 8-bit, 64 entries
        bytes.AddRange(Enumerable.Repeat((byte)1, 64));
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]); // SOF0: 8x8, one component
        foreach (var table in new byte[] { 0x00, 0x10 }) // DHT: DC table 0, then AC table 0; one code of length 1 for symbol 0
        {
            bytes.AddRange([0xFF, 0xC4, 0x00, 0x14, table, 0x01]);
            bytes.AddRange(Enumerable.Repeat((byte)0, 15));
            bytes.Add(0x00);
        }
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]); // SOS: component 1 on tables 0/0
        bytes.Add(0x3F); // DC "0" (difference 0), AC "0" (end of block), padded with one bits
        bytes.AddRange([0xFF, 0xD9]); // EOI
        return [.. bytes];
    }

    /// <summary>
    /// An ISO base media file (ISO/IEC 14496-12; box layout as https://developer.apple.com/documentation/quicktime-file-format
    /// describes it): <c>ftyp</c> (isom, mp41), <c>moov</c> with a version 0 <c>mvhd</c> of <see cref="VideoSeconds"/>
    /// seconds at timescale 1000, and an empty <c>mdat</c>.
    /// </summary>
    public static byte[] Mp4()
    {
        var ftyp = Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isom"u8, .. "mp41"u8]);
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), 1000); // timescale
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), VideoSeconds * 1000); // duration
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(20), 0x0001_0000); // rate 1.0
        BinaryPrimitives.WriteUInt16BigEndian(mvhd.AsSpan(24), 0x0100); // volume 1.0
        uint[] unity = [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000];
        for (var i = 0; i < unity.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(36 + (4 * i)), unity[i]);
        }
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(96), 1); // next track id
        return [.. ftyp, .. Box("moov", Box("mvhd", mvhd)), .. Box("mdat", [])];
    }

    private static byte[] Box(string type, byte[] payload)
    {
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        System.Text.Encoding.ASCII.GetBytes(type, box.AsSpan(4));
        payload.CopyTo(box, 8);
        return box;
    }
}
