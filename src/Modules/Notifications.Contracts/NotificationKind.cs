namespace Platform.Notifications.Contracts;

/// <summary>What a notification is about; each kind can be switched off by the user, except the security kinds.</summary>
public enum NotificationKind
{
    Invitation,
    PasswordReset,
    AccountNeedsReconnect,
    PostFailed,
    /// <summary>A post's outcome could not be confirmed after every lookup: a person should check the platform.</summary>
    PostUnconfirmed,
    /// <summary>A subscription payment failed (to the tenant's owners).</summary>
    PaymentFailed,
    /// <summary>The user turned two-step sign-in on or off (security: always mailed).</summary>
    MfaChanged,
    /// <summary>The team has used most of this month's AI budget (to admins, once a month).</summary>
    AiBudgetNearlySpent,
    /// <summary>A link to verify the user's e-mail address (security: always mailed, not listed in the app).</summary>
    EmailVerification,
    /// <summary>The user signed in from a device not seen before (security: always mailed).</summary>
    NewDeviceSignIn,
}
