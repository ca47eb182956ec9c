using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Platform.Media.Tests;

/// <summary>Files built byte by byte from the formats' public specifications, so tests never depend on fixtures on disk.</summary>
internal static class TestFiles
{
    /// <summary>A PNG of random pixels (opaque, it does not compress: about width × height × 3 bytes).</summary>
    public static byte[] NoisePng(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Gif()
    {
        // GIF89a: header, logical screen 2×1 without a colour table, image descriptor with a 2-colour local table, LZW data, trailer.
        // https://www.w3.org/Graphics/GIF/spec-gif89a.txt
        return [
            .. "GIF89a"u8, 2, 0, 1, 0, 0, 0, 0,
            0x2C, 0, 0, 0, 0, 2, 0, 1, 0, 0x80, 0, 0, 0, 0xFF, 0xFF, 0xFF,
            2, 2, 0x04, 0x0A, 0, 0x3B,
        ];
    }

    /// <summary>
    /// An MP4 with an ftyp box and a movie box holding mvhd (version 0) and one trak with tkhd (version 0), laid out as
    /// https://developer.apple.com/documentation/quicktime-file-format/movie_header_atom and
    /// https://developer.apple.com/documentation/quicktime-file-format/track_header_atom describe; then an mdat of filler.
    /// </summary>
    public static byte[] Mp4(uint timeScale, uint duration, int width, int height, string majorBrand = "isom")
    {
        var ftyp = Box("ftyp", [.. Encoding.ASCII.GetBytes(majorBrand), 0, 0, 2, 0, .. "isomiso2avc1mp41"u8]);
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), timeScale);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), duration);
        var tkhd = new byte[84];
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(76), (uint)width << 16);
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(80), (uint)height << 16);
        var moov = Box("moov", [.. Box("mvhd", mvhd), .. Box("trak", Box("tkhd", tkhd))]);
        return [.. ftyp, .. Box("mdat", new byte[64]), .. moov];
    }

    /// <summary>
    /// A WebM: EBML header with DocType "webm", then a Segment with Info (TimestampScale, Duration as a 64-bit float) and
    /// Tracks > TrackEntry > Video (PixelWidth, PixelHeight), element ids of https://www.rfc-editor.org/rfc/rfc9559#section-5.1.
    /// </summary>
    public static byte[] Webm(double durationMilliseconds, int width, int height)
    {
        var header = Element([0x1A, 0x45, 0xDF, 0xA3], Element([0x42, 0x82], "webm"u8.ToArray()));
        var durationBytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(durationBytes, durationMilliseconds);
        var info = Element([0x15, 0x49, 0xA9, 0x66], [.. Element([0x2A, 0xD7, 0xB1], [0x0F, 0x42, 0x40]), .. Element([0x44, 0x89], durationBytes)]);
        var video = Element([0xE0], [.. Element([0xB0], [(byte)(width >> 8), (byte)width]), .. Element([0xBA], [(byte)(height >> 8), (byte)height])]);
        var tracks = Element([0x16, 0x54, 0xAE, 0x6B], Element([0xAE], [.. Element([0xD7], [1]), .. video]));
        return [.. header, .. Element([0x18, 0x53, 0x80, 0x67], [.. info, .. tracks])];
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    // Sizes as 8-byte EBML integers (marker 0x01 then 7 bytes), which RFC 8794 allows for any element.
    private static byte[] Element(byte[] id, byte[] data)
    {
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)data.Length);
        size[0] = 0x01;
        return [.. id, .. size, .. data];
    }
}
