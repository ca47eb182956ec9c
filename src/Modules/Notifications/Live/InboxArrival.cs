using Platform.Notifications.Contracts;

namespace Platform.Notifications.Live;

/// <summary>The data of a <c>notification</c> event: the new in-app item, as the list shows it.</summary>
internal sealed record InboxArrival(Guid Id, NotificationKind Kind, string Title, string Body, DateTimeOffset CreatedAt);
