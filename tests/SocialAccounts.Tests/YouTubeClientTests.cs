using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class YouTubeClientTests : ClientTestBase
{
    [Test]
    public async Task Google_oauth_asks_offline_access_with_pkce_and_the_channel_is_the_identity()
    {
        var client = Client(SocialPlatform.YouTube);
        client.UsesPkce.ShouldBeTrue();
        var url = new Uri(client.BuildAuthorizeUrl("st", "https://app.example/cb", "challenge"));
        Fake.On("POST", "/token", FakeResponse.Json("""{"access_token":"ya29.a","expires_in":3599,"refresh_token":"1//r","scope":"https://www.googleapis.com/auth/youtube.upload","token_type":"Bearer"}"""));
        Fake.On("GET", "/youtube/v3/channels", FakeResponse.Json("""
            {"items":[{"id":"UC123","snippet":{"title":"Bakery TV","customUrl":"@bakerytv","thumbnails":{"default":{"url":"https://yt.example/t.jpg"}}},
                       "contentDetails":{"relatedPlaylists":{"uploads":"UU123"}}}]}
            """));

        var tokens = await client.ExchangeCodeAsync("g-code", "https://app.example/cb", "verifier", CancellationToken.None);
        var identity = (await client.FetchIdentitiesAsync(tokens, CancellationToken.None)).Single();

        foreach (var part in new[] { "access_type=offline", "prompt=consent", "code_challenge=challenge", "code_challenge_method=S256", "response_type=code" })
        {
            url.Query.ShouldContain(part);
        }
        Fake.Single("POST", "/token").Form().ShouldBe(new Dictionary<string, string>
        {
            ["code"] = "g-code", ["client_id"] = "youtube-client-id", ["client_secret"] = "youtube-client-secret",
            ["redirect_uri"] = "https://app.example/cb", ["grant_type"] = "authorization_code", ["code_verifier"] = "verifier",
        }, ignoreOrder: true);
        var channels = Fake.Single("GET", "/youtube/v3/channels");
        channels.Header("Authorization").ShouldBe("Bearer ya29.a");
        channels.QueryValues().ShouldBe(new Dictionary<string, string> { ["part"] = "snippet,contentDetails", ["mine"] = "true" });
        identity.ExternalId.ShouldBe("UC123");
        identity.Handle.ShouldBe("@bakerytv");
        identity.Metadata["uploads_playlist"].ShouldBe("UU123");
    }

    [Test]
    public async Task A_video_is_uploaded_through_a_resumable_session()
    {
        var video = Media("film.mp4", MediaKind.Video, "video/mp4", "MP4BYTES");
        Fake.On("POST", "/upload/youtube/v3/videos", new FakeResponse(200, Headers: new Dictionary<string, string>
        {
            ["Location"] = $"{Fake.Url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=xa298sd_f",
        }));
        Fake.On("PUT", "/upload/youtube/v3/videos", FakeResponse.Json("""{"kind":"youtube#video","id":"dQw4w9WgXcQ","status":{"uploadStatus":"uploaded"}}""", 201));

        var post = await Client(SocialPlatform.YouTube).PublishAsync(Account("UC123", "ya29.a"),
            new PostContent("About bread", [video], Title: "Bread"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        var start = Fake.Single("POST", "/upload/youtube/v3/videos");
        start.QueryValues().ShouldBe(new Dictionary<string, string> { ["uploadType"] = "resumable", ["part"] = "snippet,status" });
        start.Header("X-Upload-Content-Length").ShouldBe("8");
        start.Header("X-Upload-Content-Type").ShouldBe("video/mp4");
        start.Body.ShouldBe("""{"snippet":{"title":"Bread","description":"About bread"},"status":{"privacyStatus":"private"}}""");
        var put = Fake.Single("PUT", "/upload/youtube/v3/videos");
        put.QueryValues()["upload_id"].ShouldBe("xa298sd_f");
        put.Header("Content-Type").ShouldBe("video/mp4");
        put.Body.ShouldBe("MP4BYTES");
    }

    [TestCase(403, "quotaExceeded", PlatformErrorKind.RateLimited)]
    [TestCase(400, "uploadLimitExceeded", PlatformErrorKind.RateLimited)]
    [TestCase(400, "invalidTitle", PlatformErrorKind.ContentRejected)]
    [TestCase(401, "authError", PlatformErrorKind.TokenExpired)]
    [TestCase(403, "forbidden", PlatformErrorKind.Permanent)]
    [TestCase(503, "backendError", PlatformErrorKind.Transient)]
    public async Task Errors_map_to_the_taxonomy(int status, string reason, PlatformErrorKind expected)
    {
        Fake.On("GET", "/youtube/v3/videos", FakeResponse.Json(
            $$$"""{"error":{"code":{{{status}}},"message":"m","errors":[{"message":"m","domain":"youtube","reason":"{{{reason}}}"}]}}""", status));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.YouTube).GetMetricsAsync(Account("UC1", "t"), "v", CancellationToken.None));

        error.Kind.ShouldBe(expected);
        if (expected == PlatformErrorKind.RateLimited)
        {
            error.RetryAfter!.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(24));
        }
    }

    [Test]
    public async Task Metrics_read_statistics_and_disconnect_revokes_the_refresh_token()
    {
        Fake.On("GET", "/youtube/v3/videos", FakeResponse.Json("""{"items":[{"id":"v","statistics":{"viewCount":"1200","likeCount":"30","favoriteCount":"0","commentCount":"7"}}]}"""));
        Fake.On("POST", "/revoke", new FakeResponse(200));
        var client = Client(SocialPlatform.YouTube);

        var metrics = await client.GetMetricsAsync(Account("UC1", "t"), "v", CancellationToken.None);
        (await client.RevokeAsync(Account("UC1", "t", "1//r"), CancellationToken.None)).ShouldBeTrue();

        metrics.Views.ShouldBe(1200);
        metrics.Comments.ShouldBe(7);
        Fake.Single("GET", "/youtube/v3/videos").QueryValues().ShouldBe(new Dictionary<string, string> { ["part"] = "statistics", ["id"] = "v" });
        var revoke = Fake.Single("POST", "/revoke");
        revoke.QueryValues().ShouldBe(new Dictionary<string, string> { ["token"] = "1//r" });
        revoke.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
    }

    // Error shapes: https://developers.google.com/youtube/v3/docs/core_errors (429/403 rateLimitExceeded,
    // 403 userRateLimitExceeded, 403 quotaExceeded) in the envelope of https://developers.google.com/youtube/v3/docs/errors.
    [TestCase(429, "rateLimitExceeded")]
    [TestCase(403, "rateLimitExceeded")]
    [TestCase(403, "userRateLimitExceeded")]
    public async Task A_short_term_rate_limit_waits_briefly_not_until_the_quota_resets(int status, string reason)
    {
        Fake.On("GET", "/youtube/v3/videos", FakeResponse.Json(
            $$$"""{"error":{"code":{{{status}}},"message":"Too many requests.","errors":[{"message":"Too many requests.","domain":"usageLimits","reason":"{{{reason}}}"}]}}""", status));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.YouTube).GetMetricsAsync(Account("UC1", "t"), "v", CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task The_daily_quota_waits_until_midnight_pacific()
    {
        // https://developers.google.com/youtube/v3/docs/core_errors ("quotaExceeded"); quotas reset at midnight Pacific
        // (https://developers.google.com/youtube/v3/getting-started#quota).
        Fake.On("GET", "/youtube/v3/videos", FakeResponse.Json(
            """{"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.","errors":[{"message":"The request cannot be completed because you have exceeded your quota.","domain":"youtube.quota","reason":"quotaExceeded"}]}}""", 403));
        var pacific = TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.YouTube).GetMetricsAsync(Account("UC1", "t"), "v", CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        error.RetryAfter.ShouldBe(pacific.Date.AddDays(1) - pacific.DateTime);
        error.Message.ShouldContain("you have exceeded your quota");
    }

    [Test]
    public async Task Recent_uploads_report_the_description_the_text_was_sent_in()
    {
        // https://developers.google.com/youtube/v3/docs/playlistItems/list and the playlistItem resource
        // (https://developers.google.com/youtube/v3/docs/playlistItems#resource): snippet.title, snippet.description,
        // contentDetails.videoId, contentDetails.videoPublishedAt.
        Fake.On("GET", "/youtube/v3/playlistItems", FakeResponse.Json("""
            {"kind":"youtube#playlistItemListResponse","items":[{"kind":"youtube#playlistItem","id":"UEx1",
              "snippet":{"publishedAt":"2026-12-01T10:00:00Z","title":"Bread","description":"About bread","playlistId":"UU123"},
              "contentDetails":{"videoId":"dQw4w9WgXcQ","videoPublishedAt":"2026-12-01T10:00:00Z"}}]}
            """));

        var recent = await Client(SocialPlatform.YouTube).ListRecentPostsAsync(Account("UC123", "ya29.a", metadata: new() { ["uploads_playlist"] = "UU123" }), 10, CancellationToken.None);

        recent.ShouldBe([new RecentPost("dQw4w9WgXcQ", "About bread", DateTimeOffset.Parse("2026-12-01T10:00:00Z"), "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]);
    }
}
