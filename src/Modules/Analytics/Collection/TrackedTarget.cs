using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>A published target whose metrics are being collected: what a fetch needs to ask its platform.</summary>
internal sealed class TrackedTarget
{
    public Guid TargetId { get; set; }
    public Guid TenantId { get; set; }
    public Guid PostId { get; set; }
    public Guid SocialAccountId { get; set; }
    public SocialPlatform Platform { get; set; }
    public required string PlatformPostId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}
