using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.PlatformServers.Meta;
using Platform.PlatformServers.X;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The X and Meta servers refuse what the providers document as refused (unfinished media and containers, missing
/// scopes, user tokens where a Page token is needed); without these the conformance tests could pass against a lenient server.
/// </summary>
public sealed class GraphAndXServerStrictnessTests
{
    private static readonly HttpClient Http = new();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2];

    [Test]
    public async Task X_refuses_a_post_without_tweet_write_and_media_that_is_not_finalized()
    {
        await using var x = new XServer();
        await x.StartAsync();
        var readOnly = x.Grants.Issue(x.UserId, ["tweet.read", "users.read"]).AccessToken;
        var writer = x.Grants.Issue(x.UserId, ["tweet.read", "tweet.write", "users.read", "media.write"]).AccessToken;

        var forbidden = await SendAsync(HttpMethod.Post, $"{x.Url}/2/tweets", readOnly, Json("""{"text":"hi"}"""));
        forbidden.Status.ShouldBe(403);
        forbidden.Body.GetProperty("title").GetString().ShouldBe("Forbidden");
        var init = await SendAsync(HttpMethod.Post, $"{x.Url}/2/media/upload/initialize", writer, Json("""{"media_type":"image/jpeg","total_bytes":6,"media_category":"tweet_image"}"""));
        var mediaId = init.Body.GetProperty("data").GetProperty("id").GetString();
        (await SendAsync(HttpMethod.Post, $"{x.Url}/2/media/upload/{mediaId}/finalize", writer)).Status.ShouldBe(400);
        var unfinished = await SendAsync(HttpMethod.Post, $"{x.Url}/2/tweets", writer, Json($$$"""{"text":"hi","media":{"media_ids":["{{{mediaId}}}"]}}"""));
        unfinished.Status.ShouldBe(400);
        unfinished.Body.GetProperty("type").GetString().ShouldBe("https://api.twitter.com/2/problems/invalid-request");
        x.Tweets.ShouldBeEmpty();

        (await SendAsync(HttpMethod.Post, $"{x.Url}/2/tweets", writer, Json("""{"text":"hi"}"""))).Status.ShouldBe(201);
        x.Tweets.Count.ShouldBe(1);
    }

    [Test]
    public async Task Instagram_refuses_to_publish_a_container_still_in_progress_with_9007_and_a_container_twice()
    {
        await using var instagram = new InstagramServer();
        await instagram.StartAsync();
        var token = instagram.Grants.Issue(instagram.PageId, ["instagram_basic", "instagram_content_publish"]).AccessToken;
        var image = instagram.HostMedia("p.jpg", Jpeg, "image/jpeg");
        var api = $"{instagram.Url}/v25.0/{instagram.InstagramUserId}";
        instagram.Faults.StillProcessingFor(2);

        var container = (await SendAsync(HttpMethod.Post, $"{api}/media", token, Form(("image_url", image), ("caption", "c")))).Body.GetProperty("id").GetString();
        var early = await SendAsync(HttpMethod.Post, $"{api}/media_publish", token, Form(("creation_id", container!)));
        early.Status.ShouldBe(400);
        early.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(9007);
        early.Body.GetProperty("error").GetProperty("error_subcode").GetInt32().ShouldBe(2207027);
        instagram.Media.ShouldBeEmpty();
        (await StatusCode(instagram.Url, container!, token)).ShouldBe("IN_PROGRESS");
        (await StatusCode(instagram.Url, container!, token)).ShouldBe("IN_PROGRESS");
        (await StatusCode(instagram.Url, container!, token)).ShouldBe("FINISHED");

        (await SendAsync(HttpMethod.Post, $"{api}/media_publish", token, Form(("creation_id", container!)))).Status.ShouldBe(200);
        (await SendAsync(HttpMethod.Post, $"{api}/media_publish", token, Form(("creation_id", container!)))).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(9007);
        instagram.Media.Count.ShouldBe(1);
    }

    [Test]
    public async Task X_threads_a_reply_only_under_a_post_it_holds_and_deletes_a_post()
    {
        await using var x = new XServer();
        await x.StartAsync();
        var token = x.Grants.Issue(x.UserId, ["tweet.read", "tweet.write", "users.read"]).AccessToken;

        (await SendAsync(HttpMethod.Post, $"{x.Url}/2/tweets", token, Json("""{"text":"orphan","reply":{"in_reply_to_tweet_id":"1"}}"""))).Status.ShouldBe(403);
        var first = (await SendAsync(HttpMethod.Post, $"{x.Url}/2/tweets", token, Json("""{"text":"first"}"""))).Body.GetProperty("data").GetProperty("id").GetString();
        (await SendAsync(HttpMethod.Post, $"{x.Url}/2/tweets", token, Json($$$"""{"text":"second","reply":{"in_reply_to_tweet_id":"{{{first}}}"}}"""))).Status.ShouldBe(201);
        x.Tweets.Single(t => t.Text == "second").InReplyToId.ShouldBe(first);

        (await SendAsync(HttpMethod.Delete, $"{x.Url}/2/tweets/{first}", token)).Body.GetProperty("data").GetProperty("deleted").GetBoolean().ShouldBeTrue();
        x.Tweets.ShouldNotContain(t => t.Id == first);
    }

    [Test]
    public async Task Instagram_refuses_a_publish_past_the_24_hour_limit_with_9_and_2207042()
    {
        await using var instagram = new InstagramServer();
        await instagram.StartAsync();
        instagram.PublishingLimit = 0;
        var token = instagram.Grants.Issue(instagram.PageId, ["instagram_basic", "instagram_content_publish"]).AccessToken;
        var api = $"{instagram.Url}/v25.0/{instagram.InstagramUserId}";

        var container = (await SendAsync(HttpMethod.Post, $"{api}/media", token, Form(("image_url", instagram.HostMedia("p.jpg", Jpeg, "image/jpeg"))))).Body.GetProperty("id").GetString();
        var refused = await SendAsync(HttpMethod.Post, $"{api}/media_publish", token, Form(("creation_id", container!)));

        refused.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(9);
        refused.Body.GetProperty("error").GetProperty("error_subcode").GetInt32().ShouldBe(2207042);
        instagram.Media.ShouldBeEmpty();
    }

    [Test]
    public async Task Instagram_puts_a_container_whose_image_is_not_jpeg_in_error()
    {
        await using var instagram = new InstagramServer();
        await instagram.StartAsync();
        var token = instagram.Grants.Issue(instagram.PageId, ["instagram_basic", "instagram_content_publish"]).AccessToken;
        var png = instagram.HostMedia("p.png", [0x89, 0x50, 0x4E, 0x47], "image/png");

        var container = (await SendAsync(HttpMethod.Post, $"{instagram.Url}/v25.0/{instagram.InstagramUserId}/media", token, Form(("image_url", png)))).Body.GetProperty("id").GetString();

        (await StatusCode(instagram.Url, container!, token)).ShouldBe("ERROR");
    }

    [Test]
    public async Task Facebook_refuses_a_feed_post_made_with_the_users_token_instead_of_the_pages()
    {
        await using var facebook = new FacebookServer();
        await facebook.StartAsync();
        var user = facebook.Grants.Issue(facebook.UserId, ["pages_show_list", "pages_manage_posts", "pages_read_engagement"]).AccessToken;

        var refused = await SendAsync(HttpMethod.Post, $"{facebook.Url}/v25.0/{facebook.PageId}/feed", user, Form(("message", "hi")));

        refused.Status.ShouldBe(400);
        refused.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(210);
        facebook.Posts.ShouldBeEmpty();
    }

    [Test]
    public async Task Threads_refuses_a_text_container_without_text_and_publishing_an_unfinished_container()
    {
        await using var threads = new ThreadsServer();
        await threads.StartAsync();
        var token = threads.Grants.Issue(threads.UserId, ["threads_basic", "threads_content_publish"]).AccessToken;
        var api = $"{threads.Url}/v1.0/{threads.UserId}";
        threads.Faults.StillProcessingFor(1);

        (await SendAsync(HttpMethod.Post, $"{api}/threads", token, Form(("media_type", "TEXT")))).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(100);
        var container = (await SendAsync(HttpMethod.Post, $"{api}/threads", token, Form(("media_type", "IMAGE"), ("image_url", threads.HostMedia("t.jpg", Jpeg, "image/jpeg")))))
            .Body.GetProperty("id").GetString();
        (await SendAsync(HttpMethod.Post, $"{api}/threads_publish", token, Form(("creation_id", container!)))).Status.ShouldBe(400);
        threads.Threads.ShouldBeEmpty();
    }

    private static async Task<string?> StatusCode(string url, string container, string token) =>
        (await SendAsync(HttpMethod.Get, $"{url}/v25.0/{container}?fields=status_code", token)).Body.GetProperty("status_code").GetString();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [Test]
    public async Task Threads_and_Instagram_refresh_any_valid_long_lived_token_and_leave_it_valid()
    {
        await using var threads = new ThreadsServer();
        await threads.StartAsync();
        await using var instagram = new InstagramServer();
        await instagram.StartAsync();
        foreach (var (server, user, grant) in new (GraphServer, string, string)[]
                 { (threads, threads.UserId, "th_refresh_token"), (instagram, instagram.InstagramUserId, "ig_refresh_token") })
        {
            var kept = server.Grants.Issue(user, ["threads_basic", "instagram_business_basic"]).AccessToken;
            var url = $"{server.Url}/refresh_access_token?grant_type={grant}&access_token={kept}";

            var first = await SendAsync(HttpMethod.Get, url, kept);
            var second = await SendAsync(HttpMethod.Get, url, kept);

            first.Status.ShouldBe(200, grant);
            second.Status.ShouldBe(200, $"{grant}: a token refreshed once, whose answer was lost, is still valid and refreshable");
            second.Body.GetProperty("access_token").GetString().ShouldNotBe(kept);
        }
    }

    private static async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string url, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        return ((int)answer.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
