using Platform.Posts.Contracts;

namespace Platform.Posts.Data;

internal enum PostType
{
    Text,
    Image,
    Video,
    Link,
    Carousel,
}

/// <summary>
/// A media file of a post: either a URL an integrator gave with its facts, or an item of the tenant's library
/// (<see cref="MediaId"/>, no URL) whose facts are copied here for the content rules and whose URL is signed at publish time.
/// </summary>
internal sealed record PostMedia(string? Url, string Kind, string ContentType, long SizeBytes, string? AltText = null, double? DurationSeconds = null, Guid? MediaId = null)
{
    public static PostMedia FromLibrary(Platform.Media.Contracts.LibraryMedia item) =>
        new(null, item.Kind.ToString().ToLowerInvariant(), item.ContentType, item.SizeBytes, item.AltText, item.DurationSeconds, item.Id);
}

internal sealed class Post
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CreatedBy { get; set; }
    public string? Title { get; set; }
    public string Content { get; set; } = "";
    public PostType Type { get; set; }
    public PostStatus Status { get; set; }
    public List<PostMedia> Media { get; set; } = [];
    public string? Link { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public string? TimeZone { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<PostTarget> Targets { get; set; } = [];

    /// <summary>Content can change only before any target has been sent.</summary>
    public bool IsEditable => Status is PostStatus.Draft or PostStatus.Scheduled;

    /// <summary>A post's status once publishing started is a function of its targets' statuses.</summary>
    public static PostStatus StatusOf(IReadOnlyCollection<PostTarget> targets)
    {
        if (targets.Any(t => !t.IsSettled))
        {
            return PostStatus.Publishing;
        }
        var published = targets.Count(t => t.Status == TargetStatus.Published);
        return published == targets.Count ? PostStatus.Published
            : published > 0 ? PostStatus.PartiallyPublished
            : PostStatus.Failed;
    }

    /// <summary>The first attempt of a scheduled post has started.</summary>
    public void StartPublishing(DateTimeOffset now)
    {
        if (Status == PostStatus.Scheduled)
        {
            Status = PostStatus.Publishing;
            UpdatedAt = now;
        }
    }

    /// <summary>A target settled: the post's status follows from all of its targets (<paramref name="targets"/>).</summary>
    public void Derive(IReadOnlyCollection<PostTarget> targets, DateTimeOffset now)
    {
        Status = StatusOf(targets);
        if (Status is PostStatus.Published or PostStatus.PartiallyPublished)
        {
            PublishedAt ??= now;
        }
        UpdatedAt = now;
    }

    /// <summary>An admin sends one of its settled targets again.</summary>
    public void ReopenForRetry(DateTimeOffset now)
    {
        Status = PostStatus.Publishing;
        UpdatedAt = now;
    }
}
