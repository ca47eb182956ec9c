namespace Platform.Notifications.Live;

/// <summary>A social account's health as the live stream reports it.</summary>
internal enum AccountHealth
{
    /// <summary>Connected (again) and usable.</summary>
    Healthy,
    /// <summary>Its token expired, was revoked or cannot be read: a person must reconnect it.</summary>
    NeedsReconnect,
    /// <summary>Publishing to it stopped: its breaker opened, or a person paused it.</summary>
    Paused,
}
