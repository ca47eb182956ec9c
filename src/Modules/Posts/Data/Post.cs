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

internal sealed record PostMedia(string Url, string Kind, string ContentType, long SizeBytes, string? AltText = null, double? DurationSeconds = null);

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
}
