namespace Platform.Media.Detection;

/// <summary>
/// Reads duration and picture size from a WebM file's Segment Info and Tracks, using the Matroska element ids of
/// RFC 9559 (https://www.rfc-editor.org/rfc/rfc9559#section-5.1): Segment 0x18538067, Info 0x1549A966, TimestampScale
/// 0x2AD7B1, Duration 0x4489, Tracks 0x1654AE6B, TrackEntry 0xAE, Video 0xE0, PixelWidth 0xB0, PixelHeight 0xBA,
/// Cluster 0x1F43B675. A file without an EBML header followed by a Segment is not a playable video.
/// </summary>
internal static class WebmHeader
{
    // Info and Tracks come before the first Cluster; this is far more than they take.
    private const int MaxHeaderBytes = 1024 * 1024;
    private const ulong DefaultTimestampScale = 1_000_000;

    public static VideoFacts? Read(Stream file)
    {
        var buffer = new byte[(int)Math.Min(file.Length, MaxHeaderBytes)];
        file.Position = 0;
        file.ReadExactly(buffer);
        var top = new EbmlReader(buffer);
        if (top.ReadElement() is not { Id: 0x1A45DFA3 } header)
        {
            return null;
        }
        top.Skip(header);
        if (top.ReadElement() is not { Id: 0x18538067 } segment)
        {
            return null;
        }
        var children = top.Child(segment);
        double? duration = null;
        var scale = DefaultTimestampScale;
        int? width = null;
        int? height = null;
        while (children.ReadElement() is { } element && element.Id != 0x1F43B675)
        {
            var inner = children.Child(element);
            children.Skip(element);
            if (element.Id == 0x1549A966)
            {
                (duration, scale) = ReadInfo(inner);
            }
            else if (element.Id == 0x1654AE6B && width is null)
            {
                (width, height) = ReadVideoSize(inner);
            }
        }
        return new VideoFacts(width, height, duration is { } ticks ? Math.Round(ticks * scale / 1e9, 3) : null);
    }

    private static (double? Duration, ulong Scale) ReadInfo(EbmlReader info)
    {
        double? duration = null;
        var scale = DefaultTimestampScale;
        while (info.ReadElement() is { } element)
        {
            switch (element.Id)
            {
                case 0x2AD7B1:
                    scale = info.ReadUnsigned(element) is > 0 and var value ? value : DefaultTimestampScale;
                    break;
                case 0x4489:
                    duration = info.ReadFloat(element);
                    break;
                default:
                    info.Skip(element);
                    break;
            }
        }
        return (duration, scale);
    }

    private static (int? Width, int? Height) ReadVideoSize(EbmlReader tracks)
    {
        while (tracks.ReadElement() is { } entry)
        {
            var fields = tracks.Child(entry);
            tracks.Skip(entry);
            if (entry.Id != 0xAE)
            {
                continue;
            }
            while (fields.ReadElement() is { } field)
            {
                if (field.Id != 0xE0)
                {
                    fields.Skip(field);
                    continue;
                }
                var video = fields.Child(field);
                fields.Skip(field);
                int? width = null, height = null;
                while (video.ReadElement() is { } size)
                {
                    switch (size.Id)
                    {
                        case 0xB0: width = (int)video.ReadUnsigned(size); break;
                        case 0xBA: height = (int)video.ReadUnsigned(size); break;
                        default: video.Skip(size); break;
                    }
                }
                if (width > 0 && height > 0)
                {
                    return (width, height);
                }
            }
        }
        return (null, null);
    }
}
