using System.Net;
using Platform.PlatformServers.TikTok;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests.TargetChecks;

/// <summary>A TikTok target held against the creator's settings, as creator info answers them (see <see cref="TikTokServer"/>).</summary>
public sealed class TikTokTargetCheckTests : ConformanceFixture<TikTokServer>
{
    private protected override SocialPlatform Platform => SocialPlatform.TikTok;

    [SetUp]
    public void OrdinaryCreator() => Server.Creator = new TikTokCreator();

    private static PostContent Video(double seconds, string privacy, Interactions? interactions = null) =>
        new("#bread", [new MediaItem("https://media.example/v.mp4", MediaKind.Video, "video/mp4", 1000, DurationSeconds: seconds)],
            PrivacyLevel: privacy, Interactions: interactions);

    [Test]
    public async Task Creator_info_answers_the_choices_the_posting_form_offers()
    {
        Server.Creator = new TikTokCreator(["FOLLOWER_OF_CREATOR", "SELF_ONLY"], CommentDisabled: true, DuetDisabled: false, StitchDisabled: true, MaxVideoPostDurationSec: 300);

        var (status, body) = await GetApiAsync($"/api/v1/social-accounts/{AccountId}/tiktok/creator-info");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("privacyLevelOptions").EnumerateArray().Select(o => o.GetString()).ShouldBe(["FOLLOWER_OF_CREATOR", "SELF_ONLY"]);
        body.GetProperty("commentDisabled").GetBoolean().ShouldBeTrue();
        body.GetProperty("duetDisabled").GetBoolean().ShouldBeFalse();
        body.GetProperty("stitchDisabled").GetBoolean().ShouldBeTrue();
        body.GetProperty("maxVideoPostDurationSeconds").GetInt32().ShouldBe(300);
        body.GetProperty("username").GetString().ShouldBe("conformance.creator");
    }

    [Test]
    public async Task What_the_creator_does_not_allow_is_refused_field_by_field()
    {
        Server.Creator = new TikTokCreator(["SELF_ONLY"], CommentDisabled: true, MaxVideoPostDurationSec: 30);

        var check = await AsJobAsync(accounts => accounts.CheckTargetAsync(AccountId,
            Video(31, "PUBLIC_TO_EVERYONE", new Interactions(Comments: true)), CancellationToken.None));

        check.Outcome.ShouldBe(TargetCheckOutcome.Checked);
        check.Violations.Select(v => v.Field).ShouldBe(["privacyLevel", "media[0].durationSeconds", "interactions.comments"], ignoreOrder: true);
    }

    [Test]
    public async Task What_the_creator_allows_passes_and_creator_info_is_asked_once_a_minute()
    {
        var asked = Server.RequestsTo("POST", "/v2/post/publish/creator_info/query/").Count;
        var first = await AsJobAsync(accounts => accounts.CheckTargetAsync(AccountId, Video(12, "SELF_ONLY"), CancellationToken.None));
        var second = await AsJobAsync(accounts => accounts.CheckTargetAsync(AccountId, Video(12, "PUBLIC_TO_EVERYONE"), CancellationToken.None));

        first.IsAccepted.ShouldBeTrue(string.Join("; ", first.Violations));
        second.IsAccepted.ShouldBeTrue(string.Join("; ", second.Violations));
        Server.RequestsTo("POST", "/v2/post/publish/creator_info/query/").Count.ShouldBe(asked + 1);
    }

    [Test]
    public async Task When_tiktok_cannot_be_asked_the_check_says_so_rather_than_pass()
    {
        Server.Faults.FailWithServerError(TikTokServer.Steps.CreatorInfo);

        var check = await AsJobAsync(accounts => accounts.CheckTargetAsync(AccountId, Video(12, "SELF_ONLY"), CancellationToken.None));

        check.Outcome.ShouldBe(TargetCheckOutcome.PlatformUnavailable);
        check.IsAccepted.ShouldBeFalse();
        check.Reason.ShouldNotBeNullOrEmpty();
    }
}
