using Platform.Notifications.Contracts;

namespace Platform.Notifications.Data;

/// <summary>A notification in a user's in-app list, one per event, user and kind.</summary>
internal sealed class InboxNotification
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public Guid SourceEventId { get; init; }
    public NotificationKind Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
