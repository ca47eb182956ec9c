using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms.Meta;
using Platform.SocialAccounts.Platforms.Pinterest;
using Platform.SocialAccounts.Platforms.X;
using Platform.SocialAccounts.Platforms.YouTube;
using Shouldly;

namespace Platform.SocialAccounts.Tests.Reconciling;

/// <summary>How YouTube, Pinterest, X and Meta's containers recognise our post (or a step to continue from), by what each platform shows.</summary>
public sealed class MediaPlatformMatchRuleTests
{
    private static readonly DateTimeOffset LostSince = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = LostSince.AddMinutes(1);

    private static readonly PostContent Video = new("What the video is about", Title: "Our video");

    [Test]
    public void YouTube_an_upload_matches_by_title_and_description() =>
        YouTubeClient.IsOurs(new("v1", "Our video", "What the video is about", Created), Video, LostSince).ShouldBeTrue();

    [Test]
    public void YouTube_an_upload_with_the_same_description_and_another_title_is_not_ours() =>
        YouTubeClient.IsOurs(new("v2", "Their video", "What the video is about", Created), Video, LostSince).ShouldBeFalse();

    [Test]
    public void YouTube_an_upload_with_the_same_title_and_another_description_is_not_ours() =>
        YouTubeClient.IsOurs(new("v3", "Our video", "Something else entirely", Created), Video, LostSince).ShouldBeFalse();

    [Test]
    public void YouTube_an_upload_older_than_the_lost_attempt_is_not_ours() =>
        YouTubeClient.IsOurs(new("v4", "Our video", "What the video is about", LostSince.AddHours(-1)), Video, LostSince).ShouldBeFalse();

    [Test]
    public void YouTube_a_video_sent_without_a_description_matches_only_an_upload_without_one()
    {
        var bare = Video with { Text = null };

        YouTubeClient.IsOurs(new("v5", "Our video", "", Created), bare, LostSince).ShouldBeTrue();
        YouTubeClient.IsOurs(new("v6", "Our video", "Someone's description", Created), bare, LostSince).ShouldBeFalse();
    }

    private static readonly PostContent Pin = new("What the pin shows", Link: "https://example.com/landing", Title: "Pin title", BoardId: "board-1");

    private static PinterestClient.ShownPin Shown(string board = "board-1", string? title = "Pin title", string? link = "https://example.com/landing",
        string? description = "What the pin shows", DateTimeOffset? at = null) => new("p1", board, title, description, link, at ?? Created);

    [Test]
    public void Pinterest_a_pin_matches_by_board_title_description_and_link() =>
        PinterestClient.IsOurs(Shown(), Pin, LostSince).ShouldBeTrue();

    [Test]
    public void Pinterest_a_pin_on_another_board_is_not_ours() =>
        PinterestClient.IsOurs(Shown(board: "board-2"), Pin, LostSince).ShouldBeFalse();

    [Test]
    public void Pinterest_a_pin_with_another_title_is_not_ours() =>
        PinterestClient.IsOurs(Shown(title: "Another title"), Pin, LostSince).ShouldBeFalse();

    [Test]
    public void Pinterest_a_pin_linking_elsewhere_is_not_ours() =>
        PinterestClient.IsOurs(Shown(link: "https://example.com/other"), Pin, LostSince).ShouldBeFalse();

    [Test]
    public void Pinterest_a_pin_with_another_description_is_not_ours() =>
        PinterestClient.IsOurs(Shown(description: "A different pin"), Pin, LostSince).ShouldBeFalse();

    [Test]
    public void Pinterest_a_pin_older_than_the_lost_attempt_is_not_ours() =>
        PinterestClient.IsOurs(Shown(at: LostSince.AddHours(-1)), Pin, LostSince).ShouldBeFalse();

    [Test]
    public void X_a_post_carrying_our_media_id_is_ours_whatever_its_text() =>
        XClient.IsOurs(new("t1", "https://t.co/abc", ["3_1234"], Created), "Our text", ["1234"], LostSince).ShouldBeTrue();

    [Test]
    public void X_a_post_with_our_text_but_other_media_is_not_ours() =>
        XClient.IsOurs(new("t2", "Our text https://t.co/abc", ["3_9999"], Created), "Our text", ["1234"], LostSince).ShouldBeFalse();

    [Test]
    public void X_a_post_without_media_matches_by_text() =>
        XClient.IsOurs(new("t3", "Our text", [], Created), "Our text", [], LostSince).ShouldBeTrue();

    [Test]
    public void X_a_media_id_is_not_taken_for_the_end_of_a_longer_one() =>
        XClient.IsOurs(new("t4", null, ["3_91234"], Created), "Our text", ["1234"], LostSince).ShouldBeFalse();

    [Test]
    public void X_a_media_id_is_reused_only_while_enough_of_its_lifetime_is_left()
    {
        var uploaded = new UploadedMedia("1234", Created.AddDays(1));

        uploaded.IsReusableAt(Created.AddHours(1)).ShouldBeTrue();
        uploaded.IsReusableAt(Created.AddDays(1) - UploadedMedia.ReuseMargin).ShouldBeFalse();
        uploaded.IsReusableAt(Created.AddDays(2)).ShouldBeFalse();
    }

    [Test]
    public void X_a_recorded_media_id_reads_back_as_written()
    {
        var uploaded = new UploadedMedia("1234", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        UploadedMedia.Parse(uploaded.Format()).ShouldBe(uploaded);
        UploadedMedia.Parse("garbled").ShouldBeNull();
    }

    [TestCase("FINISHED", nameof(MetaGraphClient.ContainerState.Finished))]
    [TestCase("IN_PROGRESS", nameof(MetaGraphClient.ContainerState.Processing))]
    [TestCase("PUBLISHED", nameof(MetaGraphClient.ContainerState.Published))]
    [TestCase("ERROR", nameof(MetaGraphClient.ContainerState.Unusable))]
    [TestCase("EXPIRED", nameof(MetaGraphClient.ContainerState.Unusable))]
    public void Meta_a_recorded_container_is_judged_by_its_status(string status, string expected) =>
        MetaGraphClient.JudgeContainer(status).ToString().ShouldBe(expected);
}
