using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests.Breaker;

/// <summary>Account health through the API: anyone in the tenant reads it, owners and admins pause and resume.</summary>
public sealed class AccountHealthApiTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => BreakerProbe.Settings;

    [Test]
    public async Task An_admins_pause_holds_posts_back_until_resumed_and_is_visible_to_viewers()
    {
        var (owner, account) = await OwnerWithXAsync();
        var viewer = await app.AddUserAsync(owner, "viewer");
        x.AcceptTweets();
        var until = DateTimeOffset.UtcNow.AddMinutes(10);

        var paused = await PauseAsync(owner.Client, account, new { reason = "Brand review", until });

        paused.StatusCode.ShouldBe(HttpStatusCode.OK, await paused.Content.ReadAsStringAsync());
        var health = await paused.Content.ReadFromJsonAsync<JsonElement>();
        health.GetProperty("health").GetString().ShouldBe("Paused");
        health.GetProperty("pause").GetProperty("pausedBy").GetString().ShouldBe("User");
        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, "Held for review");
        var waiting = await PostApi.WaitUntilAsync(owner.Client, post, BreakerProbe.IsWaitingForPause);
        waiting.Target().GetProperty("accountPaused").GetProperty("reason").GetString().ShouldBe("Brand review");
        waiting.Target().GetProperty("accountPaused").GetProperty("pausedUntil").GetDateTimeOffset().ShouldBe(until, TimeSpan.FromMilliseconds(1));
        var listed = await viewer.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts/account-health");
        var item = listed.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("accountId").GetGuid() == account);
        item.GetProperty("health").GetString().ShouldBe("Paused");
        item.GetProperty("platform").GetString().ShouldBe("X");
        x.Sent("Held for review").ShouldBe(0);

        var resumed = await owner.Client.PostAsync($"/api/v1/posts/account-health/{account}/resume", null);

        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("health").GetString().ShouldBe("Healthy");
        (await PostApi.WaitForAsync(owner.Client, post, "Published")).Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);
        (await app.Database.ResumedEventsAsync(account, "Person")).ShouldBe(1L);
        (await owner.Client.PostAsync($"/api/v1/posts/account-health/{account}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Database.ResumedEventsAsync(account, "Person")).ShouldBe(1L, "resuming a healthy account changes nothing");
    }

    [Test]
    public async Task Editors_and_viewers_may_not_pause_or_resume()
    {
        var (owner, account) = await OwnerWithXAsync();
        var editor = await app.AddUserAsync(owner, "editor");
        var viewer = await app.AddUserAsync(owner, "viewer");
        (await PauseAsync(owner.Client, account, new { reason = "Holiday" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var user in new[] { editor, viewer })
        {
            (await user.Client.PostAsync($"/api/v1/posts/account-health/{account}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await PauseAsync(user.Client, account, new { reason = "Mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await editor.Client.GetAsync("/api/v1/posts/account-health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Database.SuperuserScalarAsync("SELECT paused_by FROM posts.account_breakers WHERE social_account_id = $1", account)).ShouldBe("user");
    }

    [Test]
    public async Task Bad_input_is_answered_with_problem_details()
    {
        var (owner, account) = await OwnerWithXAsync();
        var stranger = await app.RegisterAsync();

        var past = await PauseAsync(owner.Client, account, new { reason = "Too late", until = DateTimeOffset.UtcNow.AddMinutes(-1) });
        var empty = await PauseAsync(owner.Client, account, new { reason = "" });
        var unknown = await owner.Client.PostAsync($"/api/v1/posts/account-health/{Guid.NewGuid()}/resume", null);
        var foreign = await stranger.Client.PostAsync($"/api/v1/posts/account-health/{account}/resume", null);

        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Until", out _).ShouldBeTrue();
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);
    }

    private static Task<HttpResponseMessage> PauseAsync(HttpClient client, Guid account, object body) =>
        client.PostAsJsonAsync($"/api/v1/posts/account-health/{account}/pause", body);
}
