using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms.TikTok;
using Shouldly;

namespace Platform.SocialAccounts.Tests.TargetChecking;

public sealed class TikTokCreatorRuleTests
{
    private static readonly TikTokCreatorInfo Creator = new("baker", "Baker", ["MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"],
        CommentDisabled: true, DuetDisabled: false, StitchDisabled: true, MaxVideoPostDurationSeconds: 60);

    private static PostContent Video(double seconds, string privacy = "SELF_ONLY", Interactions? interactions = null) =>
        new("#bread", [new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1000, DurationSeconds: seconds)],
            PrivacyLevel: privacy, Interactions: interactions);

    [Test]
    public void What_the_creator_offers_passes() =>
        TikTokCreatorRule.Check(Video(60, interactions: new Interactions(Duets: true)), Creator).ShouldBeEmpty();

    [Test]
    public void A_privacy_level_the_creator_does_not_offer_is_refused_naming_the_options() =>
        TikTokCreatorRule.Check(Video(10, "PUBLIC_TO_EVERYONE"), Creator).ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(
                v => v.Field.ShouldBe("privacyLevel"),
                v => v.Reason.ShouldContain("MUTUAL_FOLLOW_FRIENDS, SELF_ONLY"));

    [Test]
    public void A_video_longer_than_the_creator_may_post_is_refused() =>
        TikTokCreatorRule.Check(Video(61), Creator).ShouldHaveSingleItem().Field.ShouldBe("media[0].durationSeconds");

    [Test]
    public void Interactions_the_creator_turned_off_are_refused_each_by_name() =>
        TikTokCreatorRule.Check(Video(10, interactions: new Interactions(Comments: true, Duets: true, Stitches: true)), Creator)
            .Select(v => v.Field).ShouldBe(["interactions.comments", "interactions.stitches"]);
}
