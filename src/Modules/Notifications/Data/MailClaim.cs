namespace Platform.Notifications.Data;

internal enum MailClaim
{
    Claimed,
    AlreadySent,
    /// <summary>Another run holds it; it is not sent twice at once.</summary>
    Busy,
}
