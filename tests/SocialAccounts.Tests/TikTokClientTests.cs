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
        url.Query.ShouldContain("scope=user.info.basic%2Cuser.info.stats%2Cvideo.publish%2Cvideo.list");
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
    public async Task A_video_on_a_verified_url_is_direct_posted_from_its_url_after_creator_info_and_polled_to_completion()
    {
        var video = Media("verified/v.mp4", MediaKind.Video, "video/mp4");
        ScriptCreator();
        Fake.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json("""{"data":{"publish_id":"v_pub_url~v2.123"},"error":{"code":"ok","message":"","log_id":"l"}}"""));
        var polls = 0;
        Fake.On("POST", "/v2/post/publish/status/fetch/", _ => FakeResponse.Json(++polls == 1
            ? """{"data":{"status":"PROCESSING_DOWNLOAD"},"error":{"code":"ok","message":"","log_id":"l"}}"""
            : """{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7300000000000000001]},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        var post = await Client(SocialPlatform.TikTok).PublishAsync(Account("act.123", "act.tok"), new PostContent("#bread", [video], PrivacyLevel: "SELF_ONLY"), CancellationToken.None);

        post.PlatformPostId.ShouldBe("7300000000000000001");
        var init = Fake.Single("POST", "/v2/post/publish/video/init/");
        init.Header("Authorization").ShouldBe("Bearer act.tok");
        init.Body.ShouldBe($$$"""{"post_info":{"title":"#bread","privacy_level":"SELF_ONLY","disable_comment":true,"disable_duet":true,"disable_stitch":true},"source_info":{"source":"PULL_FROM_URL","video_url":"{{{video.Url}}}"}}""");
        Fake.To("POST", "/v2/post/publish/status/fetch/")[0].Body.ShouldBe("""{"publish_id":"v_pub_url~v2.123"}""");
    }

    [Test]
    public async Task A_video_elsewhere_is_uploaded_in_chunks_with_content_range_to_the_answered_upload_url()
    {
        const int MB = 1024 * 1024;
        var bytes = string.Concat(Enumerable.Range(0, 21 * MB / 16).Select(i => (i % 10).ToString().PadRight(16, '.')));
        var video = Media("big.mp4", MediaKind.Video, "video/mp4", bytes);
        ScriptCreator();
        Fake.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json(
            $$$"""{"data":{"publish_id":"v_pub_file~v2-1.123456789","upload_url":"{{{Fake.Url}}}/upload/?upload_id=67890&upload_token=Xza123"},"error":{"code":"ok","message":"","log_id":"l"}}"""));
        Fake.On("PUT", "/upload/", request => new FakeResponse(request.Header("Content-Range")!.EndsWith($"-{bytes.Length - 1}/{bytes.Length}") ? 201 : 206));
        Fake.On("POST", "/v2/post/publish/status/fetch/", FakeResponse.Json(
            """{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7300000000000000002]},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        var post = await Client(SocialPlatform.TikTok).PublishAsync(Account("act.123", "act.tok"), new PostContent("#crumb", [video], PrivacyLevel: "SELF_ONLY"), CancellationToken.None);

        post.PlatformPostId.ShouldBe("7300000000000000002");
        var init = Fake.Single("POST", "/v2/post/publish/video/init/");
        init.Header("Authorization").ShouldBe("Bearer act.tok");
        init.Body.ShouldBe($$$"""{"post_info":{"title":"#crumb","privacy_level":"SELF_ONLY","disable_comment":true,"disable_duet":true,"disable_stitch":true},"source_info":{"source":"FILE_UPLOAD","video_size":{{{bytes.Length}}},"chunk_size":{{{10 * MB}}},"total_chunk_count":2}}""");
        var chunks = Fake.To("PUT", "/upload/");
        chunks.Select(c => c.QueryValues()["upload_id"]).ShouldBe(["67890", "67890"]);
        chunks.Select(c => c.Header("Content-Range")).ShouldBe([$"bytes 0-{10 * MB - 1}/{bytes.Length}", $"bytes {10 * MB}-{bytes.Length - 1}/{bytes.Length}"]);
        chunks.Select(c => c.Header("Content-Type")).ShouldBe(["video/mp4", "video/mp4"]);
        chunks.Select(c => c.Header("Content-Length")).ShouldBe([$"{10 * MB}", $"{bytes.Length - 10 * MB}"]);
        chunks.ShouldAllBe(c => c.Header("Authorization") == null);
        string.Concat(chunks.Select(c => c.Body)).ShouldBe(bytes);
        Fake.Single("POST", "/v2/post/publish/status/fetch/").Body.ShouldBe("""{"publish_id":"v_pub_file~v2-1.123456789"}""");
    }

    [TestCase(3 * 1024 * 1024, 3 * 1024 * 1024, 1)]
    [TestCase(12 * 1024 * 1024, 10 * 1024 * 1024, 1)]
    [TestCase(35 * 1024 * 1024, 10 * 1024 * 1024, 3)]
    public void Chunks_are_10_mb_with_the_remainder_in_the_last_and_a_small_video_whole(int size, int chunkSize, int count) =>
        Platforms.TikTok.TikTokClient.Chunking(size).ShouldBe((chunkSize, count));

    [Test]
    public async Task A_chunk_the_upload_server_refuses_fails_the_post_before_any_status_poll()
    {
        ScriptCreator();
        Fake.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json(
            $$$"""{"data":{"publish_id":"p","upload_url":"{{{Fake.Url}}}/upload/?upload_id=1"},"error":{"code":"ok","message":"","log_id":"l"}}"""));
        Fake.On("PUT", "/upload/", FakeResponse.Json("""{"error":{"code":"invalid_file_upload","message":"chunk out of order","log_id":"l"}}""", 400));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.TikTok).PublishAsync(Account("a", "t"),
            new PostContent("x", [Media("small.mp4", MediaKind.Video, "video/mp4")], PrivacyLevel: "SELF_ONLY"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        error.PlatformCode.ShouldBe("invalid_file_upload");
        Fake.To("POST", "/v2/post/publish/status/fetch/").ShouldBeEmpty();
    }

    [Test]
    public async Task Disconnect_revokes_the_access_token_with_the_client_credentials_in_the_form()
    {
        Fake.On("POST", "/v2/oauth/revoke/", FakeResponse.Json("{}"));

        (await Client(SocialPlatform.TikTok).RevokeAsync(Account("act.123", "act.tok", "rft.tok"), CancellationToken.None)).ShouldBeTrue();

        var revoke = Fake.Single("POST", "/v2/oauth/revoke/");
        revoke.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        revoke.Form().ShouldBe(new Dictionary<string, string>
        {
            ["client_key"] = "tiktok-client-id", ["client_secret"] = "tiktok-client-secret", ["token"] = "act.tok",
        }, ignoreOrder: true);
    }

    [Test]
    public async Task A_revocation_tiktok_refuses_is_reported()
    {
        Fake.On("POST", "/v2/oauth/revoke/", FakeResponse.Json("""{"error":"invalid_client","error_description":"Client key or secret is incorrect.","log_id":"l"}""", 401));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.TikTok).RevokeAsync(Account("a", "t"), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.Permanent);
        error.PlatformCode.ShouldBe("invalid_client");
    }

    private void ScriptCreator() => Fake.On("POST", "/v2/post/publish/creator_info/query/", FakeResponse.Json(
        """{"data":{"creator_username":"baker","privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"max_video_post_duration_sec":600},"error":{"code":"ok","message":"","log_id":"l"}}"""));

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

    [Test]
    public async Task A_post_without_the_privacy_level_the_user_chose_is_refused_before_anything_is_sent()
    {
        ScriptCreator();

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.TikTok).PublishAsync(Account("a", "t"),
            new PostContent("x", [Media("quiet.mp4", MediaKind.Video, "video/mp4")]), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        Fake.To("POST", "/v2/post/publish/video/init/").ShouldBeEmpty();
    }

    [Test]
    public async Task Interactions_the_user_turned_on_are_sent_enabled_and_the_others_disabled()
    {
        var video = Media("verified/social.mp4", MediaKind.Video, "video/mp4");
        ScriptCreator();
        Fake.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json("""{"data":{"publish_id":"p1"},"error":{"code":"ok","message":"","log_id":"l"}}"""));
        Fake.On("POST", "/v2/post/publish/status/fetch/", FakeResponse.Json(
            """{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7]},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        await Client(SocialPlatform.TikTok).PublishAsync(Account("a", "t"),
            new PostContent("#crumb", [video], PrivacyLevel: "SELF_ONLY", Interactions: new Interactions(Comments: true)), CancellationToken.None);

        var postInfo = JsonDocument.Parse(Fake.Single("POST", "/v2/post/publish/video/init/").Body).RootElement.GetProperty("post_info");
        postInfo.GetProperty("disable_comment").GetBoolean().ShouldBeFalse();
        postInfo.GetProperty("disable_duet").GetBoolean().ShouldBeTrue();
        postInfo.GetProperty("disable_stitch").GetBoolean().ShouldBeTrue();
    }
}
