namespace Platform.PlatformServers.Meta;

/// <summary>
/// A container's publishing status, as Instagram's <c>status_code</c> and Threads' <c>status</c> report it
/// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container,
/// https://developers.facebook.com/docs/threads/troubleshooting "Publishing Does Not Return a Media ID").
/// </summary>
public enum ContainerStatus
{
    IN_PROGRESS,
    FINISHED,
    ERROR,
    EXPIRED,
    PUBLISHED,
}

/// <summary>A media container (Instagram or Threads): created from public media URLs, processed, then published once.</summary>
public sealed class MediaContainer(string id, string ownerId, string mediaType, string? text)
{
    public string Id { get; } = id;
    public string OwnerId { get; } = ownerId;
    public string MediaType { get; } = mediaType;
    public string? Text { get; } = text;
    public string? ImageUrl { get; init; }
    public string? VideoUrl { get; init; }
    public string? AltText { get; init; }
    public bool IsCarouselItem { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<MediaContainer> Children { get; init; } = [];
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Status checks left before processing is done (the fault plan's "still processing for N polls").</summary>
    public int ProcessingPollsLeft { get; set; }

    /// <summary>Why processing failed (the media could not be fetched or is not in a supported format), if it did.</summary>
    public string? ErrorMessage { get; set; }

    public bool Expired { get; set; }

    public string? PublishedMediaId { get; set; }

    public ContainerStatus Status =>
        PublishedMediaId is not null ? ContainerStatus.PUBLISHED
        : ErrorMessage is not null || Children.Any(c => c.ErrorMessage is not null) ? ContainerStatus.ERROR
        : Expired ? ContainerStatus.EXPIRED
        : ProcessingPollsLeft > 0 || Children.Any(c => c.ProcessingPollsLeft > 0) ? ContainerStatus.IN_PROGRESS
        : ContainerStatus.FINISHED;

    /// <summary>One status check: time passes, so processing gets one poll closer to done.</summary>
    public void Poll()
    {
        lock (this)
        {
            if (ProcessingPollsLeft > 0)
            {
                ProcessingPollsLeft--;
                return;
            }
        }
        Children.FirstOrDefault(c => c.ProcessingPollsLeft > 0)?.Poll();
    }
}

/// <summary>A published media object (Instagram media, a Threads post, a Page post).</summary>
public sealed record PublishedMedia(string Id, string OwnerId, string MediaType, string? Text, string? ContainerId, IReadOnlyList<string> ChildIds, string? ReplyToId, DateTimeOffset CreatedAt)
{
    public bool Deleted { get; set; }
}
