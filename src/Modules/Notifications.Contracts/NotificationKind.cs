namespace Platform.Notifications.Contracts;

/// <summary>What a notification is about; each kind can be switched off by the user, except the security kinds.</summary>
public enum NotificationKind
{
    Invitation,
    PasswordReset,
    AccountNeedsReconnect,
    PostFailed,
}
