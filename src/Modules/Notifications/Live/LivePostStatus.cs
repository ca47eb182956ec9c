namespace Platform.Notifications.Live;

/// <summary>A post's status as the live stream reports it; target-level outcomes carry the target's id.</summary>
internal enum LivePostStatus
{
    Scheduled,
    Published,
    PartiallyPublished,
    Failed,
    Unconfirmed,
}
