using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Posts.Data;
using Platform.Posts.Tests.Breaker;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Posts.Tests.AccountReconnect;

/// <summary>
/// An account whose token the platform refuses for good stops publishing (its posts wait, spending no attempts) until
/// the user reconnects it; then what waited goes out. X's answers are scripted from its documentation.
/// </summary>
public sealed class ReconnectPauseTests : PostsFixture
{
    private const string RedirectUri = "https://app.example/callback";

    /// <summary>A break longer than any test: only the reconnect may release what waits.</summary>
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:CircuitBreaker:BreakDuration"] = "00:05:00" };

    [SetUp]
    public void Reset() => x.Reset();

    [Test]
    public async Task A_refused_refresh_revokes_the_account_pauses_its_posts_without_spending_attempts_and_a_reconnect_sends_them()
    {
        var (owner, account) = await OwnerWithXAsync();
        RefuseTokens();
        var text = $"Waits for the reconnect {Guid.NewGuid():N}";

        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, text);

        var waiting = await PostApi.WaitUntilAsync(owner.Client, post, p => BreakerProbe.IsWaitingForPause(p) && p.Target().TryGetProperty("accountPaused", out var pause)
            && pause.ValueKind == JsonValueKind.Object && pause.GetProperty("pausedBy").GetString() == "Reconnect");
        waiting.Target().GetProperty("attemptCount").GetInt32().ShouldBe(0);
        waiting.Target().GetProperty("status").GetString().ShouldBe("Pending");
        (await app.Database.AttemptsAsync(waiting.Target().Id())).ShouldBe(0);
        x.Sent(text).ShouldBe(1);
        x.To("POST", "/2/oauth2/token").Count.ShouldBe(2); // the connect, then the one refused refresh
        var status = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/{account}");
        status.GetProperty("status").GetString().ShouldBe("Revoked");
        status.GetProperty("statusReason").GetString()!.ShouldContain("invalid_grant");
        var health = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts/account-health")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("accountId").GetGuid() == account);
        health.GetProperty("health").GetString().ShouldBe("Paused");
        health.GetProperty("accountStatus").GetString().ShouldBe("Revoked");
        health.GetProperty("pause").GetProperty("pausedUntil").ValueKind.ShouldBe(JsonValueKind.Null);

        x.AcceptTweets();
        await ReconnectAsync(owner.Client, account);

        var published = await PostApi.WaitForAsync(owner.Client, post, "Published");
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        x.Sent(text).ShouldBe(2);
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);
    }

    [Test]
    public async Task A_users_pause_outlives_the_reconnect()
    {
        var (owner, account) = await OwnerWithXAsync();
        await InTenantAsync(owner.TenantId, async s =>
        {
            var db = s.GetRequiredService<PostsDbContext>();
            var breaker = await db.LockOrCreateBreakerAsync(owner.TenantId, account, DateTimeOffset.UtcNow, CancellationToken.None);
            breaker.PauseForReconnect("revoked", DateTimeOffset.UtcNow);
            breaker.PauseByUser("Brand review", until: null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });

        await HandleAsync(owner.TenantId, Reconnected(owner.TenantId, account));

        (await app.Database.SuperuserScalarAsync("SELECT paused_by FROM posts.account_breakers WHERE social_account_id = $1", account)).ShouldBe("user");
    }

    [Test]
    public async Task One_tenants_reconnect_pause_neither_holds_another_tenants_posts_nor_ends_by_another_tenants_event()
    {
        var (owner, account) = await OwnerWithXAsync();
        var (stranger, strangersAccount) = await OwnerWithXAsync();
        RefuseTokens();
        var held = await BreakerProbe.PublishNowAsync(owner.Client, account, $"Held {Guid.NewGuid():N}");
        await Eventually.WaitForAsync(() => app.Database.SuperuserScalarAsync("SELECT paused_by FROM posts.account_breakers WHERE social_account_id = $1", account),
            pausedBy => pausedBy as string == "reconnect");
        x.AcceptTweets();

        var theirs = await BreakerProbe.PublishNowAsync(stranger.Client, strangersAccount, $"Theirs {Guid.NewGuid():N}");
        await HandleAsync(stranger.TenantId, Reconnected(stranger.TenantId, account));

        await PostApi.WaitForAsync(stranger.Client, theirs, "Published");
        (await app.Database.SuperuserScalarAsync("SELECT paused_by FROM posts.account_breakers WHERE social_account_id = $1", account)).ShouldBe("reconnect");
        (await PostApi.GetAsync(owner.Client, held)).Target().GetProperty("errorKind").GetString().ShouldBe("AccountPaused");
        (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts/account-health")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(a => a.GetProperty("accountId").GetGuid() == account);
    }

    /// <summary>Every tweet is refused as unauthorized, and so is the refresh that follows.</summary>
    private void RefuseTokens()
    {
        // docs.x.com/x-api/fundamentals/response-codes-and-errors: 401 Unauthorized with a problem-details body.
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", 401));
        // RFC 6749 section 5.2 (www.rfc-editor.org/rfc/rfc6749#section-5.2): the token endpoint refuses a dead refresh token.
        x.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant","error_description":"Value passed for the token was invalid."}""", 400));
    }

    private async Task ReconnectAsync(HttpClient client, Guid account)
    {
        var reconnect = await client.PostAsJsonAsync($"/api/v1/social-accounts/{account}/reconnect", new { redirectUri = RedirectUri });
        reconnect.StatusCode.ShouldBe(HttpStatusCode.OK, await reconnect.Content.ReadAsStringAsync());
        var state = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();
        // docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token: the code exchange answers new tokens.
        x.On("POST", "/2/oauth2/token", FakeResponse.Json(
            """{"token_type":"bearer","expires_in":7200,"access_token":"x-access-again","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"x-refresh-again"}"""));
        // docs.x.com/x-api/users/user-lookup-me: GET /2/users/me answers the user the token acts for.
        x.On("GET", "/2/users/me", FakeResponse.Json("{\"data\":{\"id\":\"" + FakeX.UserId + "\",\"name\":\"X Dev\",\"username\":\"xdevelopers\"}}"));
        var connected = await client.PostAsJsonAsync("/api/v1/social-accounts/connect", new { platform = "x", code = "x-code", state, redirectUri = RedirectUri });
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
    }

    private static AccountReconnected Reconnected(Guid tenant, Guid account) =>
        new() { TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow, SocialAccountId = account, Platform = SocialPlatform.X };

    /// <summary>Delivers <paramref name="integrationEvent"/> to Posts' handler (other modules have their own) as the outbox would: in a unit of work of <paramref name="tenant"/>.</summary>
    private Task HandleAsync(Guid tenant, AccountReconnected integrationEvent) => InTenantAsync(tenant, s =>
        s.GetServices<IIntegrationEventHandler<AccountReconnected>>().Single(h => h.GetType().Namespace!.StartsWith("Platform.Posts.", StringComparison.Ordinal))
            .HandleAsync(integrationEvent, CancellationToken.None));

    private async Task InTenantAsync(Guid tenant, Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync();
        await work(scope.ServiceProvider);
        await session.CommitAsync();
    }
}
