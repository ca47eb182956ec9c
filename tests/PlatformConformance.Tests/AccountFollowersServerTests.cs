using Platform.PlatformServers.LinkedIn;
using Platform.PlatformServers.Pinterest;
using Platform.PlatformServers.TikTok;
using Platform.PlatformServers.X;
using Platform.PlatformServers.YouTube;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The X, TikTok, YouTube, Pinterest and LinkedIn servers answer an account's follower (subscriber) count where the
/// documentation puts it, refuse it without the documented scope, field or header, and fail it as the fault plan says.
/// </summary>
public sealed class AccountFollowersServerTests
{
    [Test]
    public async Task X_answers_followers_count_in_public_metrics_when_user_fields_ask_for_it()
    {
        await using var x = new XServer();
        await x.StartAsync();
        x.Followers.Set(x.UserId, 2048);
        var tweetReadOnly = x.Grants.Issue(x.UserId, ["tweet.read"]).AccessToken;
        var token = x.Grants.Issue(x.UserId, ["tweet.read", "users.read"]).AccessToken;

        (await RawHttp.GetAsync($"{x.Url}/2/users/me?user.fields=public_metrics", tweetReadOnly)).Status.ShouldBe(403);
        var invalid = await RawHttp.GetAsync($"{x.Url}/2/users/me?user.fields=public_metrics,followers", token);
        invalid.Status.ShouldBe(400);
        invalid.Body.GetProperty("errors")[0].GetProperty("parameters").GetProperty("user.fields")[0].GetString().ShouldBe("followers");
        (await RawHttp.GetAsync($"{x.Url}/2/users/me", token)).Body.GetProperty("data").TryGetProperty("public_metrics", out _).ShouldBeFalse();

        var user = (await RawHttp.GetAsync($"{x.Url}/2/users/me?user.fields=public_metrics", token)).Body.GetProperty("data");
        user.GetProperty("id").GetString().ShouldBe(x.UserId);
        user.GetProperty("public_metrics").GetProperty("followers_count").GetInt64().ShouldBe(2048);
    }

    [Test]
    public async Task X_rate_limits_the_user_lookup_with_and_without_a_reset_then_refuses_a_revoked_token()
    {
        await using var x = new XServer();
        await x.StartAsync();
        var token = x.Grants.Issue(x.UserId, ["tweet.read", "users.read"]).AccessToken;
        var url = $"{x.Url}/2/users/me?user.fields=public_metrics";
        x.Faults.RateLimit(XServer.Steps.Me, TimeSpan.FromMinutes(15)).RateLimit(XServer.Steps.Me, null);

        var timed = await RawHttp.GetAsync(url, token);
        timed.Status.ShouldBe(429);
        timed.Header("x-rate-limit-reset").ShouldNotBeNull();
        var untimed = await RawHttp.GetAsync(url, token);
        untimed.Status.ShouldBe(429);
        untimed.Header("x-rate-limit-reset").ShouldBeNull();
        (await RawHttp.GetAsync(url, token)).Status.ShouldBe(200);

        x.Faults.InvalidateTokens();
        (await RawHttp.GetAsync(url, token)).Status.ShouldBe(401);
    }

    [Test]
    public async Task TikTok_answers_follower_count_only_with_user_info_stats_and_rate_limits_as_planned()
    {
        await using var tikTok = new TikTokServer();
        await tikTok.StartAsync();
        tikTok.Followers.Set(tikTok.OpenId, 777);
        var basic = tikTok.Grants.Issue(tikTok.OpenId, ["user.info.basic"]).AccessToken;
        var stats = tikTok.Grants.Issue(tikTok.OpenId, ["user.info.basic", "user.info.stats"]).AccessToken;
        var url = $"{tikTok.Url}/v2/user/info/?fields=open_id,follower_count";

        var refused = await RawHttp.GetAsync(url, basic);
        refused.Status.ShouldBe(401);
        refused.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("scope_not_authorized");

        var answer = await RawHttp.GetAsync(url, stats);
        answer.Body.GetProperty("data").GetProperty("user").GetProperty("follower_count").GetInt64().ShouldBe(777);
        answer.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("ok");

        tikTok.Faults.RateLimit(TikTokServer.Steps.UserInfo, TimeSpan.FromSeconds(30)).RateLimit(TikTokServer.Steps.UserInfo, null);
        var timed = await RawHttp.GetAsync(url, stats);
        timed.Status.ShouldBe(429);
        timed.Header("Retry-After").ShouldBe("30");
        timed.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("rate_limit_exceeded");
        var untimed = await RawHttp.GetAsync(url, stats);
        untimed.Status.ShouldBe(429);
        untimed.Header("Retry-After").ShouldBeNull();
    }

    [Test]
    public async Task YouTube_answers_the_subscriber_count_rounded_down_to_three_significant_figures_unless_hidden()
    {
        await using var youTube = new YouTubeServer();
        await youTube.StartAsync();
        youTube.Subscribers.Set(youTube.ChannelId, 123_456);
        var uploadOnly = youTube.Grants.Issue(youTube.ChannelId, ["https://www.googleapis.com/auth/youtube.upload"]).AccessToken;
        var token = youTube.Grants.Issue(youTube.ChannelId, ["https://www.googleapis.com/auth/youtube.readonly"]).AccessToken;
        var url = $"{youTube.Url}/youtube/v3/channels?part=statistics&mine=true";

        (await RawHttp.GetAsync(url, uploadOnly)).Body.GetProperty("error").GetProperty("errors")[0].GetProperty("reason").GetString().ShouldBe("insufficientPermissions");
        (await RawHttp.GetAsync($"{youTube.Url}/youtube/v3/channels?part=followers&mine=true", token)).Body.GetProperty("error").GetProperty("errors")[0]
            .GetProperty("reason").GetString().ShouldBe("unknownPart");

        var channel = (await RawHttp.GetAsync(url, token)).Body.GetProperty("items")[0];
        channel.GetProperty("statistics").GetProperty("subscriberCount").GetString().ShouldBe("123000");
        channel.GetProperty("statistics").GetProperty("hiddenSubscriberCount").GetBoolean().ShouldBeFalse();
        channel.TryGetProperty("snippet", out _).ShouldBeFalse();

        youTube.HiddenSubscriberCount = true;
        var hidden = (await RawHttp.GetAsync(url, token)).Body.GetProperty("items")[0].GetProperty("statistics");
        hidden.GetProperty("hiddenSubscriberCount").GetBoolean().ShouldBeTrue();
        hidden.TryGetProperty("subscriberCount", out _).ShouldBeFalse();
    }

    [Test]
    public async Task YouTube_fails_the_channel_listing_with_a_planned_5xx()
    {
        await using var youTube = new YouTubeServer();
        await youTube.StartAsync();
        var token = youTube.Grants.Issue(youTube.ChannelId, ["https://www.googleapis.com/auth/youtube.readonly"]).AccessToken;
        youTube.Faults.FailWithServerError(YouTubeServer.Steps.Channels);

        var failed = await RawHttp.GetAsync($"{youTube.Url}/youtube/v3/channels?part=statistics&mine=true", token);

        failed.Status.ShouldBe(503);
        failed.Body.GetProperty("error").GetProperty("errors")[0].GetProperty("reason").GetString().ShouldBe("backendError");
    }

    [Test]
    public async Task Pinterest_answers_follower_count_with_user_accounts_read_and_refuses_a_revoked_token()
    {
        await using var pinterest = new PinterestServer();
        await pinterest.StartAsync();
        pinterest.Followers.Set(pinterest.UserAccountId, 88);
        var boardsOnly = pinterest.Grants.Issue(pinterest.UserAccountId, ["boards:read"]).AccessToken;
        var token = pinterest.Grants.Issue(pinterest.UserAccountId, ["user_accounts:read"]).AccessToken;
        var url = $"{pinterest.Url}/v5/user_account";

        var refused = await RawHttp.GetAsync(url, boardsOnly);
        refused.Status.ShouldBe(401);
        refused.Body.GetProperty("code").GetInt32().ShouldBe(3);
        (await RawHttp.GetAsync(url, token)).Body.GetProperty("follower_count").GetInt64().ShouldBe(88);

        pinterest.Faults.RateLimit(PinterestServer.Steps.UserAccount, null);
        var limited = await RawHttp.GetAsync(url, token);
        limited.Status.ShouldBe(429);
        limited.Header("Retry-After").ShouldBeNull();

        pinterest.Grants.Revoke(token);
        (await RawHttp.GetAsync(url, token)).Body.GetProperty("code").GetInt32().ShouldBe(2);
    }

    [Test]
    public async Task LinkedIn_answers_the_members_lifetime_follower_count_to_a_versioned_call_with_r_member_profileAnalytics()
    {
        await using var linkedIn = new LinkedInServer();
        await linkedIn.StartAsync();
        linkedIn.Followers.Set(linkedIn.PersonUrn, 100);
        var social = linkedIn.Grants.Issue(linkedIn.MemberId, ["w_member_social"]).AccessToken;
        var token = linkedIn.Grants.Issue(linkedIn.MemberId, ["r_member_profileAnalytics"]).AccessToken;
        var url = $"{linkedIn.Url}/rest/memberFollowersCount?q=me";
        var versioned = new Dictionary<string, string>
        {
            ["LinkedIn-Version"] = DateTimeOffset.UtcNow.AddMonths(-1).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture),
            ["X-Restli-Protocol-Version"] = "2.0.0",
        };

        (await RawHttp.GetAsync(url, token)).Body.GetProperty("code").GetString().ShouldBe("VERSION_MISSING");
        (await RawHttp.GetAsync(url, social, versioned)).Status.ShouldBe(403);
        (await RawHttp.GetAsync($"{linkedIn.Url}/rest/memberFollowersCount", token, versioned)).Status.ShouldBe(400);
        (await RawHttp.GetAsync(url, token, versioned)).Body.GetProperty("elements")[0].GetProperty("memberFollowersCount").GetInt64().ShouldBe(100);

        linkedIn.Faults.FailWithServerError(LinkedInServer.Steps.FollowersCount, 500);
        (await RawHttp.GetAsync(url, token, versioned)).Status.ShouldBe(500);
        linkedIn.Grants.Revoke(token);
        (await RawHttp.GetAsync(url, token, versioned)).Body.GetProperty("serviceErrorCode").GetInt32().ShouldBe(65601);
    }
}
