using System.Text;
using Platform.Media.Contracts;
using Platform.Media.Data;

namespace Platform.Media.Detection;

/// <summary>
/// Decides a file's type from its first bytes alone, the way the WHATWG MIME Sniffing Standard matches image and video
/// patterns (https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern,
/// https://mimesniff.spec.whatwg.org/#matching-an-audio-or-video-type-pattern). The name and the declared type are never asked.
/// </summary>
internal static class MediaSniffer
{
    /// <summary>How many leading bytes the sniffer looks at (enough for an MP4 brand list or a WebM EBML header).</summary>
    public const int HeaderLength = 256;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ebml = [0x1A, 0x45, 0xDF, 0xA3];

    // ISO BMFF brands of still-image containers (HEIF, AVIF): they share the ftyp box with video but are not video.
    private static readonly string[] StillImageBrands = ["heic", "heix", "hevc", "hevx", "mif1", "msf1", "avif", "avis"];

    public static Sniffed Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(Png))
        {
            return Sniffed.Accepted(new DetectedType(MediaKind.Image, "image/png"), "a PNG image");
        }
        if (header.StartsWith(Jpeg))
        {
            return Sniffed.Accepted(new DetectedType(MediaKind.Image, "image/jpeg"), "a JPEG image");
        }
        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Sniffed.Accepted(new DetectedType(MediaKind.Gif, "image/gif"), "a GIF image");
        }
        if (header.Length >= 14 && header.StartsWith("RIFF"u8) && header[8..14].SequenceEqual("WEBPVP"u8))
        {
            return Sniffed.Accepted(new DetectedType(MediaKind.Image, "image/webp"), "a WebP image");
        }
        if (IsoMediaBrands(header) is { } brands)
        {
            return SniffIsoMedia(brands);
        }
        if (header.StartsWith(Ebml))
        {
            return EbmlDocType(header) == "webm"
                ? Sniffed.Accepted(new DetectedType(MediaKind.Video, "video/webm"), "a WebM video")
                : Sniffed.Refused("a Matroska file that is not WebM");
        }
        return Sniffed.Refused(DescribeRefused(header));
    }

    private static Sniffed SniffIsoMedia(IReadOnlyList<string> brands)
    {
        if (brands.Any(b => StillImageBrands.Contains(b)))
        {
            return Sniffed.Refused("a HEIF or AVIF image, which the library does not accept");
        }
        if (brands[0] == "qt  ")
        {
            return Sniffed.Accepted(new DetectedType(MediaKind.Video, "video/quicktime"), "a QuickTime (MOV) video");
        }
        if (brands.Any(b => b.StartsWith("mp4", StringComparison.Ordinal) || b.StartsWith("iso", StringComparison.Ordinal) || b is "avc1" or "M4V " or "dash" or "qt  "))
        {
            return Sniffed.Accepted(new DetectedType(MediaKind.Video, "video/mp4"), "an MP4 video");
        }
        return Sniffed.Refused($"an ISO media file of brand '{brands[0].Trim()}', which is not MP4 or MOV video");
    }

    /// <summary>The major and compatible brands of a leading <c>ftyp</c> box (size, "ftyp", major brand, minor version, brands).</summary>
    private static List<string>? IsoMediaBrands(ReadOnlySpan<byte> header)
    {
        if (header.Length < 16 || !header[4..8].SequenceEqual("ftyp"u8))
        {
            return null;
        }
        var size = (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header), (uint)header.Length);
        if (size < 16)
        {
            return null;
        }
        var brands = new List<string> { Encoding.Latin1.GetString(header[8..12]) };
        for (var offset = 16; offset + 4 <= size; offset += 4)
        {
            brands.Add(Encoding.Latin1.GetString(header[offset..(offset + 4)]));
        }
        return brands;
    }

    /// <summary>The DocType string (element 0x4282) of the EBML header, if it is within the first bytes.</summary>
    private static string? EbmlDocType(ReadOnlySpan<byte> header)
    {
        var reader = new EbmlReader(header.ToArray());
        if (reader.ReadElement() is not { Id: 0x1A45DFA3 } ebmlHeader)
        {
            return null;
        }
        var body = reader.Child(ebmlHeader);
        while (body.ReadElement() is { } element)
        {
            if (element.Id == 0x4282)
            {
                return body.ReadString(element);
            }
            body.Skip(element);
        }
        return null;
    }

    private static string DescribeRefused(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("#!"u8))
        {
            return "a script (it starts with '#!')";
        }
        if (header.StartsWith("%PDF-"u8))
        {
            return "a PDF document";
        }
        if (header.StartsWith("PK\u0003\u0004"u8))
        {
            return "a ZIP archive (or an Office document)";
        }
        if (header.StartsWith("\u007FELF"u8))
        {
            return "an ELF executable";
        }
        if (header.StartsWith("MZ"u8))
        {
            return "a Windows executable";
        }
        var text = Encoding.UTF8.GetString(header).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<?php", StringComparison.OrdinalIgnoreCase))
        {
            return "a PHP script";
        }
        if (text.StartsWith('<'))
        {
            return text.Contains("<svg", StringComparison.OrdinalIgnoreCase)
                ? "an SVG document, which may carry scripts"
                : "HTML or XML markup";
        }
        return LooksLikeText(header) ? "plain text" : "a format the library does not recognise";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> header)
    {
        foreach (var b in header)
        {
            if (b < 0x09 || b is > 0x0D and < 0x20)
            {
                return false;
            }
        }
        return true;
    }
}
