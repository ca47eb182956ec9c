using Platform.Notifications.Contracts;

namespace Platform.Notifications.Features.Preferences;

/// <summary>Whether the user gets mail of one kind; <see cref="CanSwitchOff"/> is false for security mail.</summary>
internal sealed record PreferenceItem(NotificationKind Kind, bool Enabled, bool CanSwitchOff);
