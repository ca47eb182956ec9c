namespace Platform.Posts.Data;

/// <summary>
/// Stands in for a library item's URL until publishing signs a real one: the content rules read only kind, type, size
/// and duration, and the publisher swaps every such reference before a platform sees the content.
/// </summary>
internal static class LibraryMediaReference
{
    private const string Scheme = "media-library:";

    public static string For(Guid mediaId) => Scheme + mediaId.ToString("D");

    public static bool TryParse(string url, out Guid mediaId)
    {
        mediaId = Guid.Empty;
        return url.StartsWith(Scheme, StringComparison.Ordinal) && Guid.TryParseExact(url[Scheme.Length..], "D", out mediaId);
    }
}
