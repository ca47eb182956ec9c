using Platform.Notifications.Contracts;

namespace Platform.Notifications.Data;

/// <summary>
/// One mail for one event, recipient and kind (unique together), written in the unit of work that handles the event and
/// sent by <see cref="Email.SendMailJob"/>, which claims it for a while before sending and marks it sent after.
/// </summary>
internal sealed class OutgoingMail
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid SourceEventId { get; init; }
    public NotificationKind Kind { get; init; }
    public Guid? RecipientUserId { get; init; }
    public required string RecipientEmail { get; init; }
    /// <summary>What the template needs, as a JSON object of strings; never a token (those are derived when sending).</summary>
    public required string Parameters { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public MailClaim ClaimAt(DateTimeOffset now, TimeSpan hold)
    {
        if (SentAt is not null)
        {
            return MailClaim.AlreadySent;
        }
        if (ClaimedUntil > now)
        {
            return MailClaim.Busy;
        }
        ClaimedUntil = now + hold;
        Attempts++;
        return MailClaim.Claimed;
    }

    public void Release() => ClaimedUntil = null;

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        ClaimedUntil = null;
    }
}
