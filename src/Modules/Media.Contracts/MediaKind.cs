namespace Platform.Media.Contracts;

/// <summary>What a library item is, decided from its bytes (never from its name or declared type).</summary>
public enum MediaKind
{
    Image,
    Video,
    Gif,
}
