using Microsoft.Extensions.Options;
using Platform.Media.Contracts;
using Platform.Media.Data;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Detection;

/// <summary>Checks that a received file is a whole, readable file of its sniffed type and reads its facts.</summary>
internal sealed class MediaInspector(IOptions<MediaOptions> options, InspectionQueue queue)
{
    public sealed record Inspection(InspectedMedia Media, byte[]? ThumbnailJpeg);

    /// <summary>Inspects the file when the queue gives it a turn; call it with no database connection held.</summary>
    public Task<Inspection> InspectAsync(DetectedType type, Stream file, CancellationToken cancellationToken) =>
        queue.RunAsync(() => Inspect(type, file), cancellationToken);

    private Inspection Inspect(DetectedType type, Stream file)
    {
        if (type.Kind is MediaKind.Image or MediaKind.Gif)
        {
            ImageInspector.Result? image;
            try
            {
                image = ImageInspector.Inspect(file, options.Value.MaxImagePixels, options.Value.ThumbnailMaxSide);
            }
            catch (ImageTooLargeException tooLarge)
            {
                throw new ProblemException(422, "Image too large",
                    $"The image is {tooLarge.Width}×{tooLarge.Height} pixels; at most {options.Value.MaxImagePixels} pixels are accepted.");
            }
            if (image is null)
            {
                throw Corrupt(type, "it does not decode completely (truncated or damaged)");
            }
            return new Inspection(new InspectedMedia(type, file.Length, image.Width, image.Height, null), image.ThumbnailJpeg);
        }
        var facts = type.ContentType == "video/webm" ? WebmHeader.Read(file) : Mp4Header.Read(file);
        if (facts is null)
        {
            throw Corrupt(type, "its container has no readable header (moov box or WebM segment)");
        }
        return new Inspection(new InspectedMedia(type, file.Length, facts.Width, facts.Height, facts.DurationSeconds), null);
    }

    private static ProblemException Corrupt(DetectedType type, string why) =>
        new(422, "Unreadable file", $"The file starts like {type.ContentType} but {why}.",
            new Dictionary<string, object?> { ["detectedType"] = type.ContentType });
}
