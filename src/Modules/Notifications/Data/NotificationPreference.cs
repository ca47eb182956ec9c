using Platform.Notifications.Contracts;

namespace Platform.Notifications.Data;

/// <summary>A user's choice for one kind of mail; no row means on.</summary>
internal sealed class NotificationPreference
{
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public NotificationKind Kind { get; init; }
    public bool Enabled { get; set; }
}
