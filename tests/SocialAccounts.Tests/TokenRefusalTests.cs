using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// A token the platform refuses mid-call: refreshed once where the platform allows it and the call retried once;
/// otherwise the account is marked expired or revoked with the platform's reason, and <c>account.needs_reconnect</c> is
/// raised with the mark. Platform answers are scripted from each provider's documentation, cited where scripted.
/// </summary>
public sealed class TokenRefusalTests
{
    private const string IgUserId = "17841400008460056";
    private const string ThreadsUserId = "1234";

    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake);
        _ = app.Services;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await fake.DisposeAsync();
    }

    [SetUp]
    public void ResetFake() => fake.Reset();

    [Test]
    public async Task Graph_error_190_refreshes_the_instagram_token_once_with_ig_refresh_token_and_the_retry_publishes()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.Instagram, IgUserId, Tokens("ig-old", null, days: 30));
        // developers.facebook.com/docs/instagram-platform/reference/refresh_access_token: GET /refresh_access_token
        // ?grant_type=ig_refresh_token&access_token=<long-lived token> answers {access_token, token_type, expires_in}.
        fake.On("GET", "/refresh_access_token", FakeResponse.Json("""{"access_token":"ig-new","token_type":"bearer","expires_in":5183944}"""));
        // developers.facebook.com/docs/instagram-platform/content-publishing: container (POST /{ig-user-id}/media), its
        // status_code, then POST /{ig-user-id}/media_publish. The old token is refused with the Graph error object of
        // developers.facebook.com/docs/graph-api/guides/error-handling (code 190, subcode 463: the session has expired).
        fake.On("POST", $"/v25.0/{IgUserId}/media", request => request.Form()["access_token"] == "ig-new"
            ? FakeResponse.Json("""{"id":"c-1"}""")
            : FakeResponse.Json("""{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A1"}}""", 400));
        fake.On("GET", "/v25.0/c-1", FakeResponse.Json("""{"status_code":"FINISHED","id":"c-1"}"""));
        fake.On("POST", $"/v25.0/{IgUserId}/media_publish", FakeResponse.Json("""{"id":"m-1"}"""));
        fake.On("GET", "/v25.0/m-1", FakeResponse.Json("""{"permalink":"https://www.instagram.com/p/Cabc/","id":"m-1"}"""));

        var post = await PublishAsync(tenant, id, new PostContent("caption", [Image()]));

        post.PlatformPostId.ShouldBe("m-1");
        fake.Single("GET", "/refresh_access_token").QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "ig_refresh_token", ["access_token"] = "ig-old",
        }, ignoreOrder: true);
        fake.To("POST", $"/v25.0/{IgUserId}/media").Select(r => r.Form()["access_token"]).ShouldBe(["ig-old", "ig-new"]);
        var account = await FindAsync(tenant, id);
        account.Status.ShouldBe(AccountStatus.Active);
        account.TokenExpiresAt!.Value.ShouldBe(app.Clock.GetUtcNow().AddSeconds(5183944), TimeSpan.FromSeconds(5));
        (await NeedsReconnectEventsAsync(id)).ShouldBe(0);
    }

    [Test]
    public async Task A_refused_threads_token_is_refreshed_with_th_refresh_token_though_threads_issues_no_refresh_token()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.Threads, ThreadsUserId, Tokens("th-old", null, days: 30));
        // developers.facebook.com/docs/threads/get-started/long-lived-tokens: GET /refresh_access_token
        // ?grant_type=th_refresh_token&access_token=<unexpired long-lived token> answers {access_token, token_type, expires_in}.
        fake.On("GET", "/refresh_access_token", FakeResponse.Json("""{"access_token":"th-new","token_type":"bearer","expires_in":5183944}"""));
        // developers.facebook.com/docs/threads/posts: POST /{threads-user-id}/threads, then /threads_publish; errors are Graph errors.
        fake.On("POST", $"/v1.0/{ThreadsUserId}/threads", request => request.Form()["access_token"] == "th-new"
            ? FakeResponse.Json("""{"id":"c-1"}""")
            : FakeResponse.Json("""{"error":{"message":"Error validating access token: The session has been invalidated.","type":"OAuthException","code":190,"fbtrace_id":"A2"}}""", 400));
        fake.On("POST", $"/v1.0/{ThreadsUserId}/threads_publish", FakeResponse.Json("""{"id":"t-1"}"""));
        fake.On("GET", "/v1.0/t-1", FakeResponse.Json("""{"permalink":"https://www.threads.com/@bakery/post/abc","id":"t-1"}"""));

        var post = await PublishAsync(tenant, id, new PostContent("fresh bread"));

        post.PlatformPostId.ShouldBe("t-1");
        fake.Single("GET", "/refresh_access_token").QueryValues()["grant_type"].ShouldBe("th_refresh_token");
        (await FindAsync(tenant, id)).Status.ShouldBe(AccountStatus.Active);
    }

    [Test]
    public async Task A_linkedin_token_refused_as_expired_without_a_refresh_token_marks_the_account_expired_with_linkedins_reason()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.LinkedIn, "li-1", Tokens("li-access", null, days: 30));
        // learn.microsoft.com/linkedin/shared/api-guide/concepts/error-handling: {status, serviceErrorCode, code, message}.
        fake.On("POST", "/rest/posts", FakeResponse.Json(
            """{"status":401,"serviceErrorCode":65602,"code":"EXPIRED_ACCESS_TOKEN","message":"The token used in the request has expired"}""", 401));

        var error = await Should.ThrowAsync<PlatformException>(() => PublishAsync(tenant, id, new PostContent("hello")));

        error.Kind.ShouldBe(PlatformErrorKind.TokenExpired);
        fake.To("POST", SocialAccountsApp.TokenPath(SocialPlatform.LinkedIn)).ShouldBeEmpty();
        var account = await ThroughApiAsync(tenant, id);
        account.GetProperty("status").GetString().ShouldBe("Expired");
        account.GetProperty("statusReason").GetString()!.ShouldContain("The token used in the request has expired");
        (await NeedsReconnectEventsAsync(id, tenant)).ShouldBe(1);
    }

    [Test]
    public async Task A_token_refused_then_a_refresh_refused_with_invalid_grant_marks_the_account_revoked_and_raises_the_event_once()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("x-old", "x-refresh", days: 1));
        // docs.x.com/x-api/fundamentals/response-codes-and-errors: 401 Unauthorized, a problem-details body.
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", 401));
        // RFC 6749 section 5.2 (www.rfc-editor.org/rfc/rfc6749#section-5.2), as X's token endpoint answers a dead refresh token.
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant","error_description":"Value passed for the token was invalid."}""", 400));

        var first = await Should.ThrowAsync<PlatformException>(() => PublishAsync(tenant, id, new PostContent("one")));
        var second = await Should.ThrowAsync<PlatformException>(() => PublishAsync(tenant, id, new PostContent("two")));

        first.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        second.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        fake.To("POST", "/2/oauth2/token").Count.ShouldBe(1);
        // The marked account is refused before the platform: one tweet, the refused one.
        fake.To("POST", "/2/tweets").Count.ShouldBe(1);
        var account = await ThroughApiAsync(tenant, id);
        account.GetProperty("status").GetString().ShouldBe("Revoked");
        account.GetProperty("statusReason").GetString()!.ShouldContain("Value passed for the token was invalid.");
        (await NeedsReconnectEventsAsync(id, tenant)).ShouldBe(1);
    }

    [Test]
    public async Task A_refreshed_token_the_platform_refuses_again_marks_the_account_after_one_refresh_and_one_retry()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("x-old", "x-refresh", days: 1));
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", 401));
        // docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token: a refresh answers new access and refresh tokens.
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"token_type":"bearer","expires_in":7200,"access_token":"x-new","refresh_token":"x-refresh-2"}"""));

        var error = await Should.ThrowAsync<PlatformException>(() => PublishAsync(tenant, id, new PostContent("hi")));

        error.Kind.ShouldBe(PlatformErrorKind.TokenExpired);
        fake.To("POST", "/2/oauth2/token").Count.ShouldBe(1);
        fake.To("POST", "/2/tweets").Select(r => r.Header("Authorization")).ShouldBe(["Bearer x-old", "Bearer x-new"]);
        (await FindAsync(tenant, id)).Status.ShouldBe(AccountStatus.Expired);
        (await NeedsReconnectEventsAsync(id, tenant)).ShouldBe(1);
    }

    [Test]
    public async Task A_facebook_page_token_revoked_by_a_password_change_marks_the_account_revoked_without_a_refresh()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.Facebook, "1001", new TokenSet("page-token", null, null, ""));
        // developers.facebook.com/docs/graph-api/guides/error-handling: code 190, subcode 460 (the password changed).
        fake.On("POST", "/v25.0/1001/feed", FakeResponse.Json(
            """{"error":{"message":"Error validating access token: The session has been invalidated because the user changed their password.","type":"OAuthException","code":190,"error_subcode":460,"fbtrace_id":"A3"}}""", 400));

        var error = await Should.ThrowAsync<PlatformException>(() => PublishAsync(tenant, id, new PostContent("hello")));

        error.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        fake.Requests.Count.ShouldBe(1);
        var account = await FindAsync(tenant, id);
        account.Status.ShouldBe(AccountStatus.Revoked);
        account.StatusReason!.ShouldContain("the user changed their password");
        (await NeedsReconnectEventsAsync(id, tenant)).ShouldBe(1);
    }

    [Test]
    public async Task The_background_refresh_marks_an_account_whose_refresh_is_refused_and_raises_the_event()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("x-old", "x-refresh", days: 0, minutes: 30));
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant","error_description":"Value passed for the token was invalid."}""", 400));

        await app.AsJobAsync(tenant, s => s.GetRequiredService<TokenRefreshJobs>().RefreshTenantAsync(tenant, CancellationToken.None));

        var account = await FindAsync(tenant, id);
        account.Status.ShouldBe(AccountStatus.Revoked);
        account.StatusReason!.ShouldContain("invalid_grant");
        (await NeedsReconnectEventsAsync(id, tenant)).ShouldBe(1);
    }

    [Test]
    public async Task Reconnecting_a_revoked_account_makes_it_active_and_raises_account_reconnected()
    {
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, FakeX.UserId, Tokens("x-old", "x-refresh", days: 0, minutes: 30));
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant"}""", 400));
        await app.AsJobAsync(tenant, s => s.GetRequiredService<TokenRefreshJobs>().RefreshTenantAsync(tenant, CancellationToken.None));
        (await FindAsync(tenant, id)).Status.ShouldBe(AccountStatus.Revoked);
        using var client = app.ClientFor(tenant, user);

        var reconnect = await client.PostAsJsonAsync($"/api/v1/social-accounts/{id}/reconnect", new { redirectUri = "https://app.example/cb" });
        reconnect.StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();
        // docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (code exchange) and
        // docs.x.com/x-api/users/user-lookup-me (GET /2/users/me).
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"token_type":"bearer","expires_in":7200,"access_token":"x-again","refresh_token":"x-refresh-again"}"""));
        fake.On("GET", "/2/users/me", FakeResponse.Json($$$"""{"data":{"id":"{{{FakeX.UserId}}}","name":"X Dev","username":"xdevelopers"}}"""));
        var connected = await client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "x", code = "x-code", state, redirectUri = "https://app.example/cb" });

        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        var account = await FindAsync(tenant, id);
        account.Status.ShouldBe(AccountStatus.Active);
        account.StatusReason.ShouldBeNull();
        (await EventsAsync("account.reconnected", id, tenant)).ShouldBe(1);
    }

    [Test]
    public async Task Another_tenant_sees_neither_the_marked_account_nor_can_reconnect_it()
    {
        var tenant = Guid.NewGuid();
        var other = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.LinkedIn, "li-iso", Tokens("li-access", null, days: 30));
        fake.On("POST", "/rest/posts", FakeResponse.Json(
            """{"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"The token used in the request has been revoked by the user"}""", 401));
        await Should.ThrowAsync<PlatformException>(() => PublishAsync(tenant, id, new PostContent("hello")));
        using var stranger = app.ClientFor(other, Guid.NewGuid(), TenantRole.Owner);

        (await stranger.GetAsync($"/api/v1/social-accounts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/social-accounts/{id}/reconnect", new { redirectUri = "https://app.example/cb" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await FindAsync(tenant, id)).Status.ShouldBe(AccountStatus.Revoked);
        // The event belongs to the account's tenant, and is delivered in that tenant's unit of work.
        (await NeedsReconnectEventsAsync(id, tenant)).ShouldBe(1);
        (await NeedsReconnectEventsAsync(id, other)).ShouldBe(0);
    }

    private TokenSet Tokens(string access, string? refresh, int days, int minutes = 0) =>
        new(access, refresh, app.Clock.GetUtcNow().AddDays(days).AddMinutes(minutes), "");

    private MediaItem Image()
    {
        fake.On("GET", "/media/ig.jpg", new FakeResponse(200, "BYTES", "image/jpeg"));
        return new MediaItem($"{fake.Url}/media/ig.jpg", MediaKind.Image, "image/jpeg", 5);
    }

    private Task<PublishedPost> PublishAsync(Guid tenant, Guid id, PostContent content) =>
        app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, content, CancellationToken.None));

    private async Task<SocialAccountDto> FindAsync(Guid tenant, Guid id) =>
        (await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None)))!;

    private async Task<JsonElement> ThroughApiAsync(Guid tenant, Guid id)
    {
        using var client = app.ClientFor(tenant, Guid.NewGuid(), TenantRole.Viewer);
        var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/social-accounts/{id}")).RootElement;
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/social-accounts")).RootElement.GetProperty("items")
            .EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        listed.GetProperty("status").GetString().ShouldBe(one.GetProperty("status").GetString());
        listed.GetProperty("statusReason").GetString().ShouldBe(one.GetProperty("statusReason").GetString());
        return one;
    }

    /// <summary>Outbox rows of the event about this account, one per handler: counted per distinct event.</summary>
    private Task<long> NeedsReconnectEventsAsync(Guid id, Guid? tenant = null) => EventsAsync("account.needs_reconnect", id, tenant);

    private async Task<long> EventsAsync(string type, Guid id, Guid? tenant) =>
        (long)(await app.Database.SuperuserScalarAsync("""
            SELECT count(DISTINCT payload->>'eventId') FROM platform_events.outbox
            WHERE event_type = $1 AND payload->>'socialAccountId' = $2 AND ($3 = '' OR tenant_id::text = $3)
            """, type, id.ToString(), tenant?.ToString() ?? ""))!;
}
