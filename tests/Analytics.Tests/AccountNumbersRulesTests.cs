using Platform.Analytics.Collection;
using Platform.Analytics.Reports;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>The rules of account numbers without a database: the tenant's day, what is stored, the change over a range, the overview's accounts.</summary>
public sealed class AccountNumbersRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Test]
    public void A_collection_belongs_to_the_day_it_is_in_the_tenants_zone()
    {
        var lateEvening = DateTimeOffset.Parse("2026-03-01T23:30:00Z");

        AccountSnapshot.DayOf(lateEvening, Berlin).ShouldBe(new DateOnly(2026, 3, 2));
        AccountSnapshot.DayOf(lateEvening, LosAngeles).ShouldBe(new DateOnly(2026, 3, 1));
        AccountSnapshot.DayOf(DateTimeOffset.Parse("2026-03-02T07:59:00Z"), LosAngeles).ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Test]
    public void A_snapshot_keeps_the_count_and_a_negative_one_becomes_unknown()
    {
        var day = new DateOnly(2026, 12, 6);
        var at = DateTimeOffset.Parse("2026-12-06T00:30:00Z");

        AccountSnapshot.Of(Guid.NewGuid(), Guid.NewGuid(), SocialPlatform.X, day, new AccountMetrics(42), at).Followers.ShouldBe(42);
        AccountSnapshot.Of(Guid.NewGuid(), Guid.NewGuid(), SocialPlatform.X, day, new AccountMetrics(-1), at).Followers.ShouldBeNull();
        AccountSnapshot.Of(Guid.NewGuid(), Guid.NewGuid(), SocialPlatform.YouTube, day, new AccountMetrics(null), at).Followers.ShouldBeNull();
    }

    [Test]
    public void A_platform_without_account_numbers_has_no_snapshot()
    {
        Should.Throw<ArgumentException>(() =>
            AccountSnapshot.Of(Guid.NewGuid(), Guid.NewGuid(), SocialPlatform.LinkedIn, new DateOnly(2026, 12, 6), AccountMetrics.NotOffered, DateTimeOffset.UtcNow));
    }

    [Test]
    public void The_change_is_the_latest_count_minus_the_first_and_may_be_a_loss()
    {
        new FollowerRange(Guid.NewGuid(), SocialPlatform.X, First: 100, Latest: 130).Change.ShouldBe(30);
        new FollowerRange(Guid.NewGuid(), SocialPlatform.X, First: 100, Latest: 90).Change.ShouldBe(-10);
        new FollowerRange(Guid.NewGuid(), SocialPlatform.X, First: 5, Latest: 5).Change.ShouldBe(0);
    }

    [Test]
    public void The_overview_lists_accounts_with_posts_or_followers_and_leaves_followers_null_where_there_are_none()
    {
        var filter = ReportFilter.Parse(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3), null, null, Berlin, new DateOnly(2026, 11, 3), 731);
        var posting = Guid.NewGuid();
        var quiet = Guid.NewGuid();
        var sums = new MetricSums(1, 1, 100, 0, 0, 5, 0, 0, 0, 0, 5, 100);

        var overview = Overview.Of(filter, [new DayBucket(new DateOnly(2026, 11, 2), posting, SocialPlatform.LinkedIn, sums)],
            [new FollowerRange(quiet, SocialPlatform.X, First: 10, Latest: 25)]);

        overview.Accounts.Select(a => a.AccountId).ShouldBe([posting, quiet]);
        var linkedIn = overview.Accounts[0];
        linkedIn.Totals.Likes.ShouldBe(5);
        linkedIn.Followers.ShouldBeNull();
        linkedIn.FollowersChange.ShouldBeNull();
        var x = overview.Accounts[1];
        x.Totals.Targets.ShouldBe(0);
        x.Followers.ShouldBe(25);
        x.FollowersChange.ShouldBe(15);
        overview.Totals.Targets.ShouldBe(1);
    }
}
