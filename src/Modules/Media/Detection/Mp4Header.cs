using System.Buffers.Binary;

namespace Platform.Media.Detection;

/// <summary>
/// Reads duration and picture size from an MP4/MOV file's movie box, following Apple's QuickTime File Format
/// (atoms: https://developer.apple.com/documentation/quicktime-file-format/atoms; movie header:
/// https://developer.apple.com/documentation/quicktime-file-format/movie_header_atom; track header:
/// https://developer.apple.com/documentation/quicktime-file-format/track_header_atom), which ISO/IEC 14496-12 shares.
/// A file without a readable <c>moov</c> is not a playable video.
/// </summary>
internal static class Mp4Header
{
    // A movie box describes every sample; even hours of video stay well under this.
    private const long MaxMovieBoxBytes = 64L * 1024 * 1024;

    public static VideoFacts? Read(Stream file)
    {
        var header = new byte[16];
        long offset = 0;
        while (offset + 8 <= file.Length)
        {
            file.Position = offset;
            if (file.ReadAtLeast(header.AsSpan(0, 8), 8, throwOnEndOfStream: false) < 8)
            {
                return null;
            }
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerSize = 8;
            if (size == 1)
            {
                if (file.ReadAtLeast(header.AsSpan(8, 8), 8, throwOnEndOfStream: false) < 8)
                {
                    return null;
                }
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = file.Length - offset;
            }
            if (size < headerSize || offset + size > file.Length)
            {
                return null;
            }
            if (header.AsSpan(4, 4).SequenceEqual("moov"u8))
            {
                if (size - headerSize > MaxMovieBoxBytes)
                {
                    return null;
                }
                var movie = new byte[size - headerSize];
                file.ReadExactly(movie);
                return ReadMovie(movie);
            }
            offset += size;
        }
        return null;
    }

    private static VideoFacts? ReadMovie(ReadOnlySpan<byte> movie)
    {
        double? duration = null;
        int? width = null;
        int? height = null;
        foreach (var (type, body) in Boxes(movie))
        {
            if (type == "mvhd")
            {
                duration = MovieDuration(body);
            }
            else if (type == "trak" && width is null)
            {
                foreach (var (childType, child) in Boxes(body))
                {
                    if (childType == "tkhd" && TrackSize(child) is { } size)
                    {
                        (width, height) = size;
                    }
                }
            }
        }
        return duration is null ? null : new VideoFacts(width, height, duration);
    }

    // version 0: creation, modification, time scale, duration as 32-bit; version 1: 64, 64, 32, 64.
    private static double? MovieDuration(byte[] body)
    {
        if (body.Length < 20)
        {
            return null;
        }
        var version = body[0];
        var (timeScale, duration) = version == 1 && body.Length >= 32
            ? (BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(20)), BinaryPrimitives.ReadUInt64BigEndian(body.AsSpan(24)))
            : (BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(12)), BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16)));
        return timeScale == 0 ? null : Math.Round((double)duration / timeScale, 3);
    }

    // After the times, track id and duration: 8 reserved, layer, group, volume, 2 reserved, a 36-byte matrix, then
    // width and height as 16.16 fixed point. Audio tracks have zero size.
    private static (int Width, int Height)? TrackSize(byte[] body)
    {
        var sizeOffset = body.Length > 0 && body[0] == 1 ? 4 + 8 + 8 + 4 + 4 + 8 + 52 : 4 + 4 + 4 + 4 + 4 + 4 + 52;
        if (body.Length < sizeOffset + 8)
        {
            return null;
        }
        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(sizeOffset)) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(sizeOffset + 4)) >> 16);
        return width > 0 && height > 0 ? (width, height) : null;
    }

    private static List<(string Type, byte[] Body)> Boxes(ReadOnlySpan<byte> data)
    {
        var boxes = new List<(string, byte[])>();
        var offset = 0;
        while (offset + 8 <= data.Length)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            var headerSize = 8;
            if (size == 1 && offset + 16 <= data.Length)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data[(offset + 8)..]);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = data.Length - offset;
            }
            if (size < headerSize || offset + size > data.Length)
            {
                break;
            }
            boxes.Add((System.Text.Encoding.Latin1.GetString(data.Slice(offset + 4, 4)), data.Slice(offset + headerSize, (int)size - headerSize).ToArray()));
            offset += (int)size;
        }
        return boxes;
    }
}
