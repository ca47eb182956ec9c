using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class RedditClientTests : ClientTestBase
{
    // https://github.com/reddit-archive/reddit/wiki/API: "<platform>:<app ID>:<version string> (by /u/<reddit username>)".
    private const string UserAgent = "web:platform-social-scheduler:v1.0 (by /u/bakery_scheduler)";

    [Test]
    public async Task A_permanent_grant_is_exchanged_with_basic_auth_and_the_descriptive_user_agent()
    {
        var client = Client(SocialPlatform.Reddit);
        var url = new Uri(client.BuildAuthorizeUrl("st", "https://app.example/cb", ""));
        Fake.On("POST", "/api/v1/access_token", FakeResponse.Json("""{"access_token":"r-a","token_type":"bearer","expires_in":3600,"scope":"identity submit read history","refresh_token":"r-r"}"""));
        Fake.On("GET", "/api/v1/me", FakeResponse.Json("""{"id":"1w72","name":"baker","icon_img":"https://styles.redditmedia.com/a.png?width=256&amp;s=abc"}"""));

        var tokens = await client.ExchangeCodeAsync("r-code", "https://app.example/cb", "", CancellationToken.None);
        var identity = (await client.FetchIdentitiesAsync(tokens, CancellationToken.None)).Single();

        url.Query.ShouldContain("duration=permanent");
        url.Query.ShouldContain("scope=identity%20submit%20read%20history");
        var exchange = Fake.Single("POST", "/api/v1/access_token");
        exchange.Header("Authorization").ShouldBe("Basic cmVkZGl0LWNsaWVudC1pZDpyZWRkaXQtY2xpZW50LXNlY3JldA==");
        exchange.Header("User-Agent").ShouldBe(UserAgent);
        exchange.Form().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "r-code", ["redirect_uri"] = "https://app.example/cb",
        }, ignoreOrder: true);
        Fake.Single("GET", "/api/v1/me").Header("User-Agent").ShouldBe(UserAgent);
        identity.Handle.ShouldBe("baker");
        identity.AvatarUrl.ShouldBe("https://styles.redditmedia.com/a.png?width=256&s=abc");
    }

    [Test]
    public async Task A_self_post_is_submitted_with_api_type_json()
    {
        Fake.On("POST", "/api/submit", FakeResponse.Json(
            """{"json":{"errors":[],"data":{"url":"https://www.reddit.com/r/Breadit/comments/abc123/fresh/","drafts_count":0,"id":"abc123","name":"t3_abc123"}}}"""));

        var post = await Client(SocialPlatform.Reddit).PublishAsync(Account("1w72", "r-a"),
            new PostContent("Recipe inside", Title: "Fresh loaf", Subreddit: "Breadit"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("t3_abc123", "https://www.reddit.com/r/Breadit/comments/abc123/fresh/"));
        var submit = Fake.Single("POST", "/api/submit");
        submit.Header("Authorization").ShouldBe("Bearer r-a");
        submit.Form().ShouldBe(new Dictionary<string, string>
        {
            ["api_type"] = "json", ["sr"] = "Breadit", ["title"] = "Fresh loaf", ["kind"] = "self", ["text"] = "Recipe inside", ["sendreplies"] = "true",
        });
    }

    [TestCase("""[["RATELIMIT","you are doing that too much. try again in 9 minutes.","ratelimit"]]""", PlatformErrorKind.RateLimited)]
    [TestCase("""[["SUBREDDIT_NOEXIST","that subreddit doesn't exist","sr"]]""", PlatformErrorKind.Permanent)]
    [TestCase("""[["ALREADY_SUB","that link has already been submitted","url"]]""", PlatformErrorKind.ContentRejected)]
    public async Task Errors_inside_a_200_answer_map_to_the_taxonomy(string errors, PlatformErrorKind expected)
    {
        Fake.On("POST", "/api/submit", FakeResponse.Json($$$"""{"json":{"errors":{{{errors}}}}}"""));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Reddit).PublishAsync(Account("1w72", "r-a"),
            new PostContent(null, Link: "https://bakery.example", Title: "Loaf", Subreddit: "Breadit"), CancellationToken.None));

        error.Kind.ShouldBe(expected);
        if (expected == PlatformErrorKind.RateLimited)
        {
            error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(9));
        }
    }

    [Test]
    public async Task Http_errors_map_and_429_waits_for_the_ratelimit_reset()
    {
        Fake.On("GET", "/api/info", FakeResponse.Json("""{"message":"Too Many Requests","error":429}""", 429,
            new Dictionary<string, string> { ["X-Ratelimit-Used"] = "100", ["X-Ratelimit-Remaining"] = "0", ["X-Ratelimit-Reset"] = "42" }));
        var client = Client(SocialPlatform.Reddit);

        var limited = await Should.ThrowAsync<PlatformException>(() => client.GetMetricsAsync(Account("1w72", "r-a"), "t3_abc", CancellationToken.None));
        Fake.On("GET", "/api/info", FakeResponse.Json("""{"message":"Unauthorized","error":401}""", 401));
        var expired = await Should.ThrowAsync<PlatformException>(() => client.GetMetricsAsync(Account("1w72", "r-a"), "t3_abc", CancellationToken.None));

        limited.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(42));
        expired.Kind.ShouldBe(PlatformErrorKind.TokenExpired);
    }

    [Test]
    public async Task Disconnect_revokes_the_refresh_token()
    {
        Fake.On("POST", "/api/v1/revoke_token", new FakeResponse(204));

        (await Client(SocialPlatform.Reddit).RevokeAsync(Account("1w72", "r-a", "r-r"), CancellationToken.None)).ShouldBeTrue();

        var revoke = Fake.Single("POST", "/api/v1/revoke_token");
        revoke.Form().ShouldBe(new Dictionary<string, string> { ["token"] = "r-r", ["token_type_hint"] = "refresh_token" });
        revoke.Header("Authorization").ShouldBe("Basic cmVkZGl0LWNsaWVudC1pZDpyZWRkaXQtY2xpZW50LXNlY3JldA==");
    }

    // https://www.reddit.com/dev/api#POST_api_submit: "sr" is the subreddit's name; the answer is {"json":{"errors":[],"data":{…}}}.
    [TestCase("r/Breadit")]
    [TestCase("/r/Breadit/")]
    [TestCase(" Breadit ")]
    [TestCase("R/Breadit")]
    public async Task A_subreddit_written_with_its_prefix_or_spaces_is_sent_as_its_bare_name(string written)
    {
        Fake.On("POST", "/api/submit", FakeResponse.Json(
            """{"json":{"errors":[],"data":{"url":"https://www.reddit.com/r/Breadit/comments/abc123/fresh/","drafts_count":0,"id":"abc123","name":"t3_abc123"}}}"""));

        await Client(SocialPlatform.Reddit).PublishAsync(Account("1w72", "r-a"),
            new PostContent("Recipe inside", Title: "Fresh loaf", Subreddit: written), CancellationToken.None);

        Fake.Single("POST", "/api/submit").Form()["sr"].ShouldBe("Breadit");
    }

    [TestCase("Username", "", "Platforms:Reddit:Username")]
    [TestCase("Username", "/u/baker", "Platforms:Reddit:Username")]
    [TestCase("AppId", "my app", "Platforms:Reddit:AppId")]
    [TestCase("AppVersion", "", "Platforms:Reddit:AppVersion")]
    public async Task The_host_does_not_start_when_the_reddit_user_agent_would_be_incomplete(string setting, string value, string named)
    {
        await using var fake = await FakePlatform.StartAsync();
        await using var app = new SocialAccountsApp(fake, new Dictionary<string, string?> { ["Platforms:Reddit:" + setting] = value });

        var failure = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => app.CreateClient());

        failure.Message.ShouldContain(named);
    }

    [Test]
    public async Task Without_a_reddit_app_the_user_agent_parts_are_not_required()
    {
        await using var fake = await FakePlatform.StartAsync();
        await using var app = new SocialAccountsApp(fake, new Dictionary<string, string?>
        {
            ["Platforms:Reddit:ClientId"] = "", ["Platforms:Reddit:Username"] = "",
        });

        Should.NotThrow(() => app.CreateClient().Dispose());
    }
}
