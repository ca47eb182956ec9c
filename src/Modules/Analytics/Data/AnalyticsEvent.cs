namespace Platform.Analytics.Data;

internal sealed class AnalyticsEvent
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? PostId { get; set; }
    public Guid? SocialAccountId { get; set; }
    public required string EventType { get; set; }
    public required string Platform { get; set; }
    public int Value { get; set; } = 1;
    /// <summary>The integration event this row came from; unique, so a redelivered event is recorded once.</summary>
    public Guid? SourceEventId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
