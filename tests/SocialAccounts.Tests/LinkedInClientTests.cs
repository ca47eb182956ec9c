using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class LinkedInClientTests : ClientTestBase
{
    private static readonly Dictionary<string, string> Author = new() { ["author"] = "urn:li:person:782bbtaQ" };

    [Test]
    public async Task A_text_post_goes_to_rest_posts_with_version_headers_escaped_commentary_and_the_id_from_x_restli_id()
    {
        Fake.On("POST", "/rest/posts", new FakeResponse(201, Headers: new Dictionary<string, string> { ["x-restli-id"] = "urn:li:share:6844785523593134080" }));

        var post = await Client(SocialPlatform.LinkedIn).PublishAsync(Account("782bbtaQ", "li-token", metadata: Author),
            new PostContent("Launch (beta) #news"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("urn:li:share:6844785523593134080", "https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080/"));
        var request = Fake.Single("POST", "/rest/posts");
        request.Header("Authorization").ShouldBe("Bearer li-token");
        request.Header("LinkedIn-Version").ShouldBe("202610");
        request.Header("X-Restli-Protocol-Version").ShouldBe("2.0.0");
        request.Body.ShouldBe("""{"author":"urn:li:person:782bbtaQ","commentary":"Launch \\(beta\\) \\#news","visibility":"PUBLIC","distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],"thirdPartyDistributionChannels":[]},"lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}""");
    }

    [Test]
    public async Task An_image_post_initialises_an_upload_puts_the_bytes_and_references_the_image_urn()
    {
        var image = Media("photo.jpg", MediaKind.Image, "image/jpeg", "JPEGDATA");
        Fake.On("POST", "/rest/images", FakeResponse.Json(
            $$$"""{"value":{"uploadUrlExpiresAt":1650567510704,"uploadUrl":"{{{Fake.Url}}}/dms-uploads/abc","image":"urn:li:image:C4E10AQFoyyAjHPMQuQ"}}"""));
        Fake.On("PUT", "/dms-uploads/abc", new FakeResponse(201));
        Fake.On("POST", "/rest/posts", new FakeResponse(201, Headers: new Dictionary<string, string> { ["x-restli-id"] = "urn:li:share:1" }));

        await Client(SocialPlatform.LinkedIn).PublishAsync(Account("782bbtaQ", "li-token", metadata: Author), new PostContent("pic", [image]), CancellationToken.None);

        var init = Fake.Single("POST", "/rest/images");
        init.QueryValues().ShouldBe(new Dictionary<string, string> { ["action"] = "initializeUpload" });
        init.Body.ShouldBe("""{"initializeUploadRequest":{"owner":"urn:li:person:782bbtaQ"}}""");
        var put = Fake.Single("PUT", "/dms-uploads/abc");
        put.Header("Authorization").ShouldBe("Bearer li-token");
        put.Body.ShouldBe("JPEGDATA");
        Fake.Single("POST", "/rest/posts").Body.ShouldContain("""
            "content":{"media":{"id":"urn:li:image:C4E10AQFoyyAjHPMQuQ","altText":"alt photo.jpg"}}
            """.Trim());
    }

    [Test]
    public async Task A_video_post_puts_each_byte_range_collects_the_etags_finalizes_and_references_the_video_urn()
    {
        var video = Media("clip.mp4", MediaKind.Video, "video/mp4", "0123456789");
        Fake.On("POST", "/rest/videos", request => request.QueryValues()["action"] switch
        {
            "initializeUpload" => FakeResponse.Json($$$"""
                {"value":{"uploadUrlsExpireAt":1650567510704,"video":"urn:li:video:C5F10AQGKQg_6y2a4sQ",
                 "uploadInstructions":[{"uploadUrl":"{{{Fake.Url}}}/dms-uploads/part1","lastByte":5,"firstByte":0},
                                       {"uploadUrl":"{{{Fake.Url}}}/dms-uploads/part2","lastByte":9,"firstByte":6}],
                 "uploadToken":""}}
                """),
            _ => new FakeResponse(200),
        });
        Fake.On("PUT", "/dms-uploads/part1", new FakeResponse(200, Headers: new Dictionary<string, string> { ["ETag"] = "/ambry-video/signedId/part-1.bin" }));
        Fake.On("PUT", "/dms-uploads/part2", new FakeResponse(200, Headers: new Dictionary<string, string> { ["ETag"] = "/ambry-video/signedId/part-2.bin" }));
        Fake.On("POST", "/rest/posts", new FakeResponse(201, Headers: new Dictionary<string, string> { ["x-restli-id"] = "urn:li:share:2" }));

        var post = await Client(SocialPlatform.LinkedIn).PublishAsync(Account("782bbtaQ", "li-token", metadata: Author),
            new PostContent("clip", [video], Title: "Bake day"), CancellationToken.None);

        post.PlatformPostId.ShouldBe("urn:li:share:2");
        var (init, finalize) = (Fake.To("POST", "/rest/videos")[0], Fake.To("POST", "/rest/videos")[1]);
        init.QueryValues().ShouldBe(new Dictionary<string, string> { ["action"] = "initializeUpload" });
        init.Header("Authorization").ShouldBe("Bearer li-token");
        init.Header("LinkedIn-Version").ShouldBe("202610");
        init.Header("X-Restli-Protocol-Version").ShouldBe("2.0.0");
        init.Body.ShouldBe("""{"initializeUploadRequest":{"owner":"urn:li:person:782bbtaQ","fileSizeBytes":10,"uploadCaptions":false,"uploadThumbnail":false}}""");
        var (first, second) = (Fake.Single("PUT", "/dms-uploads/part1"), Fake.Single("PUT", "/dms-uploads/part2"));
        (first.Body, second.Body).ShouldBe(("012345", "6789"));
        first.Header("Content-Type").ShouldBe("application/octet-stream");
        finalize.QueryValues().ShouldBe(new Dictionary<string, string> { ["action"] = "finalizeUpload" });
        finalize.Header("LinkedIn-Version").ShouldBe("202610");
        finalize.Body.ShouldBe("""{"finalizeUploadRequest":{"video":"urn:li:video:C5F10AQGKQg_6y2a4sQ","uploadToken":"","uploadedPartIds":["/ambry-video/signedId/part-1.bin","/ambry-video/signedId/part-2.bin"]}}""");
        Fake.Single("POST", "/rest/posts").Body.ShouldContain("""
            "content":{"media":{"id":"urn:li:video:C5F10AQGKQg_6y2a4sQ","title":"Bake day"}}
            """.Trim());
    }

    [Test]
    public async Task A_video_part_the_upload_server_refuses_stops_before_finalize_and_before_the_post()
    {
        var video = Media("broken.mp4", MediaKind.Video, "video/mp4", "0123456789");
        Fake.On("POST", "/rest/videos", FakeResponse.Json($$$"""
            {"value":{"video":"urn:li:video:X","uploadInstructions":[{"uploadUrl":"{{{Fake.Url}}}/dms-uploads/only","lastByte":9,"firstByte":0}],"uploadToken":""}}
            """));
        Fake.On("PUT", "/dms-uploads/only", new FakeResponse(503));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.LinkedIn).PublishAsync(
            Account("782bbtaQ", "li-token", metadata: Author), new PostContent("clip", [video]), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.Transient);
        Fake.To("POST", "/rest/videos").Count.ShouldBe(1);
        Fake.To("POST", "/rest/posts").ShouldBeEmpty();
    }

    [TestCase(401, """{"status":401,"serviceErrorCode":65600,"code":"INVALID_ACCESS_TOKEN","message":"Invalid access token"}""", PlatformErrorKind.TokenExpired)]
    [TestCase(422, """{"message":"ERROR :: /commentary :: duplicate","status":422}""", PlatformErrorKind.ContentRejected)]
    [TestCase(403, """{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions"}""", PlatformErrorKind.Permanent)]
    [TestCase(500, """{"status":500,"message":"Internal"}""", PlatformErrorKind.Transient)]
    public async Task Errors_map_to_the_taxonomy(int status, string body, PlatformErrorKind expected)
    {
        Fake.On("POST", "/rest/posts", FakeResponse.Json(body, status));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.LinkedIn).PublishAsync(Account("782bbtaQ", "t", metadata: Author), new PostContent("x"), CancellationToken.None));

        error.Kind.ShouldBe(expected);
    }

    [Test]
    public async Task A_429_waits_until_the_daily_limits_reset_at_midnight_utc()
    {
        Fake.On("POST", "/rest/posts", FakeResponse.Json("""{"status":429,"message":"Resource level throttle limit reached"}""", 429));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.LinkedIn).PublishAsync(Account("782bbtaQ", "t", metadata: Author), new PostContent("x"), CancellationToken.None));

        var now = App.Clock.GetUtcNow().UtcDateTime;
        error.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        error.RetryAfter!.Value.TotalSeconds.ShouldBe((now.Date.AddDays(1) - now).TotalSeconds, tolerance: 2);
    }

    [Test]
    public async Task Refresh_is_only_attempted_with_a_programmatic_refresh_token()
    {
        var client = Client(SocialPlatform.LinkedIn);
        (await client.RefreshAsync(Account("1", "t"), CancellationToken.None)).ShouldBeNull();

        Fake.On("POST", "/oauth/v2/accessToken", FakeResponse.Json("""{"access_token":"fresh","expires_in":5184000,"refresh_token":"r2","refresh_token_expires_in":31000000}"""));
        var tokens = await client.RefreshAsync(Account("1", "t", "r1"), CancellationToken.None);

        tokens!.AccessToken.ShouldBe("fresh");
        Fake.Single("POST", "/oauth/v2/accessToken").Form().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "r1", ["client_id"] = "linkedin-client-id", ["client_secret"] = "linkedin-client-secret",
        }, ignoreOrder: true);
    }
}
