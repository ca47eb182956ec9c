using System.Text.Json;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class TikTokClientTests : ClientTestBase
{
    [Test]
    public async Task Login_kit_uses_client_key_and_the_token_answer_carries_open_id_and_refresh_token()
    {
        var client = Client(SocialPlatform.TikTok);
        var url = new Uri(client.BuildAuthorizeUrl("st", "https://app.example/cb", ""));
        Fake.On("POST", "/v2/oauth/token/", FakeResponse.Json(
            """{"open_id":"act.123","scope":"user.info.basic,video.publish","access_token":"act.tok","expires_in":86400,"refresh_token":"rft.tok","refresh_expires_in":31536000,"token_type":"Bearer"}"""));
        Fake.On("GET", "/v2/user/info/", FakeResponse.Json(
            """{"data":{"user":{"open_id":"act.123","union_id":"u","avatar_url":"https://tt.example/a.jpg","display_name":"Baker","username":"baker"}},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        var tokens = await client.ExchangeCodeAsync("tt-code", "https://app.example/cb", "", CancellationToken.None);
        var identity = (await client.FetchIdentitiesAsync(tokens, CancellationToken.None)).Single();

        url.Query.ShouldContain("client_key=tiktok-client-id");
        url.Query.ShouldContain("scope=user.info.basic%2Cvideo.publish%2Cvideo.list");
        Fake.Single("POST", "/v2/oauth/token/").Form().ShouldBe(new Dictionary<string, string>
        {
            ["client_key"] = "tiktok-client-id", ["client_secret"] = "tiktok-client-secret", ["code"] = "tt-code",
            ["grant_type"] = "authorization_code", ["redirect_uri"] = "https://app.example/cb",
        }, ignoreOrder: true);
        tokens.RefreshToken.ShouldBe("rft.tok");
        tokens.RefreshExpiresAt.ShouldNotBeNull();
        Fake.Single("GET", "/v2/user/info/").QueryValues()["fields"].ShouldBe("open_id,union_id,avatar_url,display_name,username");
        identity.ExternalId.ShouldBe("act.123");
        identity.Handle.ShouldBe("baker");
    }

    [Test]
    public async Task A_video_is_direct_posted_from_its_url_after_creator_info_and_polled_to_completion()
    {
        var video = Media("v.mp4", MediaKind.Video, "video/mp4");
        Fake.On("POST", "/v2/post/publish/creator_info/query/", FakeResponse.Json(
            """{"data":{"creator_username":"baker","privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"max_video_post_duration_sec":600},"error":{"code":"ok","message":"","log_id":"l"}}"""));
        Fake.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json("""{"data":{"publish_id":"v_pub_url~v2.123"},"error":{"code":"ok","message":"","log_id":"l"}}"""));
        var polls = 0;
        Fake.On("POST", "/v2/post/publish/status/fetch/", _ => FakeResponse.Json(++polls == 1
            ? """{"data":{"status":"PROCESSING_DOWNLOAD"},"error":{"code":"ok","message":"","log_id":"l"}}"""
            : """{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7300000000000000001]},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        var post = await Client(SocialPlatform.TikTok).PublishAsync(Account("act.123", "act.tok"), new PostContent("#bread", [video]), CancellationToken.None);

        post.PlatformPostId.ShouldBe("7300000000000000001");
        var init = Fake.Single("POST", "/v2/post/publish/video/init/");
        init.Header("Authorization").ShouldBe("Bearer act.tok");
        init.Body.ShouldBe($$$"""{"post_info":{"title":"#bread","privacy_level":"SELF_ONLY"},"source_info":{"source":"PULL_FROM_URL","video_url":"{{{video.Url}}}"}}""");
        Fake.To("POST", "/v2/post/publish/status/fetch/")[0].Body.ShouldBe("""{"publish_id":"v_pub_url~v2.123"}""");
    }

    [Test]
    public async Task A_privacy_level_the_creator_is_not_offered_is_rejected_before_posting()
    {
        Fake.On("POST", "/v2/post/publish/creator_info/query/", FakeResponse.Json(
            """{"data":{"privacy_level_options":["SELF_ONLY"]},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.TikTok).PublishAsync(Account("a", "t"),
            new PostContent("x", [Media("v2.mp4", MediaKind.Video, "video/mp4")], PrivacyLevel: "PUBLIC_TO_EVERYONE"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        Fake.To("POST", "/v2/post/publish/video/init/").ShouldBeEmpty();
    }

    [TestCase(401, "access_token_invalid", PlatformErrorKind.TokenExpired)]
    [TestCase(429, "rate_limit_exceeded", PlatformErrorKind.RateLimited)]
    [TestCase(400, "invalid_params", PlatformErrorKind.ContentRejected)]
    [TestCase(401, "scope_not_authorized", PlatformErrorKind.Permanent)]
    [TestCase(500, "internal_error", PlatformErrorKind.Transient)]
    public async Task Errors_map_to_the_taxonomy(int status, string code, PlatformErrorKind expected)
    {
        Fake.On("POST", "/v2/video/query/", FakeResponse.Json(
            JsonSerializer.Serialize(new { data = new { }, error = new { code, message = "m", log_id = "l" } }), status));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.TikTok).GetMetricsAsync(Account("a", "t"), "1", CancellationToken.None));

        error.Kind.ShouldBe(expected);
        error.PlatformCode.ShouldBe(code);
    }

    [Test]
    public async Task Metrics_query_the_video_by_id()
    {
        Fake.On("POST", "/v2/video/query/", FakeResponse.Json(
            """{"data":{"videos":[{"id":"73","like_count":5,"comment_count":2,"share_count":1,"view_count":300}]},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        var metrics = await Client(SocialPlatform.TikTok).GetMetricsAsync(Account("a", "t"), "73", CancellationToken.None);

        metrics.Views.ShouldBe(300);
        var request = Fake.Single("POST", "/v2/video/query/");
        request.QueryValues()["fields"].ShouldBe("id,like_count,comment_count,share_count,view_count");
        request.Body.ShouldBe("""{"filters":{"video_ids":["73"]}}""");
    }
}
