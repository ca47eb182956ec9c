using SkiaSharp;

namespace Platform.Media.Detection;

/// <summary>Decodes an image completely (a truncated or corrupt one fails) and renders its thumbnail.</summary>
internal static class ImageInspector
{
    public sealed record Result(int Width, int Height, byte[] ThumbnailJpeg);

    /// <returns>Null when the bytes do not decode to a whole image.</returns>
    /// <exception cref="ImageTooLargeException">The picture has more pixels than allowed.</exception>
    public static Result? Inspect(Stream file, long maxPixels, int thumbnailMaxSide)
    {
        file.Position = 0;
        // The codec owns the stream it reads; the file itself stays open for storage.
        using var codec = SKCodec.Create(new SKManagedStream(file, disposeManagedStream: false), out var opened);
        if (codec is null || opened != SKCodecResult.Success)
        {
            return null;
        }
        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0)
        {
            return null;
        }
        if ((long)width * height > maxPixels)
        {
            throw new ImageTooLargeException(width, height);
        }
        // The first frame of an animation is decoded in full; IncompleteInput means the file was cut short.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            return null;
        }
        var scale = Math.Min(1.0, (double)thumbnailMaxSide / Math.Max(width, height));
        var thumbnailInfo = new SKImageInfo(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)),
            SKColorType.Rgba8888, SKAlphaType.Premul);
        using var picture = SKImage.FromBitmap(bitmap);
        using var flattened = new SKBitmap(thumbnailInfo);
        using (var canvas = new SKCanvas(flattened))
        {
            // JPEG has no transparency: transparent areas become white instead of black.
            canvas.Clear(SKColors.White);
            canvas.DrawImage(picture, new SKRect(0, 0, thumbnailInfo.Width, thumbnailInfo.Height),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        using var data = flattened.Encode(SKEncodedImageFormat.Jpeg, 80);
        return new Result(width, height, data.ToArray());
    }
}
