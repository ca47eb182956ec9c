using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>
/// What a platform reported for one target at one slot of its schedule, or for one refresh asked for now; null where the
/// platform has no such figure.
/// </summary>
internal sealed class MetricSnapshot
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid TargetId { get; set; }
    public Guid PostId { get; set; }
    public Guid SocialAccountId { get; set; }
    public SocialPlatform Platform { get; set; }
    /// <summary>The slot of the schedule this fetch was for; null for a fetch of a refresh.</summary>
    public int? Slot { get; set; }
    /// <summary>The refresh this fetch was for; null for a scheduled fetch.</summary>
    public Guid? RefreshId { get; set; }
    public DateTimeOffset FetchedAt { get; set; }
    public long? Impressions { get; set; }
    public long? Reach { get; set; }
    public long? Views { get; set; }
    public long? Likes { get; set; }
    public long? Comments { get; set; }
    public long? Shares { get; set; }
    public long? Saves { get; set; }
    public long? Clicks { get; set; }
    /// <summary>Figures of the platform's own that have no column (stored as jsonb).</summary>
    public Dictionary<string, long>? Others { get; set; }

    public static MetricSnapshot From(TrackedTarget target, int slot, PostMetrics metrics, DateTimeOffset fetchedAt) =>
        Build(target, metrics, fetchedAt, slot, refreshId: null);

    public static MetricSnapshot ForRefresh(TrackedTarget target, Guid refreshId, PostMetrics metrics, DateTimeOffset fetchedAt) =>
        Build(target, metrics, fetchedAt, slot: null, refreshId);

    private static MetricSnapshot Build(TrackedTarget target, PostMetrics metrics, DateTimeOffset fetchedAt, int? slot, Guid? refreshId)
    {
        var others = metrics.Other ?? new Dictionary<string, long>();
        return new MetricSnapshot
        {
            Id = Guid.NewGuid(),
            TenantId = target.TenantId,
            TargetId = target.TargetId,
            PostId = target.PostId,
            SocialAccountId = target.SocialAccountId,
            Platform = target.Platform,
            Slot = slot,
            RefreshId = refreshId,
            FetchedAt = fetchedAt,
            Impressions = metrics.Impressions,
            Reach = metrics.Reach,
            Views = metrics.Views,
            Likes = metrics.Likes,
            Comments = metrics.Comments,
            Shares = metrics.Shares,
            Saves = metrics.Saves,
            Clicks = metrics.Clicks,
            Others = others.Count == 0 ? null : new Dictionary<string, long>(others, StringComparer.Ordinal),
        };
    }
}
