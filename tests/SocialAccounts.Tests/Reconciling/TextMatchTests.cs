using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests.Reconciling;

/// <summary>Finding our post by its text among the account's recent ones (X, Facebook, Instagram, Threads), after an attempt's outcome was lost.</summary>
public sealed class TextMatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LostSince = Now.AddMinutes(-30);

    private static RecentPost Recent(string id, string? text, DateTimeOffset? createdAt = null) => new(id, text, createdAt ?? Now.AddMinutes(-20), null);

    [Test]
    public void The_same_text_matches() =>
        PostMatch.ByText([Recent("1", "Other"), Recent("2", "Launch day!")], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("2");

    [Test]
    public void Case_whitespace_and_links_rewritten_by_the_platform_do_not_matter() =>
        PostMatch.ByText([Recent("3", "launch  DAY!\n https://t.co/abc")], "Launch day! https://example.com/launch", LostSince)!
            .PlatformPostId.ShouldBe("3");

    [Test]
    public void A_long_text_the_platform_shortened_matches_by_its_start() =>
        PostMatch.ByText([Recent("4", "Twenty characters at least, and then")], "Twenty characters at least, and then some more words", LostSince)!
            .PlatformPostId.ShouldBe("4");

    [Test]
    public void A_short_text_needs_an_exact_match() =>
        PostMatch.ByText([Recent("5", "Hi there")], "Hi", LostSince).ShouldBeNull();

    [Test]
    public void A_post_older_than_the_lost_attempt_is_not_ours() =>
        PostMatch.ByText([Recent("6", "Launch day!", LostSince.AddMinutes(-6))], "Launch day!", LostSince).ShouldBeNull();

    [Test]
    public void A_few_minutes_of_clock_difference_are_allowed() =>
        PostMatch.ByText([Recent("7", "Launch day!", LostSince.AddMinutes(-4))], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("7");

    [Test]
    public void A_post_without_a_creation_time_may_be_ours() =>
        PostMatch.ByText([new RecentPost("8", "Launch day!", null, null)], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("8");

    [Test]
    public void A_post_whose_text_is_only_a_link_matches_nothing() =>
        PostMatch.ByText([Recent("9", "https://t.co/abc"), Recent("10", null)], "https://example.com", LostSince).ShouldBeNull();

    [Test]
    public void The_first_match_in_the_platforms_order_wins() =>
        PostMatch.ByText([Recent("11", "Launch day!"), Recent("12", "Launch day!")], "Launch day!", LostSince)!.PlatformPostId.ShouldBe("11");

    [Test]
    public void Nothing_recent_is_no_match() =>
        PostMatch.ByText([], "Launch day!", LostSince).ShouldBeNull();
}
