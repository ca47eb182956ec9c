using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.PlatformServers.LinkedIn;
using Platform.PlatformServers.Reddit;
using Platform.PlatformServers.TikTok;
using Platform.PlatformServers.YouTube;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The servers refuse what the providers document as refused, and keep what they accepted when an answer is lost;
/// without these the conformance tests could pass against a lenient server.
/// </summary>
public sealed class ServerStrictnessTests
{
    private const string RedditAgent = "web:conformance:v1.0 (by /u/conformance)";
    private static readonly HttpClient Http = new();

    [Test]
    public async Task Reddit_refuses_a_default_user_agent_a_missing_token_and_a_missing_scope()
    {
        await using var reddit = new RedditServer();
        await reddit.StartAsync();
        var readOnly = reddit.Grants.Issue(reddit.UserId, ["identity", "read"]);

        (await SendAsync(HttpMethod.Get, $"{reddit.Url}/api/v1/me", readOnly.AccessToken, userAgent: "Python/urllib")).Status.ShouldBe(429);
        var anonymous = await SendAsync(HttpMethod.Get, $"{reddit.Url}/api/v1/me", null, userAgent: RedditAgent);
        anonymous.Status.ShouldBe(401);
        anonymous.Body.GetProperty("message").GetString().ShouldBe("Unauthorized");
        var submit = await SendAsync(HttpMethod.Post, $"{reddit.Url}/api/submit", readOnly.AccessToken, userAgent: RedditAgent,
            content: new FormUrlEncodedContent(new Dictionary<string, string> { ["api_type"] = "json", ["kind"] = "self", ["sr"] = "test", ["title"] = "t" }));
        submit.Status.ShouldBe(403);
        reddit.Posts.ShouldBeEmpty();
    }

    [Test]
    public async Task LinkedIn_refuses_calls_without_version_headers_unknown_fields_and_finders_without_the_finder_header()
    {
        await using var linkedIn = new LinkedInServer();
        await linkedIn.StartAsync();
        var token = linkedIn.Grants.Issue(linkedIn.MemberId, ["w_member_social", "r_member_social"]).AccessToken;
        var post = $$"""{"author":"{{linkedIn.PersonUrn}}","commentary":"x","visibility":"PUBLIC","distribution":{"feedDistribution":"MAIN_FEED"},"lifecycleState":"PUBLISHED"}""";
        var version = DateTimeOffset.UtcNow.AddMonths(-1).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

        var unversioned = await SendAsync(HttpMethod.Post, $"{linkedIn.Url}/rest/posts", token, content: JsonBody(post));
        unversioned.Status.ShouldBe(400);
        unversioned.Body.GetProperty("code").GetString().ShouldBe("VERSION_MISSING");
        (await SendAsync(HttpMethod.Post, $"{linkedIn.Url}/rest/posts", token, content: JsonBody(post), headers: Versioned("202001"))).Status.ShouldBe(426);
        (await SendAsync(HttpMethod.Post, $"{linkedIn.Url}/rest/posts", token, content: JsonBody(post.Replace("\"x\"", "\"x\",\"text\":\"y\"", StringComparison.Ordinal)),
            headers: Versioned(version))).Status.ShouldBe(422);
        (await SendAsync(HttpMethod.Get, $"{linkedIn.Url}/rest/posts?q=author&author={Uri.EscapeDataString(linkedIn.PersonUrn)}", token, headers: Versioned(version))).Status.ShouldBe(400);
        linkedIn.Posts.ShouldBeEmpty();

        (await SendAsync(HttpMethod.Post, $"{linkedIn.Url}/rest/posts", token, content: JsonBody(post), headers: Versioned(version))).Status.ShouldBe(201);
        linkedIn.Posts.Count.ShouldBe(1);
    }

    [Test]
    public async Task TikTok_refuses_an_upload_plan_that_breaks_the_chunk_rules()
    {
        await using var tikTok = new TikTokServer();
        await tikTok.StartAsync();
        var token = tikTok.Grants.Issue(tikTok.OpenId, ["video.publish"]).AccessToken;
        const long size = 30L * 1024 * 1024;

        var init = await SendAsync(HttpMethod.Post, $"{tikTok.Url}/v2/post/publish/video/init/", token, content: JsonBody(
            $$$"""{"post_info":{"title":"t","privacy_level":"SELF_ONLY"},"source_info":{"source":"FILE_UPLOAD","video_size":{{{size}}},"chunk_size":{{{size / 3}}},"total_chunk_count":2}}"""));

        init.Status.ShouldBe(400);
        init.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("invalid_params");
        tikTok.Publishes.ShouldBeEmpty();
    }

    [Test]
    public async Task YouTube_answers_308_with_the_range_received_and_the_video_to_a_status_query_after_a_lost_final_answer()
    {
        await using var youTube = new YouTubeServer();
        await youTube.StartAsync();
        var token = youTube.Grants.Issue(youTube.ChannelId, ["https://www.googleapis.com/auth/youtube.upload"]).AccessToken;
        var bytes = new byte[(256 * 1024) + 10];
        var start = new HttpRequestMessage(HttpMethod.Post, $"{youTube.Url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status")
        {
            Content = JsonBody("""{"snippet":{"title":"t","description":"d"},"status":{"privacyStatus":"private"}}"""),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        start.Headers.Add("X-Upload-Content-Length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var session = (await Http.SendAsync(start)).Headers.Location!;

        var first = await PutAsync(session, bytes[..(256 * 1024)], $"bytes 0-{(256 * 1024) - 1}/{bytes.Length}");
        first.StatusCode.ShouldBe((HttpStatusCode)308);
        first.Headers.GetValues("Range").Single().ShouldBe($"bytes=0-{(256 * 1024) - 1}");

        youTube.Faults.LoseAnswerAfterAccept(YouTubeServer.Steps.Chunk(2));
        await Should.ThrowAsync<HttpRequestException>(() => PutAsync(session, bytes[(256 * 1024)..], $"bytes {256 * 1024}-{bytes.Length - 1}/{bytes.Length}"));
        youTube.Videos.Count.ShouldBe(1);

        var status = await PutAsync(session, [], $"bytes */{bytes.Length}");
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString().ShouldBe(youTube.Videos.Single().Id);
    }

    private static async Task<HttpResponseMessage> PutAsync(Uri session, byte[] bytes, string range)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Headers.TryAddWithoutValidation("Content-Range", range);
        return await Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, session) { Content = content });
    }

    private static Dictionary<string, string> Versioned(string version) => new() { ["LinkedIn-Version"] = version, ["X-Restli-Protocol-Version"] = "2.0.0" };

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string url, string? token, string? userAgent = null,
        HttpContent? content = null, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var answer = await Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        return ((int)answer.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
