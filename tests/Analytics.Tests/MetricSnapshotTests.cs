using Platform.Analytics.Collection;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Analytics.Tests;

public sealed class MetricSnapshotTests
{
    private static readonly TrackedTarget Target = new()
    {
        TargetId = Guid.NewGuid(), TenantId = Guid.NewGuid(), PostId = Guid.NewGuid(), SocialAccountId = Guid.NewGuid(),
        Platform = SocialPlatform.Instagram, PlatformPostId = "1790", PublishedAt = DateTimeOffset.UnixEpoch,
    };

    [Test]
    public void Reach_and_saves_get_their_own_columns_and_other_figures_stay_in_others()
    {
        var metrics = new PostMetrics("1790", Impressions: 100, Likes: 7, Reach: 80, Saves: 3,
            Other: new Dictionary<string, long> { ["profile_visits"] = 2 });

        var snapshot = MetricSnapshot.From(Target, 2, metrics, DateTimeOffset.UnixEpoch);

        snapshot.Reach.ShouldBe(80);
        snapshot.Saves.ShouldBe(3);
        snapshot.Others.ShouldBe(new Dictionary<string, long> { ["profile_visits"] = 2 });
        snapshot.Slot.ShouldBe(2);
        snapshot.Platform.ShouldBe(SocialPlatform.Instagram);
    }

    [Test]
    public void Figures_the_platform_does_not_report_stay_null()
    {
        var snapshot = MetricSnapshot.From(Target, 0, new PostMetrics("1790", Likes: 5), DateTimeOffset.UnixEpoch);

        snapshot.Likes.ShouldBe(5);
        snapshot.Impressions.ShouldBeNull();
        snapshot.Reach.ShouldBeNull();
        snapshot.Saves.ShouldBeNull();
        snapshot.Others.ShouldBeNull();
    }
}
