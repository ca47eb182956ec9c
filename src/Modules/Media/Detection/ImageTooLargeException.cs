namespace Platform.Media.Detection;

/// <summary>An image with more pixels than <see cref="MediaOptions.MaxImagePixels"/> allows; it is refused before its pixels are decoded.</summary>
internal sealed class ImageTooLargeException(int width, int height) : Exception($"The image is {width}×{height} pixels.")
{
    public int Width { get; } = width;
    public int Height { get; } = height;
}
