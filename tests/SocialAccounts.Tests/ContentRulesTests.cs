using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Platforms.Reddit;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class ContentRulesTests
{
    private readonly ContentRules rules = new(PlatformCatalog.Default);

    [TestCase("hello", 5)]
    [TestCase("日本語", 6)]
    [TestCase("👍", 2)]
    [TestCase("👨‍👩‍👧‍👦", 2)]
    [TestCase("see https://example.com/a/very/long/path/that/goes/on/and/on ok", 4 + 23 + 3)]
    [TestCase("cafe\u0301", 4)]
    public void X_counts_weighted_characters_with_urls_as_23(string text, int expected) =>
        rules.CountLength(SocialPlatform.X, text).ShouldBe(expected);

    [Test]
    public void X_refuses_more_than_280_weighted_characters_and_says_why()
    {
        rules.Check(SocialPlatform.X, new PostContent(new string('a', 280))).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.X, new PostContent(new string('日', 140))).IsValid.ShouldBeTrue();

        var check = rules.Check(SocialPlatform.X, new PostContent(new string('日', 141)));

        check.IsValid.ShouldBeFalse();
        check.Violations.Single().Reason.ShouldContain("282 weighted characters");
        rules.Check(SocialPlatform.X, new PostContent(new string('a', 250) + " https://example.com/" + new string('b', 100))).IsValid.ShouldBeTrue();
    }

    [Test]
    public void X_media_limits_four_images_or_one_video_and_no_mixing()
    {
        var image = new MediaItem("https://m.example/i.jpg", MediaKind.Image, "image/jpeg", 1000);
        var video = new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1000, DurationSeconds: 30);

        rules.Check(SocialPlatform.X, new PostContent("", [image, image, image, image])).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.X, new PostContent("", [image, image, image, image, image])).Violations.ShouldContain(v => v.Reason.Contains("Too many images"));
        rules.Check(SocialPlatform.X, new PostContent("", [image, video])).Violations.ShouldContain(v => v.Reason.Contains("mixed"));
        rules.Check(SocialPlatform.X, new PostContent("", [video with { DurationSeconds = 200 }])).Violations.ShouldContain(v => v.Field == "media[0].durationSeconds");
        rules.Check(SocialPlatform.X, new PostContent("", [image with { SizeBytes = 6 * 1024 * 1024 }])).Violations.ShouldContain(v => v.Field == "media[0].sizeBytes");
        rules.Check(SocialPlatform.X, new PostContent("", [image with { ContentType = "image/tiff" }])).Violations.ShouldContain(v => v.Field == "media[0].contentType");
        rules.Check(SocialPlatform.X, new PostContent("")).Violations.ShouldContain(v => v.Reason.Contains("needs text or media"));
    }

    [Test]
    public void Threads_counts_emoji_by_their_utf8_bytes()
    {
        rules.CountLength(SocialPlatform.Threads, "hi 👍").ShouldBe(3 + 4);
        rules.Check(SocialPlatform.Threads, new PostContent(new string('a', 497) + "👍")).IsValid.ShouldBeFalse();
        rules.Check(SocialPlatform.Threads, new PostContent(new string('a', 496) + "👍")).IsValid.ShouldBeTrue();
    }

    [Test]
    public void Required_fields_per_platform()
    {
        var image = new MediaItem("https://m.example/i.jpg", MediaKind.Image, "image/jpeg", 1000);
        var video = new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1000);

        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [image])).Violations.ShouldContain(v => v.Field == "boardId");
        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [image], BoardId: "1")).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.Reddit, new PostContent("body")).Violations.Select(v => v.Field).ShouldBe(["subreddit", "title"], ignoreOrder: true);
        rules.Check(SocialPlatform.Reddit, new PostContent("body", Title: "t", Subreddit: "Breadit")).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.YouTube, new PostContent("d", [video])).Violations.ShouldContain(v => v.Field == "title");
        rules.Check(SocialPlatform.YouTube, new PostContent("d", [video], Title: "a <b>")).Violations.ShouldContain(v => v.Field == "title");
        rules.Check(SocialPlatform.YouTube, new PostContent("d", [video], Title: "Bread")).IsValid.ShouldBeTrue();
    }

    [Test]
    public void Media_required_or_forbidden_with_the_reason()
    {
        rules.Check(SocialPlatform.Instagram, new PostContent("caption")).Violations.Single().Reason.ShouldContain("Instagram has no text-only posts");
        rules.Check(SocialPlatform.TikTok, new PostContent("caption")).IsValid.ShouldBeFalse();
        rules.Check(SocialPlatform.YouTube, new PostContent("d", Title: "t")).Violations.ShouldContain(v => v.Reason.Contains("exactly one video"));
        rules.Check(SocialPlatform.Reddit, new PostContent("b", [new MediaItem("https://m.example/i.jpg", MediaKind.Image, "image/jpeg", 1)], Title: "t", Subreddit: "Breadit"))
            .Violations.ShouldContain(v => v.Field == "media");
        rules.Check(SocialPlatform.LinkedIn, new PostContent("text only")).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.Instagram, new PostContent(new string('a', 2201), [new MediaItem("https://m.example/i.jpg", MediaKind.Image, "image/jpeg", 1)]))
            .Violations.ShouldContain(v => v.Field == "text");
        rules.Check(SocialPlatform.Facebook, new PostContent("x", Link: "ftp://nope")).Violations.ShouldContain(v => v.Field == "link");
    }

    [Test]
    public void Each_platform_counts_text_for_its_limit_exactly_as_its_check_does([ValueSource(typeof(SocialPlatforms), nameof(SocialPlatforms.All))] SocialPlatform platform)
    {
        // "é" is one character but two UTF-8 bytes, so a platform counting bytes differs from one counting characters.
        var unit = rules.CountLength(platform, "é");
        var fitting = string.Concat(Enumerable.Repeat("é", rules.MaxTextLength(platform) / unit));
        var tooLong = fitting + "é";

        rules.CountLength(platform, tooLong).ShouldBeGreaterThan(rules.MaxTextLength(platform));
        rules.Check(platform, new PostContent(fitting)).Violations.ShouldNotContain(v => v.Field == "text");
        rules.Check(platform, new PostContent(tooLong)).Violations.ShouldContain(v => v.Field == "text");
    }

    [Test]
    public void LinkedIn_takes_one_mp4_video_within_its_size_and_duration_or_one_image()
    {
        var video = new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1024 * 1024, DurationSeconds: 60);
        var image = new MediaItem("https://m.example/i.jpg", MediaKind.Image, "image/jpeg", 1000);

        rules.Check(SocialPlatform.LinkedIn, new PostContent("clip", [video])).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.LinkedIn, new PostContent("clip", [video with { ContentType = "video/quicktime" }])).Violations.ShouldContain(v => v.Field == "media[0].contentType");
        rules.Check(SocialPlatform.LinkedIn, new PostContent("clip", [video with { SizeBytes = 501L * 1024 * 1024 }])).Violations.ShouldContain(v => v.Field == "media[0].sizeBytes");
        rules.Check(SocialPlatform.LinkedIn, new PostContent("clip", [video with { DurationSeconds = 31 * 60 }])).Violations.ShouldContain(v => v.Field == "media[0].durationSeconds");
        rules.Check(SocialPlatform.LinkedIn, new PostContent("clip", [video, image])).Violations.ShouldContain(v => v.Reason.Contains("Too many media items"));
    }

    [Test]
    public void Facebook_takes_several_photos_but_a_video_alone()
    {
        var image = new MediaItem("https://m.example/i.jpg", MediaKind.Image, "image/jpeg", 1000);
        var video = new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1000);

        rules.Check(SocialPlatform.Facebook, new PostContent("three", [image, image, image])).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.Facebook, new PostContent("clip", [video])).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.Facebook, new PostContent("mixed", [image, video])).Violations.ShouldContain(v => v.Reason.Contains("video is posted alone"));
    }

    [Test]
    public void A_pinterest_video_needs_its_cover_image_after_it_and_pinterest_video_specs()
    {
        var video = new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1000, DurationSeconds: 30);
        var cover = new MediaItem("https://m.example/c.jpg", MediaKind.Image, "image/jpeg", 1000);

        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [video, cover], BoardId: "1")).IsValid.ShouldBeTrue();
        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [video], BoardId: "1")).Violations.ShouldContain(v => v.Reason.Contains("followed by its cover image"));
        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [cover, video], BoardId: "1")).Violations.ShouldContain(v => v.Field == "media");
        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [video with { DurationSeconds = 3 }, cover], BoardId: "1")).Violations.ShouldContain(v => v.Field == "media[0].durationSeconds");
        rules.Check(SocialPlatform.Pinterest, new PostContent("d", [video with { ContentType = "video/webm" }, cover], BoardId: "1")).Violations.ShouldContain(v => v.Field == "media[0].contentType");
    }

    [TestCase("r/test", true)]
    [TestCase("/r/test", true)]
    [TestCase(" test ", true)]
    [TestCase("de", true)]
    [TestCase("r/", false)]
    [TestCase("bread loaves", false)]
    [TestCase("https://www.reddit.com/r/test", false)]
    [TestCase("a_name_longer_than_21_chars", false)]
    public void A_subreddit_is_accepted_by_its_name_with_or_without_the_r_prefix(string subreddit, bool accepted)
    {
        var check = new ContentRules(PlatformCatalog.Default).Check(SocialPlatform.Reddit, new PostContent("body", Title: "t", Subreddit: subreddit));

        check.Violations.Any(v => v.Field == "subreddit").ShouldBe(!accepted);
    }

    [TestCase("r/test", "test")]
    [TestCase("/r/test/", "test")]
    [TestCase(" test ", "test")]
    [TestCase("R/AskReddit", "AskReddit")]
    [TestCase("bread loaves", null)]
    public void A_subreddit_is_normalised_to_its_bare_name(string written, string? expected) =>
        SubredditName.Normalize(written).ShouldBe(expected);

    [Test]
    public void An_x_post_counts_the_link_it_will_append_at_23_weighted_characters()
    {
        // 256 + a space + a 23-character t.co link = 280 (https://docs.x.com/fundamentals/counting-characters).
        rules.Check(SocialPlatform.X, new PostContent(new string('a', 256), Link: "https://bakery.example/a/very/long/path/to/today")).IsValid.ShouldBeTrue();

        var check = rules.Check(SocialPlatform.X, new PostContent(new string('a', 257), Link: "https://bakery.example/today"));

        check.Violations.ShouldHaveSingleItem().Reason.ShouldContain("281 weighted characters");
        rules.Check(SocialPlatform.X, new PostContent(new string('a', 257) + " https://bakery.example/today", Link: "https://bakery.example/today"))
            .IsValid.ShouldBeFalse("a link already in the text is not appended again, but still counts");
    }

    [Test]
    public void A_TikTok_post_names_the_privacy_level_the_user_chose()
    {
        var video = new MediaItem("https://m.example/v.mp4", MediaKind.Video, "video/mp4", 1000, DurationSeconds: 10);

        rules.Check(SocialPlatform.TikTok, new PostContent("#bread", [video])).Violations.ShouldHaveSingleItem().Field.ShouldBe("privacyLevel");
        rules.Check(SocialPlatform.TikTok, new PostContent("#bread", [video], PrivacyLevel: "SELF_ONLY")).IsValid.ShouldBeTrue();
    }
}
