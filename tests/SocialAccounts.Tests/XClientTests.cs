using System.Text.Json;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class XClientTests : ClientTestBase
{
    [Test]
    public async Task A_text_post_is_one_POST_2_tweets_with_the_user_token()
    {
        Fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"1445880548472328192","text":"hello","edit_history_post_ids":["1445880548472328192"]}}""", 201));

        var post = await Client(SocialPlatform.X).PublishAsync(Account("42", "user-token", handle: "dev"), new PostContent("hello"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("1445880548472328192", "https://x.com/dev/status/1445880548472328192"));
        var request = Fake.Single("POST", "/2/tweets");
        request.Header("Authorization").ShouldBe("Bearer user-token");
        request.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        request.Body.ShouldBe("""{"text":"hello"}""");
    }

    [Test]
    public async Task A_media_post_uploads_through_initialize_append_finalize_then_attaches_the_media_id()
    {
        var image = Media("cat.png", MediaKind.Image, "image/png", "PNGDATA");
        Fake.On("POST", "/2/media/upload/initialize", FakeResponse.Json("""{"data":{"id":"1880028106020515840","media_key":"3_1880028106020515840","expires_after_secs":86400}}"""));
        Fake.On("POST", "/2/media/upload/1880028106020515840/append", FakeResponse.Json("""{"data":{"expires_at":1737999999}}"""));
        Fake.On("POST", "/2/media/upload/1880028106020515840/finalize", FakeResponse.Json(
            """{"data":{"id":"1880028106020515840","media_key":"3_1880028106020515840","size":7,"expires_after_secs":86400,"processing_info":{"state":"pending","check_after_secs":0}}}"""));
        Fake.On("GET", "/2/media/upload", FakeResponse.Json("""{"data":{"id":"1880028106020515840","processing_info":{"state":"succeeded","progress_percent":100}}}"""));
        Fake.On("POST", "/2/media/metadata", FakeResponse.Json("""{"data":{"associated_metadata":{"alt_text":{"text":"alt cat.png"}},"id":"1880028106020515840"}}"""));
        Fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"1","text":"look"}}""", 201));

        await Client(SocialPlatform.X).PublishAsync(Account("42", "user-token"), new PostContent("look", [image]), CancellationToken.None);

        Fake.Single("POST", "/2/media/upload/initialize").Body.ShouldBe("""{"media_type":"image/png","total_bytes":7,"media_category":"tweet_image"}""");
        var append = Fake.Single("POST", "/2/media/upload/1880028106020515840/append");
        append.Header("Content-Type")!.ShouldStartWith("multipart/form-data");
        append.Header("Authorization").ShouldBe("Bearer user-token");
        append.Body.ShouldContain("name=segment_index");
        append.Body.ShouldContain("PNGDATA");
        Fake.Single("GET", "/2/media/upload").QueryValues().ShouldBe(new Dictionary<string, string> { ["command"] = "STATUS", ["media_id"] = "1880028106020515840" });
        Fake.Single("POST", "/2/tweets").Body.ShouldBe("""{"text":"look","media":{"media_ids":["1880028106020515840"]}}""");
    }

    [Test]
    public async Task Refresh_posts_the_refresh_token_with_basic_client_auth_and_keeps_the_rotated_one()
    {
        Fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"token_type":"bearer","expires_in":7200,"access_token":"new-access","scope":"tweet.read","refresh_token":"new-refresh"}"""));

        var tokens = await Client(SocialPlatform.X).RefreshAsync(Account("42", "old", "old-refresh"), CancellationToken.None);

        tokens!.AccessToken.ShouldBe("new-access");
        tokens.RefreshToken.ShouldBe("new-refresh");
        var request = Fake.Single("POST", "/2/oauth2/token");
        request.Form().ShouldBe(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "old-refresh" });
        request.Header("Authorization").ShouldBe("Basic eC1jbGllbnQtaWQ6eC1jbGllbnQtc2VjcmV0");
    }

    [Test]
    public async Task Metrics_read_public_metrics_and_recent_posts_read_the_user_timeline()
    {
        Fake.On("GET", "/2/tweets/77", FakeResponse.Json(
            """{"data":{"id":"77","text":"t","public_metrics":{"retweet_count":2,"reply_count":3,"like_count":5,"quote_count":1,"bookmark_count":4,"impression_count":100}}}"""));
        Fake.On("GET", "/2/users/42/tweets", FakeResponse.Json(
            """{"data":[{"id":"77","text":"t","created_at":"2026-11-20T10:00:00.000Z"}],"meta":{"result_count":1,"newest_id":"77","oldest_id":"77"}}"""));
        var client = Client(SocialPlatform.X);

        var metrics = await client.GetMetricsAsync(Account("42", "tok"), "77", CancellationToken.None);
        var recent = await client.ListRecentPostsAsync(Account("42", "tok", handle: "dev"), 10, CancellationToken.None);

        metrics.Impressions.ShouldBe(100);
        metrics.Likes.ShouldBe(5);
        metrics.Comments.ShouldBe(3);
        metrics.Shares.ShouldBe(3);
        Fake.Single("GET", "/2/tweets/77").QueryValues()["tweet.fields"].ShouldBe("public_metrics");
        recent.ShouldBe([new RecentPost("77", "t", DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "https://x.com/dev/status/77")]);
        Fake.Single("GET", "/2/users/42/tweets").QueryValues().ShouldBe(new Dictionary<string, string> { ["max_results"] = "10", ["tweet.fields"] = "created_at" });
    }

    [Test]
    public async Task Metrics_of_a_deleted_post_are_a_platform_refusal_with_xs_reason()
    {
        // https://docs.x.com/x-api/fundamentals/response-codes-and-errors#partial-errors: 200 with only errors[].
        Fake.On("GET", "/2/tweets/78", FakeResponse.Json(
            """{"errors":[{"value":"78","detail":"Could not find tweet with id: [78].","title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"78","type":"https://api.twitter.com/2/problems/resource-not-found"}]}"""));

        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.X).GetMetricsAsync(Account("42", "tok"), "78", CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.Permanent);
        refused.Message.ShouldContain("Could not find tweet with id: [78].");
    }

    [TestCase(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", PlatformErrorKind.TokenExpired)]
    [TestCase(403, """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""", PlatformErrorKind.ContentRejected)]
    [TestCase(403, """{"title":"Forbidden","type":"https://api.x.com/2/problems/client-forbidden","status":403,"detail":"not permitted"}""", PlatformErrorKind.Permanent)]
    [TestCase(400, """{"title":"Invalid Request","type":"https://api.x.com/2/problems/invalid-request","status":400,"detail":"text too long"}""", PlatformErrorKind.ContentRejected)]
    [TestCase(503, """{"title":"Service Unavailable","status":503}""", PlatformErrorKind.Transient)]
    [TestCase(200, "<html>not json</html>", PlatformErrorKind.Transient)]
    public async Task Errors_map_to_the_taxonomy(int status, string body, PlatformErrorKind expected)
    {
        Fake.On("POST", "/2/tweets", new FakeResponse(status, body));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.X).PublishAsync(Account("42", "tok"), new PostContent("hi"), CancellationToken.None));

        error.Kind.ShouldBe(expected);
        error.Platform.ShouldBe(SocialPlatform.X);
    }

    [Test]
    public async Task A_429_is_rate_limited_until_the_x_rate_limit_reset()
    {
        var reset = App.Clock.GetUtcNow().AddSeconds(300).ToUnixTimeSeconds();
        Fake.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}""", 429,
            new Dictionary<string, string> { ["x-rate-limit-limit"] = "100", ["x-rate-limit-remaining"] = "0", ["x-rate-limit-reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.X).PublishAsync(Account("42", "tok"), new PostContent("hi"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        error.IsRetryable.ShouldBeTrue();
        error.RetryAfter!.Value.TotalSeconds.ShouldBe(300, tolerance: 2);
    }

    [Test]
    public async Task A_refused_refresh_token_is_revoked()
    {
        Fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant","error_description":"Value passed for the token was invalid."}""", 400));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.X).RefreshAsync(Account("42", "a", "r"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        JsonSerializer.Serialize(error.Message).ShouldNotContain("\"r\"");
    }

    [Test]
    public async Task An_invalid_request_reaches_the_user_with_xs_reason_not_the_generic_detail()
    {
        // https://docs.x.com/x-api/fundamentals/response-codes-and-errors: a 400 invalid-request problem whose errors[]
        // carry the parameters and the message.
        Fake.On("POST", "/2/tweets", FakeResponse.Json("""
            {"errors":[{"parameters":{"media.media_ids":["1880028106020515840"]},"message":"Your media IDs are invalid."}],
             "title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}
            """, 400));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.X).PublishAsync(Account("42", "tok"), new PostContent("hi"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        error.Message.ShouldBe("X answered 400: Your media IDs are invalid.");
    }

    [Test]
    public async Task A_forbidden_post_reaches_the_user_with_xs_own_detail()
    {
        // https://docs.x.com/x-api/fundamentals/response-codes-and-errors: 403 problem with title, detail, type.
        Fake.On("POST", "/2/tweets", FakeResponse.Json(
            """{"title":"Forbidden","type":"about:blank","status":403,"detail":"You are not permitted to perform this action."}""", 403));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.X).PublishAsync(Account("42", "tok"), new PostContent("hi"), CancellationToken.None));

        error.Message.ShouldBe("X answered 403: You are not permitted to perform this action.");
    }

    [Test]
    public async Task An_image_with_alt_text_gets_it_through_media_metadata_before_the_post()
    {
        // https://docs.x.com/x-api/media/create-media-metadata: POST /2/media/metadata {"id", "metadata":{"alt_text":{"text"}}}.
        var image = Media("cat.png", MediaKind.Image, "image/png", "PNGDATA");
        Fake.On("POST", "/2/media/upload/initialize", FakeResponse.Json("""{"data":{"id":"1880028106020515840","media_key":"3_1880028106020515840","expires_after_secs":86400}}"""));
        Fake.On("POST", "/2/media/upload/1880028106020515840/append", FakeResponse.Json("""{"data":{"expires_at":1737999999}}"""));
        Fake.On("POST", "/2/media/upload/1880028106020515840/finalize", FakeResponse.Json("""{"data":{"id":"1880028106020515840","media_key":"3_1880028106020515840","size":7}}"""));
        Fake.On("POST", "/2/media/metadata", FakeResponse.Json("""{"data":{"associated_metadata":{"alt_text":{"text":"alt cat.png"}},"id":"1880028106020515840"}}"""));
        Fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"1","text":"look"}}""", 201));

        await Client(SocialPlatform.X).PublishAsync(Account("42", "user-token"), new PostContent("look", [image]), CancellationToken.None);

        var metadata = Fake.Single("POST", "/2/media/metadata");
        metadata.Header("Authorization").ShouldBe("Bearer user-token");
        metadata.Body.ShouldBe("""{"id":"1880028106020515840","metadata":{"alt_text":{"text":"alt cat.png"}}}""");
        Fake.Requests.Select(r => r.Path).ToList().IndexOf("/2/media/metadata").ShouldBeLessThan(Fake.Requests.Select(r => r.Path).ToList().IndexOf("/2/tweets"));
    }

    [Test]
    public async Task Disconnect_revokes_the_refresh_token_and_the_access_token()
    {
        // https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token: POST /2/oauth2/revoke,
        // form token and token_type_hint, confidential clients with Basic auth.
        Fake.On("POST", "/2/oauth2/revoke", FakeResponse.Json("""{"revoked":true}"""));

        (await Client(SocialPlatform.X).RevokeAsync(Account("42", "x-access", "x-refresh"), CancellationToken.None)).ShouldBeTrue();

        var revoked = Fake.To("POST", "/2/oauth2/revoke");
        revoked.Select(r => r.Form()).ShouldBe(
        [
            new Dictionary<string, string> { ["token"] = "x-refresh", ["token_type_hint"] = "refresh_token" },
            new Dictionary<string, string> { ["token"] = "x-access", ["token_type_hint"] = "access_token" },
        ], ignoreOrder: true);
        revoked.ShouldAllBe(r => r.Header("Authorization") == "Basic eC1jbGllbnQtaWQ6eC1jbGllbnQtc2VjcmV0");
    }
}
