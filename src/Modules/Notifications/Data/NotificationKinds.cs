using Platform.Notifications.Contracts;

namespace Platform.Notifications.Data;

internal static class NotificationKinds
{
    /// <summary>Mail a person needs to get into or keep their account; it cannot be switched off.</summary>
    public static bool IsSecurity(this NotificationKind kind) => kind is NotificationKind.Invitation or NotificationKind.PasswordReset or NotificationKind.MfaChanged
        or NotificationKind.EmailVerification or NotificationKind.NewDeviceSignIn;
}
