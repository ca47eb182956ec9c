using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms.LinkedIn;
using Platform.SocialAccounts.Platforms.Reddit;
using Platform.SocialAccounts.Platforms.TikTok;
using Shouldly;

namespace Platform.SocialAccounts.Tests.Reconciling;

/// <summary>Each platform's rule for recognising our post after a lost answer, by what that platform really shows.</summary>
public sealed class PlatformMatchRuleTests
{
    private static readonly DateTimeOffset LostSince = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = LostSince.AddMinutes(1);

    private static readonly PostContent LinkPost = new(null, Link: "https://example.com/a", Title: "Our title", Subreddit: "r/test");

    private static RedditClient.Submission Link(string title = "Our title", string subreddit = "test", string url = "https://example.com/a", DateTimeOffset? at = null) =>
        new("t3_1", title, subreddit, IsSelf: false, url, "", at ?? Created, null);

    [Test]
    public void Reddit_a_link_post_matches_by_title_subreddit_kind_and_url() =>
        RedditClient.IsOurs(Link(), LinkPost, LostSince).ShouldBeTrue();

    [Test]
    public void Reddit_a_link_post_to_another_url_is_not_ours() =>
        RedditClient.IsOurs(Link(url: "https://example.com/b"), LinkPost, LostSince).ShouldBeFalse();

    [Test]
    public void Reddit_a_link_post_in_another_subreddit_is_not_ours() =>
        RedditClient.IsOurs(Link(subreddit: "other"), LinkPost, LostSince).ShouldBeFalse();

    [Test]
    public void Reddit_a_link_post_with_another_title_is_not_ours() =>
        RedditClient.IsOurs(Link(title: "Their title"), LinkPost, LostSince).ShouldBeFalse();

    [Test]
    public void Reddit_a_link_post_older_than_the_lost_attempt_is_not_ours() =>
        RedditClient.IsOurs(Link(at: LostSince.AddHours(-1)), LinkPost, LostSince).ShouldBeFalse();

    [Test]
    public void Reddit_a_self_post_with_the_same_title_is_not_our_link_post() =>
        RedditClient.IsOurs(new("t3_2", "Our title", "test", IsSelf: true, null, "body", Created, null), LinkPost, LostSince).ShouldBeFalse();

    [Test]
    public void Reddit_a_self_post_matches_by_title_subreddit_and_body()
    {
        var self = new PostContent("The body of our self post", Title: "Our title", Subreddit: "test");

        RedditClient.IsOurs(new("t3_3", "Our title", "test", IsSelf: true, null, "The body of our self post", Created, null), self, LostSince).ShouldBeTrue();
        RedditClient.IsOurs(new("t3_4", "Our title", "test", IsSelf: true, null, "Another body entirely", Created, null), self, LostSince).ShouldBeFalse();
    }

    [TestCase("PUBLISH_COMPLETE", 100L, nameof(TikTokClient.PublishState.Complete))]
    [TestCase("FAILED", 100L, nameof(TikTokClient.PublishState.Failed))]
    [TestCase("PROCESSING_UPLOAD", 40L, nameof(TikTokClient.PublishState.MissingChunks))]
    [TestCase("PROCESSING_UPLOAD", 100L, nameof(TikTokClient.PublishState.OnItsWay))]
    [TestCase("PROCESSING_DOWNLOAD", 0L, nameof(TikTokClient.PublishState.OnItsWay))]
    public void TikTok_judges_a_publish_by_its_status_and_the_bytes_it_holds(string status, long uploaded, string expected) =>
        TikTokClient.Judge(status, uploaded, videoBytes: 100).ToString().ShouldBe(expected);

    [TestCase("urn:li:person:abc", "r_member_social")]
    [TestCase("urn:li:organization:42", "r_organization_social")]
    public void LinkedIn_finding_posts_needs_the_authors_read_permission(string author, string scope) =>
        LinkedInClient.ReadScopeFor(author).ShouldBe(scope);

    [Test]
    public void LinkedIn_reads_commentary_without_the_escapes_it_was_sent_with() =>
        LinkedInClient.Unescape(LinkedInClient.Escape("50% (off) #today")).ShouldBe("50% (off) #today");
}
