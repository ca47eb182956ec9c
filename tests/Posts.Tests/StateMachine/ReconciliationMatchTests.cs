using Platform.Posts.Publishing;
using Platform.SocialAccounts.Contracts;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>Finding our post among the account's recent ones after an attempt's outcome was lost.</summary>
public sealed class ReconciliationMatchTests
{
    private static readonly DateTimeOffset LostSince = Now.AddMinutes(-30);

    private static RecentPost Recent(string id, string? text, DateTimeOffset? createdAt = null) => new(id, text, createdAt ?? Now.AddMinutes(-20), null);

    [Test]
    public void The_same_text_matches() =>
        Reconciliation.FindMatch([Recent("1", "Other"), Recent("2", "Launch day!")], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("2");

    [Test]
    public void Case_whitespace_and_links_rewritten_by_the_platform_do_not_matter() =>
        Reconciliation.FindMatch([Recent("3", "launch  DAY!\n https://t.co/abc")], "Launch day! https://example.com/launch", LostSince)!
            .PlatformPostId.ShouldBe("3");

    [Test]
    public void A_long_text_the_platform_shortened_matches_by_its_start() =>
        Reconciliation.FindMatch([Recent("4", "Twenty characters at least, and then")], "Twenty characters at least, and then some more words", LostSince)!
            .PlatformPostId.ShouldBe("4");

    [Test]
    public void A_short_text_needs_an_exact_match() =>
        Reconciliation.FindMatch([Recent("5", "Hi there")], "Hi", LostSince).ShouldBeNull();

    [Test]
    public void A_post_older_than_the_lost_attempt_is_not_ours() =>
        Reconciliation.FindMatch([Recent("6", "Launch day!", LostSince.AddMinutes(-6))], "Launch day!", LostSince).ShouldBeNull();

    [Test]
    public void A_few_minutes_of_clock_difference_are_allowed() =>
        Reconciliation.FindMatch([Recent("7", "Launch day!", LostSince.AddMinutes(-4))], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("7");

    [Test]
    public void A_post_without_a_creation_time_may_be_ours() =>
        Reconciliation.FindMatch([new RecentPost("8", "Launch day!", null, null)], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("8");

    [Test]
    public void A_post_whose_text_is_only_a_link_matches_nothing() =>
        Reconciliation.FindMatch([Recent("9", "https://t.co/abc"), Recent("10", null)], "https://example.com", LostSince).ShouldBeNull();

    [Test]
    public void The_first_match_in_the_platforms_order_wins() =>
        Reconciliation.FindMatch([Recent("11", "Launch day!"), Recent("12", "Launch day!")], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("11");

    [Test]
    public void Nothing_recent_is_no_match() =>
        Reconciliation.FindMatch([], "Launch day!", LostSince).ShouldBeNull();
}
