using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests.DeadLetter;

/// <summary>
/// A TikTok post whose creation answer was lost before TikTok named its publish id, and which is private, cannot be looked
/// up: TikTok lists only public videos. The admin's check then stands in for the lookup, once.
/// </summary>
public sealed class RetryWhenThePlatformCannotTellTests : PostsFixture
{
    private const string Ok = "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"l\"}";
    private const string Redirect = "https://app.example/callback";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Platforms:TikTok:AuthorizeUrl"] = x.Url + "/v2/auth/authorize/",
        ["Platforms:TikTok:TokenUrl"] = x.Url + "/v2/oauth/token/",
        ["Platforms:TikTok:RevokeUrl"] = x.Url + "/v2/oauth/revoke/",
        ["Platforms:TikTok:ApiBaseUrl"] = x.Url,
        ["Platforms:TikTok:ClientId"] = "tiktok-client-key",
        ["Platforms:TikTok:ClientSecret"] = "tiktok-client-secret",
        // TikTok pulls the video itself from a verified prefix: nothing is downloaded here.
        ["Platforms:TikTok:VerifiedUrlPrefixes"] = "https://media.example/verified/",
    };

    [SetUp]
    public void Reset() => x.Reset();

    [Test]
    public async Task A_checked_retry_sends_once_when_tiktok_cannot_be_asked()
    {
        var owner = await app.RegisterAsync();
        var account = await ConnectTikTokAsync(owner);
        x.On("POST", "/v2/post/publish/creator_info/query/", FakeResponse.Json(
            "{\"data\":{\"creator_username\":\"baker\",\"privacy_level_options\":[\"PUBLIC_TO_EVERYONE\",\"SELF_ONLY\"],\"max_video_post_duration_sec\":600}," + Ok + "}"));
        x.On("POST", "/v2/video/list/", FakeResponse.Json("{\"data\":{\"videos\":[],\"cursor\":0,\"has_more\":false}," + Ok + "}"));
        x.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json("""{"error":{"code":"internal_error","message":"","log_id":"l"}}""", 500));
        var created = await owner.Client.PostAsJsonAsync("/api/v1/posts", new
        {
            content = "#bread",
            type = "video",
            media = new[] { new { url = "https://media.example/verified/loaf.mp4", kind = "video", contentType = "video/mp4", sizeBytes = 1000, durationSeconds = 12 } },
            targets = new[] { new { accountId = account, privacyLevel = "SELF_ONLY" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var post = (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();
        (await PostApi.PublishAsync(owner.Client, post)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var deadLettered = await PostApi.WaitForAsync(owner.Client, post, "Failed", "Published");
        deadLettered.Target().GetProperty("status").GetString().ShouldBe("Unconfirmed");

        x.On("POST", "/v2/post/publish/video/init/", FakeResponse.Json("{\"data\":{\"publish_id\":\"v_pub_1\"}," + Ok + "}"));
        x.On("POST", "/v2/post/publish/status/fetch/", FakeResponse.Json(
            "{\"data\":{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[7300000000000000042]}," + Ok + "}"));
        var retry = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{post}/targets/{deadLettered.Target().Id()}/retry", new { confirmedNotPublished = true });
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var published = await PostApi.WaitForAsync(owner.Client, post, "Published");

        published.Target().GetProperty("platformPostId").GetString().ShouldBe("7300000000000000042");
        x.To("POST", "/v2/post/publish/video/init/").Count.ShouldBe(2);
    }

    private async Task<Guid> ConnectTikTokAsync(TestAccount owner)
    {
        x.On("POST", "/v2/oauth/token/", FakeResponse.Json(
            """{"open_id":"act.1","scope":"user.info.basic,video.publish,video.list","access_token":"act.tok","expires_in":86400,"refresh_token":"rft.tok","refresh_expires_in":31536000,"token_type":"Bearer"}"""));
        x.On("GET", "/v2/user/info/", FakeResponse.Json(
            "{\"data\":{\"user\":{\"open_id\":\"act.1\",\"union_id\":\"u\",\"avatar_url\":\"https://tt.example/a.jpg\",\"display_name\":\"Baker\",\"username\":\"baker\"}}," + Ok + "}"));
        var authUrl = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/auth-url/tiktok?redirectUri={Uri.EscapeDataString(Redirect)}");
        var connected = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "tiktok", code = "tt-code", state = authUrl.GetProperty("state").GetString(), redirectUri = Redirect });
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        return (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }
}
