using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>Whether metrics collection works for an account, so a gap in the numbers always has a readable reason.</summary>
internal sealed class AccountAnalyticsStatus
{
    public Guid TenantId { get; set; }
    public Guid SocialAccountId { get; set; }
    public CollectionState State { get; private set; }
    public PlatformErrorKind? Refusal { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Collected(DateTimeOffset at)
    {
        State = CollectionState.Collecting;
        Refusal = null;
        Reason = null;
        UpdatedAt = at;
    }

    public void Refused(PlatformErrorKind refusal, string reason, DateTimeOffset at)
    {
        State = CollectionState.Refused;
        Refusal = refusal;
        Reason = reason;
        UpdatedAt = at;
    }
}
