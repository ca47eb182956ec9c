namespace Platform.Webhooks.Data;

/// <summary>One attempt of a delivery, as the delivery log shows it.</summary>
internal sealed class DeliveryAttempt
{
    public Guid DeliveryId { get; set; }
    public int Attempt { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public int LatencyMs { get; set; }
    public string? ResponseExcerpt { get; set; }
    public string? Error { get; set; }
}
