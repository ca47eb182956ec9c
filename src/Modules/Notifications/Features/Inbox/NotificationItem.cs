using Platform.Notifications.Contracts;
using Platform.Notifications.Data;

namespace Platform.Notifications.Features.Inbox;

internal sealed record NotificationItem(Guid Id, NotificationKind Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationItem From(InboxNotification item) => new(item.Id, item.Kind, item.Title, item.Body, item.CreatedAt, item.ReadAt);
}
