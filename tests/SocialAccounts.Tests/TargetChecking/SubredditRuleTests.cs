using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms.Reddit;
using Shouldly;

namespace Platform.SocialAccounts.Tests.TargetChecking;

public sealed class SubredditRuleTests
{
    private static readonly PostContent TextPost = new("Crumb shots inside", Title: "My first loaf", Subreddit: "r/Breadit");
    private static readonly PostContent LinkPost = new(null, Link: "https://bake.example/loaf", Title: "My first loaf", Subreddit: "Breadit");

    private static SubredditAbout Public(string submissionType = "any") => new(SubredditVisibility.Visible, "Breadit", "public", submissionType);

    [Test]
    public void A_public_subreddit_taking_any_post_passes() => SubredditRule.Check(TextPost, Public()).ShouldBeEmpty();

    [TestCase(nameof(SubredditVisibility.Missing), "does not exist")]
    [TestCase(nameof(SubredditVisibility.Forbidden), "private")]
    public void A_subreddit_reddit_does_not_show_is_refused(string visibility, string reason) =>
        SubredditRule.Check(TextPost, new SubredditAbout(Enum.Parse<SubredditVisibility>(visibility))).ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(v => v.Field.ShouldBe("subreddit"), v => v.Reason.ShouldContain(reason), v => v.Reason.ShouldContain("r/Breadit"));

    [Test]
    public void A_banned_account_is_refused() =>
        SubredditRule.Check(TextPost, Public() with { UserIsBanned = true }).ShouldHaveSingleItem().Reason.ShouldContain("banned");

    [TestCase("restricted", false, false, true)]
    [TestCase("restricted", true, false, false)]
    [TestCase("private", false, true, false)]
    [TestCase("gold_restricted", false, false, true)]
    [TestCase("archived", true, true, true)]
    public void Restricted_subreddits_take_posts_only_from_approved_users(string type, bool contributor, bool moderator, bool refused) =>
        SubredditRule.Check(TextPost, Public() with { SubredditType = type, UserIsContributor = contributor, UserIsModerator = moderator })
            .Count.ShouldBe(refused ? 1 : 0);

    [Test]
    public void The_kind_of_post_must_be_one_the_subreddit_takes()
    {
        SubredditRule.Check(LinkPost, Public("self")).ShouldHaveSingleItem().Field.ShouldBe("link");
        SubredditRule.Check(TextPost, Public("link")).ShouldHaveSingleItem().Field.ShouldBe("text");
        SubredditRule.Check(LinkPost, Public("link")).ShouldBeEmpty();
        SubredditRule.Check(TextPost, Public("self")).ShouldBeEmpty();
    }
}
