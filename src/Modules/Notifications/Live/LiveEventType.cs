namespace Platform.Notifications.Live;

/// <summary>What a live event tells the web app; written as the event's name on the stream.</summary>
internal enum LiveEventType
{
    /// <summary>A new item in the user's in-app list (sent to that user only).</summary>
    Notification,
    /// <summary>A post's status changed.</summary>
    Post,
    /// <summary>A social account's health changed.</summary>
    Account,
}
