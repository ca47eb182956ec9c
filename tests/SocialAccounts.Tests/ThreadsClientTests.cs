using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class ThreadsClientTests : ClientTestBase
{
    [Test]
    public async Task The_code_is_exchanged_then_upgraded_to_a_long_lived_token_and_the_identity_read()
    {
        var client = Client(SocialPlatform.Threads);
        var url = new Uri(client.BuildAuthorizeUrl("st", "https://app.example/cb", ""));
        Fake.On("POST", "/oauth/access_token", FakeResponse.Json("""{"access_token":"th-short","user_id":"1234"}"""));
        Fake.On("GET", "/access_token", FakeResponse.Json("""{"access_token":"th-long","token_type":"bearer","expires_in":5183944}"""));
        Fake.On("GET", "/v1.0/me", FakeResponse.Json("""{"id":"1234","username":"bakery","name":"Bakery","threads_profile_picture_url":"https://t.example/a.jpg"}"""));

        var tokens = await client.ExchangeCodeAsync("th-code", "https://app.example/cb", "", CancellationToken.None);
        var identity = (await client.FetchIdentitiesAsync(tokens, CancellationToken.None)).Single();

        url.Query.ShouldContain("scope=threads_basic%2Cthreads_content_publish%2Cthreads_manage_insights");
        Fake.Single("POST", "/oauth/access_token").Form().ShouldBe(new Dictionary<string, string>
        {
            ["client_id"] = "threads-client-id", ["client_secret"] = "threads-client-secret", ["code"] = "th-code",
            ["grant_type"] = "authorization_code", ["redirect_uri"] = "https://app.example/cb",
        }, ignoreOrder: true);
        Fake.Single("GET", "/access_token").QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "th_exchange_token", ["client_secret"] = "threads-client-secret", ["access_token"] = "th-short",
        }, ignoreOrder: true);
        tokens.AccessToken.ShouldBe("th-long");
        identity.ExternalId.ShouldBe("1234");
        identity.Handle.ShouldBe("bakery");
        identity.AvatarUrl.ShouldBe("https://t.example/a.jpg");
    }

    [Test]
    public async Task Refresh_uses_th_refresh_token_with_the_long_lived_token()
    {
        Fake.On("GET", "/refresh_access_token", FakeResponse.Json("""{"access_token":"th-new","token_type":"bearer","expires_in":5183944}"""));

        var tokens = await Client(SocialPlatform.Threads).RefreshAsync(Account("1234", "th-long"), CancellationToken.None);

        tokens!.AccessToken.ShouldBe("th-new");
        Fake.Single("GET", "/refresh_access_token").QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "th_refresh_token", ["access_token"] = "th-long",
        }, ignoreOrder: true);
    }

    [Test]
    public async Task A_text_post_is_a_TEXT_container_then_threads_publish()
    {
        Fake.On("POST", "/v1.0/1234/threads", FakeResponse.Json("""{"id":"c-1"}"""));
        Fake.On("POST", "/v1.0/1234/threads_publish", FakeResponse.Json("""{"id":"m-1"}"""));
        Fake.On("GET", "/v1.0/m-1", FakeResponse.Json("""{"permalink":"https://www.threads.com/@bakery/post/abc","id":"m-1"}"""));

        var post = await Client(SocialPlatform.Threads).PublishAsync(Account("1234", "tok"), new PostContent("fresh bread"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("m-1", "https://www.threads.com/@bakery/post/abc"));
        Fake.Single("POST", "/v1.0/1234/threads").Form().ShouldBe(new Dictionary<string, string>
        {
            ["media_type"] = "TEXT", ["text"] = "fresh bread", ["access_token"] = "tok",
        });
        Fake.Single("POST", "/v1.0/1234/threads_publish").Form()["creation_id"].ShouldBe("c-1");
        Fake.To("GET", "/v1.0/c-1").ShouldBeEmpty();
    }

    [Test]
    public async Task A_video_container_is_polled_until_finished_and_an_error_status_is_content_rejected()
    {
        var video = Media("clip.mp4", MediaKind.Video, "video/mp4");
        Fake.On("POST", "/v1.0/1234/threads", FakeResponse.Json("""{"id":"c-2"}"""));
        Fake.On("GET", "/v1.0/c-2", FakeResponse.Json("""{"status":"ERROR","error_message":"INVALID_DURATION","id":"c-2"}"""));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.Threads).PublishAsync(Account("1234", "tok"), new PostContent("clip", [video]), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        Fake.Single("POST", "/v1.0/1234/threads").Form()["video_url"].ShouldBe(video.Url);
        Fake.Single("GET", "/v1.0/c-2").QueryValues()["fields"].ShouldBe("status,error_message");
        Fake.To("POST", "/v1.0/1234/threads_publish").ShouldBeEmpty();
    }

    [Test]
    public async Task Metrics_read_media_insights()
    {
        Fake.On("GET", "/v1.0/m-1/insights", FakeResponse.Json("""
            {"data":[{"name":"views","period":"lifetime","values":[{"value":900}]},{"name":"likes","period":"lifetime","values":[{"value":40}]},
                     {"name":"replies","period":"lifetime","values":[{"value":4}]},{"name":"reposts","period":"lifetime","values":[{"value":2}]}]}
            """));

        var metrics = await Client(SocialPlatform.Threads).GetMetricsAsync(Account("1234", "tok"), "m-1", CancellationToken.None);

        metrics.Views.ShouldBe(900);
        metrics.Likes.ShouldBe(40);
        metrics.Comments.ShouldBe(4);
        Fake.Single("GET", "/v1.0/m-1/insights").QueryValues()["metric"].ShouldBe("views,likes,replies,reposts,quotes,shares");
    }
}
