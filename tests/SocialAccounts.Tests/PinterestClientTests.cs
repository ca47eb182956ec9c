using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class PinterestClientTests : ClientTestBase
{
    [Test]
    public async Task Tokens_use_basic_client_auth_and_identity_is_the_user_account()
    {
        var client = Client(SocialPlatform.Pinterest);
        Fake.On("POST", "/v5/oauth/token", FakeResponse.Json(
            """{"access_token":"pina_a","token_type":"bearer","expires_in":2592000,"scope":"boards:read,pins:write","refresh_token":"pinr_a","refresh_token_expires_in":5184000}"""));
        Fake.On("GET", "/v5/user_account", FakeResponse.Json("""{"id":"549755885175","username":"bakery","profile_image":"https://i.pinimg.com/a.jpg","business_name":"The Bakery","account_type":"BUSINESS"}"""));

        var tokens = await client.ExchangeCodeAsync("p-code", "https://app.example/cb", "", CancellationToken.None);
        var identity = (await client.FetchIdentitiesAsync(tokens, CancellationToken.None)).Single();

        var exchange = Fake.Single("POST", "/v5/oauth/token");
        exchange.Header("Authorization").ShouldBe("Basic cGludGVyZXN0LWNsaWVudC1pZDpwaW50ZXJlc3QtY2xpZW50LXNlY3JldA==");
        exchange.Form().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "p-code", ["redirect_uri"] = "https://app.example/cb",
        }, ignoreOrder: true);
        identity.ExternalId.ShouldBe("549755885175");
        identity.DisplayName.ShouldBe("The Bakery");
        identity.Handle.ShouldBe("bakery");
    }

    [Test]
    public async Task A_pin_is_created_on_the_board_from_an_image_url()
    {
        var image = Media("pin.jpg", MediaKind.Image, "image/jpeg");
        Fake.On("POST", "/v5/pins", FakeResponse.Json("""{"id":"813744226420795884","board_id":"549755885175","title":"Bread"}""", 201));

        var post = await Client(SocialPlatform.Pinterest).PublishAsync(Account("549755885175", "pina_a"),
            new PostContent("Sourdough", [image], Link: "https://bakery.example", Title: "Bread", BoardId: "549755885175"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("813744226420795884", "https://www.pinterest.com/pin/813744226420795884/"));
        var request = Fake.Single("POST", "/v5/pins");
        request.Header("Authorization").ShouldBe("Bearer pina_a");
        request.Body.ShouldBe($$$"""{"board_id":"549755885175","title":"Bread","description":"Sourdough","link":"https://bakery.example","alt_text":"alt pin.jpg","media_source":{"source_type":"image_url","url":"{{{image.Url}}}"}}""");
    }

    [Test]
    public async Task A_video_pin_registers_the_upload_posts_the_file_with_every_parameter_waits_then_pins_the_media_id_with_its_cover()
    {
        var (video, cover) = (Media("pin.mp4", MediaKind.Video, "video/mp4", "MP4DATA"), Media("cover.jpg", MediaKind.Image, "image/jpeg"));
        Fake.On("POST", "/v5/media", FakeResponse.Json($$$"""
            {"media_id":"12345","media_type":"video","upload_url":"{{{Fake.Url}}}/pinterest-media-upload/",
             "upload_parameters":{"x-amz-date":"20220101T000000Z","x-amz-signature":"sig","x-amz-security-token":"tok","x-amz-algorithm":"AWS4-HMAC-SHA256",
                                  "key":"uploads/12345","policy":"cG9saWN5","x-amz-credential":"cred/20220101/us-east-1/s3/aws4_request","Content-Type":"multipart/form-data"}}
            """, 201));
        Fake.On("POST", "/pinterest-media-upload/", new FakeResponse(204));
        var polls = 0;
        Fake.On("GET", "/v5/media/12345", _ => FakeResponse.Json(++polls == 1
            ? """{"media_id":"12345","media_type":"video","status":"processing"}"""
            : """{"media_id":"12345","media_type":"video","status":"succeeded"}"""));
        Fake.On("POST", "/v5/pins", FakeResponse.Json("""{"id":"813744226420795885","board_id":"549755885175"}""", 201));

        var post = await Client(SocialPlatform.Pinterest).PublishAsync(Account("549755885175", "pina_a"),
            new PostContent("Knead", [video, cover], Title: "Dough", BoardId: "549755885175"), CancellationToken.None);

        post.PlatformPostId.ShouldBe("813744226420795885");
        var register = Fake.Single("POST", "/v5/media");
        register.Header("Authorization").ShouldBe("Bearer pina_a");
        register.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        register.Body.ShouldBe("""{"media_type":"video"}""");
        var upload = Fake.Single("POST", "/pinterest-media-upload/");
        upload.Header("Authorization").ShouldBeNull();
        upload.Header("Content-Type")!.ShouldStartWith("multipart/form-data; boundary=");
        upload.MultipartForm().ShouldBe(
        [
            new FormPart("x-amz-date", null, null, "20220101T000000Z"), new FormPart("x-amz-signature", null, null, "sig"),
            new FormPart("x-amz-security-token", null, null, "tok"), new FormPart("x-amz-algorithm", null, null, "AWS4-HMAC-SHA256"),
            new FormPart("key", null, null, "uploads/12345"), new FormPart("policy", null, null, "cG9saWN5"),
            new FormPart("x-amz-credential", null, null, "cred/20220101/us-east-1/s3/aws4_request"), new FormPart("Content-Type", null, null, "multipart/form-data"),
            new FormPart("file", "video", "video/mp4", "MP4DATA"),
        ]);
        Fake.To("GET", "/v5/media/12345").Count.ShouldBe(2);
        Fake.Single("POST", "/v5/pins").Body.ShouldBe($$$"""{"board_id":"549755885175","title":"Dough","description":"Knead","link":null,"alt_text":"alt pin.mp4","media_source":{"source_type":"video_id","cover_image_url":"{{{cover.Url}}}","media_id":"12345"}}""");
    }

    [Test]
    public async Task A_video_pinterest_cannot_process_is_rejected_and_never_pinned()
    {
        Fake.On("POST", "/v5/media", FakeResponse.Json($$$"""{"media_id":"9","media_type":"video","upload_url":"{{{Fake.Url}}}/pinterest-media-upload/","upload_parameters":{}}""", 201));
        Fake.On("POST", "/pinterest-media-upload/", new FakeResponse(204));
        Fake.On("GET", "/v5/media/9", FakeResponse.Json("""{"media_id":"9","media_type":"video","status":"failed"}"""));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Pinterest).PublishAsync(Account("b", "pina_a"),
            new PostContent("x", [Media("bad.mp4", MediaKind.Video, "video/mp4"), Media("c.jpg", MediaKind.Image, "image/jpeg")], BoardId: "b"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        Fake.To("POST", "/v5/pins").ShouldBeEmpty();
    }

    [TestCase(401, PlatformErrorKind.TokenExpired)]
    [TestCase(429, PlatformErrorKind.RateLimited)]
    [TestCase(400, PlatformErrorKind.ContentRejected)]
    [TestCase(403, PlatformErrorKind.Permanent)]
    [TestCase(500, PlatformErrorKind.Transient)]
    public async Task Errors_map_to_the_taxonomy(int status, PlatformErrorKind expected)
    {
        Fake.On("GET", "/v5/pins/1/analytics", FakeResponse.Json("""{"code":2,"message":"Authentication failed."}""", status));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Pinterest).GetMetricsAsync(Account("b", "t"), "1", CancellationToken.None));

        error.Kind.ShouldBe(expected);
    }

    [Test]
    public async Task A_refused_refresh_is_revoked_and_metrics_read_the_pins_analytics_summary()
    {
        Fake.On("POST", "/v5/oauth/token", FakeResponse.Json("""{"code":1,"message":"Invalid refresh token"}""", 400));
        // https://developers.pinterest.com/docs/api/v5/pins-analytics
        Fake.On("GET", "/v5/pins/9/analytics", FakeResponse.Json("""
            {"all":{"daily_metrics":[{"date":"2026-12-05","data_status":"READY","metrics":{"IMPRESSION":40,"PIN_CLICK":3}}],
                    "summary_metrics":{"IMPRESSION":40,"PIN_CLICK":3,"SAVE":6,"TOTAL_REACTIONS":5,"TOTAL_COMMENTS":1,"OUTBOUND_CLICK":2}}}
            """));
        var client = Client(SocialPlatform.Pinterest);

        (await Should.ThrowAsync<PlatformException>(() => client.RefreshAsync(Account("b", "t", "r"), CancellationToken.None))).Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        var metrics = await client.GetMetricsAsync(Account("b", "t"), "9", CancellationToken.None);

        metrics.Impressions.ShouldBe(40);
        metrics.Clicks.ShouldBe(3);
        metrics.Saves.ShouldBe(6);
        metrics.Likes.ShouldBe(5);
        metrics.Other!["outbound_click"].ShouldBe(2);
        var query = Fake.Single("GET", "/v5/pins/9/analytics").QueryValues();
        query["metric_types"].ShouldBe("IMPRESSION,PIN_CLICK,OUTBOUND_CLICK,SAVE,TOTAL_REACTIONS,TOTAL_COMMENTS");
        // start_date may reach at most 90 days back.
        (DateOnly.Parse(query["end_date"], System.Globalization.CultureInfo.InvariantCulture).DayNumber
            - DateOnly.Parse(query["start_date"], System.Globalization.CultureInfo.InvariantCulture).DayNumber).ShouldBe(89);
    }
}
