namespace Platform.SocialAccounts.Contracts;

public enum MediaKind
{
    Image,
    Video,
    Gif,
}

/// <summary>
/// A media file to publish. <see cref="Url"/> must be publicly fetchable (Meta, TikTok and Pinterest pull it);
/// platforms that need the bytes (X, LinkedIn, YouTube) download it from there.
/// </summary>
public sealed record MediaItem(string Url, MediaKind Kind, string ContentType, long SizeBytes, string? AltText = null, double? DurationSeconds = null);

/// <summary>
/// What to publish on one account. Platform-specific fields: <see cref="Title"/> (YouTube, Reddit, Pinterest),
/// <see cref="BoardId"/> (Pinterest), <see cref="Subreddit"/> (Reddit), <see cref="PrivacyLevel"/> (TikTok, YouTube),
/// <see cref="Interactions"/> (TikTok).
/// </summary>
public sealed record PostContent(
    string? Text,
    IReadOnlyList<MediaItem>? Media = null,
    string? Link = null,
    string? Title = null,
    string? BoardId = null,
    string? Subreddit = null,
    string? PrivacyLevel = null,
    Interactions? Interactions = null)
{
    public IReadOnlyList<MediaItem> MediaItems => Media ?? [];
}

/// <summary>
/// What viewers may do with the post (TikTok: comment, duet, stitch). Each is off unless the user turned it on, as
/// TikTok's content sharing guidelines ask (https://developers.tiktok.com/doc/content-sharing-guidelines).
/// </summary>
public sealed record Interactions(bool Comments = false, bool Duets = false, bool Stitches = false);

public sealed record PublishedPost(string PlatformPostId, string? Url);

public sealed record RecentPost(string PlatformPostId, string? Text, DateTimeOffset? CreatedAt, string? Url);

/// <summary>
/// Counters a platform reports for one post; null where the platform does not expose the number. Impressions count
/// times shown, reach counts distinct people shown it; platforms that report only one must not pass it as the other.
/// </summary>
public sealed record PostMetrics(
    string PlatformPostId,
    long? Impressions = null,
    long? Views = null,
    long? Likes = null,
    long? Comments = null,
    long? Shares = null,
    long? Clicks = null,
    IReadOnlyDictionary<string, long>? Other = null,
    long? Reach = null,
    long? Saves = null);
