using Platform.PlatformServers.Meta;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The Meta servers answer an account's follower count where the documentation puts it (IG user fields, Page fields,
/// Threads user insights), refuse it without the documented permissions or token, and fail it as the fault plan says.
/// </summary>
public sealed class GraphAccountFollowersServerTests
{
    [Test]
    public async Task Instagram_answers_followers_count_among_the_requested_fields_only_with_pages_read_engagement()
    {
        await using var instagram = new InstagramServer();
        await instagram.StartAsync();
        instagram.Followers.Set(instagram.InstagramUserId, 1234);
        var basicOnly = instagram.Grants.Issue(instagram.InstagramUserId, ["instagram_basic"]).AccessToken;
        var token = instagram.Grants.Issue(instagram.InstagramUserId, ["instagram_basic", "pages_read_engagement"]).AccessToken;
        var url = $"{instagram.Url}/v25.0/{instagram.InstagramUserId}?fields=followers_count,media_count";

        var refused = await RawHttp.GetAsync(url, basicOnly);
        refused.Status.ShouldBe(403);
        refused.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(10);
        var unknown = await RawHttp.GetAsync($"{instagram.Url}/v25.0/{instagram.InstagramUserId}?fields=followers_count,fans", token);
        unknown.Status.ShouldBe(400);
        unknown.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(100);

        var answer = await RawHttp.GetAsync(url, token);
        answer.Status.ShouldBe(200);
        answer.Body.GetProperty("followers_count").GetInt64().ShouldBe(1234);
        answer.Body.GetProperty("id").GetString().ShouldBe(instagram.InstagramUserId);
        answer.Body.TryGetProperty("username", out _).ShouldBeFalse();
    }

    [Test]
    public async Task Instagram_fails_the_user_read_as_planned_then_refuses_an_invalidated_token_with_190()
    {
        await using var instagram = new InstagramServer();
        await instagram.StartAsync();
        var token = instagram.Grants.Issue(instagram.InstagramUserId, ["instagram_basic", "pages_read_engagement"]).AccessToken;
        var url = $"{instagram.Url}/v25.0/{instagram.InstagramUserId}?fields=followers_count";
        instagram.Faults.FailWithServerError(InstagramServer.Steps.User, 500);

        var failed = await RawHttp.GetAsync(url, token);
        failed.Status.ShouldBe(500);
        failed.Body.GetProperty("error").GetProperty("is_transient").GetBoolean().ShouldBeTrue();
        (await RawHttp.GetAsync(url, token)).Status.ShouldBe(200);

        instagram.Faults.InvalidateTokens();
        var revoked = await RawHttp.GetAsync(url, token);
        revoked.Status.ShouldBe(400);
        revoked.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(190);
        revoked.Body.GetProperty("error").GetProperty("error_subcode").GetInt32().ShouldBe(460);
    }

    [Test]
    public async Task Facebook_answers_a_pages_followers_and_fans_to_its_page_token_only()
    {
        await using var facebook = new FacebookServer();
        await facebook.StartAsync();
        facebook.Followers.Set(facebook.PageId, 5000);
        facebook.Fans.Set(facebook.PageId, 4800);
        var user = facebook.Grants.Issue(facebook.UserId, ["pages_show_list", "pages_read_engagement"]).AccessToken;
        var pageWithoutEngagement = facebook.Grants.Issue(facebook.PageId, ["pages_show_list"]).AccessToken;
        var page = facebook.Grants.Issue(facebook.PageId, ["pages_show_list", "pages_read_engagement"]).AccessToken;
        var url = $"{facebook.Url}/v25.0/{facebook.PageId}?fields=followers_count,fan_count";

        (await RawHttp.GetAsync(url, user)).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(210);
        (await RawHttp.GetAsync(url, pageWithoutEngagement)).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(10);

        var answer = await RawHttp.GetAsync(url, page);
        answer.Status.ShouldBe(200);
        answer.Body.GetProperty("followers_count").GetInt64().ShouldBe(5000);
        answer.Body.GetProperty("fan_count").GetInt64().ShouldBe(4800);
        answer.Body.TryGetProperty("name", out _).ShouldBeFalse();
    }

    [Test]
    public async Task Facebook_throttles_the_page_read_with_and_without_a_time_to_regain_access()
    {
        await using var facebook = new FacebookServer();
        await facebook.StartAsync();
        var page = facebook.Grants.Issue(facebook.PageId, ["pages_read_engagement"]).AccessToken;
        var url = $"{facebook.Url}/v25.0/{facebook.PageId}?fields=followers_count";
        facebook.Faults.RateLimit(FacebookServer.Steps.Page, TimeSpan.FromMinutes(2)).RateLimit(FacebookServer.Steps.Page, null);

        var timed = await RawHttp.GetAsync(url, page);
        timed.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(17);
        timed.Header("X-Business-Use-Case-Usage")!.ShouldContain("\"estimated_time_to_regain_access\":2");
        var untimed = await RawHttp.GetAsync(url, page);
        untimed.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(17);
        untimed.Header("X-Business-Use-Case-Usage").ShouldBeNull();
        (await RawHttp.GetAsync(url, page)).Body.GetProperty("followers_count").GetInt64().ShouldBe(0);
    }

    [Test]
    public async Task Threads_answers_followers_count_as_a_total_value_with_threads_manage_insights_only()
    {
        await using var threads = new ThreadsServer();
        await threads.StartAsync();
        threads.Followers.Set(threads.UserId, 321);
        var basic = threads.Grants.Issue(threads.UserId, ["threads_basic"]).AccessToken;
        var token = threads.Grants.Issue(threads.UserId, ["threads_basic", "threads_manage_insights"]).AccessToken;
        var api = $"{threads.Url}/v1.0/{threads.UserId}/threads_insights";

        (await RawHttp.GetAsync($"{api}?metric=followers_count", basic)).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(10);
        (await RawHttp.GetAsync(api, token)).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(100);
        (await RawHttp.GetAsync($"{api}?metric=fans", token)).Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(100);
        (await RawHttp.GetAsync($"{api}?metric=followers_count&since=1600000000", token)).Status.ShouldBe(400);

        var metric = (await RawHttp.GetAsync($"{api}?metric=followers_count", token)).Body.GetProperty("data").EnumerateArray().Single();
        metric.GetProperty("name").GetString().ShouldBe("followers_count");
        metric.GetProperty("total_value").GetProperty("value").GetInt64().ShouldBe(321);
        metric.GetProperty("id").GetString().ShouldBe($"{threads.UserId}/insights/followers_count/day");
    }

    [Test]
    public async Task Threads_fails_user_insights_with_a_planned_5xx()
    {
        await using var threads = new ThreadsServer();
        await threads.StartAsync();
        var token = threads.Grants.Issue(threads.UserId, ["threads_basic", "threads_manage_insights"]).AccessToken;
        threads.Faults.FailWithServerError(ThreadsServer.Steps.UserInsights);

        var failed = await RawHttp.GetAsync($"{threads.Url}/v1.0/me/threads_insights?metric=followers_count", token);

        failed.Status.ShouldBe(503);
        failed.Body.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(2);
    }
}
