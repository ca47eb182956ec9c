using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>The connect flow over HTTP for X, LinkedIn and Facebook against a local fake of each platform.</summary>
public sealed class ConnectionTests
{
    private const string RedirectUri = "https://app.example/oauth/callback";
    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;
    private Guid tenant;
    private Guid user;
    private HttpClient editor = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake, new Dictionary<string, string?> { ["SocialAccounts:HttpTimeoutSeconds"] = "2" });
        tenant = Guid.NewGuid();
        user = Guid.NewGuid();
        editor = app.ClientFor(tenant, user);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        // Every flow of this fixture ran by now (successes, refusals, garbage, timeouts): none may have logged a secret.
        var secrets = new[] { "x-access-token", "x-refresh-token", "x-client-secret", "facebook-client-secret", "fb-short", "fb-long", "page-token", "li-access", "ig-long", "shop-page-token", "x-code", "bad-code" };
        app.Logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))).ShouldBeEmpty();
        editor.Dispose();
        await app.DisposeAsync();
        await fake.DisposeAsync();
    }

    [SetUp]
    public void ResetFake() => fake.Reset();

    [Test]
    public async Task The_X_authorize_url_carries_scopes_state_and_an_S256_challenge_of_the_verifier_sent_at_exchange()
    {
        var (url, state) = await AuthUrlAsync("x");

        url.GetLeftPart(UriPartial.Path).ShouldBe($"{fake.Url}/oauth/authorize/x");
        var query = Query(url);
        query["response_type"].ShouldBe("code");
        query["client_id"].ShouldBe("x-client-id");
        query["redirect_uri"].ShouldBe(RedirectUri);
        query["scope"].ShouldBe("tweet.read tweet.write users.read media.write offline.access");
        query["state"].ShouldBe(state);
        query["code_challenge_method"].ShouldBe("S256");
        url.Query.ShouldContain("scope=tweet.read%20tweet.write");

        ScriptX();
        (await ConnectAsync("x", "x-code", state)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var exchange = fake.Single("POST", "/2/oauth2/token");
        exchange.Header("Authorization").ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-client-id:x-client-secret")));
        exchange.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        var form = exchange.Form();
        form.Keys.ShouldBe(["code", "grant_type", "redirect_uri", "code_verifier"], ignoreOrder: true);
        form["code"].ShouldBe("x-code");
        form["grant_type"].ShouldBe("authorization_code");
        form["redirect_uri"].ShouldBe(RedirectUri);
        Base64UrlSha256(form["code_verifier"]).ShouldBe(query["code_challenge"]);
    }

    [Test]
    public async Task Connecting_X_fetches_the_identity_and_stores_encrypted_tokens_that_never_appear_in_answers()
    {
        var (_, state) = await AuthUrlAsync("x");
        ScriptX();

        var response = await ConnectAsync("x", "x-code", state);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("x-access-token");
        body.ShouldNotContain("x-refresh-token");
        var account = JsonDocument.Parse(body).RootElement.GetProperty("accounts")[0];
        account.GetProperty("platform").GetString().ShouldBe("X");
        account.GetProperty("externalId").GetString().ShouldBe("2244994945");
        account.GetProperty("displayName").GetString().ShouldBe("X Dev");
        account.GetProperty("handle").GetString().ShouldBe("xdevelopers");
        account.GetProperty("avatarUrl").GetString().ShouldBe("https://pbs.twimg.com/profile_images/1/a.png");
        account.GetProperty("status").GetString().ShouldBe("Active");
        account.GetProperty("tokenExpiresAt").GetDateTimeOffset().ShouldBe(app.Clock.GetUtcNow().AddSeconds(7200), TimeSpan.FromSeconds(5));

        var identity = fake.Single("GET", "/2/users/me");
        identity.Header("Authorization").ShouldBe("Bearer x-access-token");
        identity.QueryValues()["user.fields"].ShouldBe("profile_image_url,username,name");

        await using var connection = app.Database.OpenOwner();
        await using var command = new NpgsqlCommand(
            "SELECT access_token_cipher, refresh_token_cipher, key_id, tenant_id FROM social_accounts.accounts WHERE external_id = '2244994945'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetString(0).ShouldStartWith($"v1.{GeneratedKeys.EncryptionKeyId}.");
        reader.GetString(0).ShouldNotContain("x-access-token");
        reader.GetString(1).ShouldNotContain("x-refresh-token");
        reader.GetString(2).ShouldBe(GeneratedKeys.EncryptionKeyId);
        reader.GetGuid(3).ShouldBe(tenant);
    }

    [Test]
    public async Task LinkedIn_connects_with_client_credentials_in_the_form_and_the_openid_userinfo()
    {
        var (url, state) = await AuthUrlAsync("linkedin");
        var query = Query(url);
        query["scope"].ShouldBe("openid profile w_member_social");
        query.ShouldNotContainKey("code_challenge");
        query["response_type"].ShouldBe("code");
        fake.On("POST", "/oauth/v2/accessToken", FakeResponse.Json("""{"access_token":"li-access","expires_in":5184000,"scope":"openid,profile,w_member_social"}"""));
        fake.On("GET", "/v2/userinfo", FakeResponse.Json("""{"sub":"782bbtaQ","name":"Ada Lovelace","given_name":"Ada","family_name":"Lovelace","picture":"https://media.licdn.com/ada.jpg","locale":"en-US"}"""));

        var response = await ConnectAsync("linkedin", "li-code", state);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = fake.Single("POST", "/oauth/v2/accessToken").Form();
        form.ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "li-code", ["redirect_uri"] = RedirectUri,
            ["client_id"] = "linkedin-client-id", ["client_secret"] = "linkedin-client-secret",
        }, ignoreOrder: true);
        fake.Single("GET", "/v2/userinfo").Header("Authorization").ShouldBe("Bearer li-access");
        var account = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accounts")[0];
        account.GetProperty("externalId").GetString().ShouldBe("782bbtaQ");
        account.GetProperty("displayName").GetString().ShouldBe("Ada Lovelace");
        account.GetProperty("avatarUrl").GetString().ShouldBe("https://media.licdn.com/ada.jpg");
    }

    [Test]
    public async Task Facebook_exchanges_for_a_long_lived_token_and_lets_the_user_pick_among_the_pages()
    {
        var (url, state) = await AuthUrlAsync("facebook");
        Query(url)["scope"].ShouldBe("pages_show_list,pages_manage_posts,pages_read_engagement,publish_video,read_insights");
        ScriptFacebook();

        var response = await ConnectAsync("facebook", "fb-code", state);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var exchanges = fake.To("GET", "/v25.0/oauth/access_token");
        exchanges.Count.ShouldBe(2);
        exchanges[0].QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["client_id"] = "facebook-client-id", ["redirect_uri"] = RedirectUri, ["client_secret"] = "facebook-client-secret", ["code"] = "fb-code",
        }, ignoreOrder: true);
        exchanges[1].QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "fb_exchange_token", ["client_id"] = "facebook-client-id", ["client_secret"] = "facebook-client-secret",
            ["fb_exchange_token"] = "fb-short",
        }, ignoreOrder: true);
        var pages = fake.Single("GET", "/v25.0/me/accounts").QueryValues();
        pages["access_token"].ShouldBe("fb-long");
        pages["fields"].ShouldBe("id,name,access_token,category,tasks,picture");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("page-token");
        var answer = JsonDocument.Parse(body).RootElement;
        answer.GetProperty("accounts").GetArrayLength().ShouldBe(0);
        var selection = answer.GetProperty("selection");
        selection.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("externalId").GetString()).ShouldBe(["1001", "1002"]);
        (await CountAccountsAsync("facebook")).ShouldBe(0);

        var selectionId = selection.GetProperty("id").GetGuid();
        var unknown = await editor.PostAsJsonAsync("/api/v1/social-accounts/connect/select", new { selectionId, externalIds = new[] { "9999" } });
        await ShouldBeProblemAsync(unknown, 400, null);
        using (var stranger = app.ClientFor(tenant, Guid.NewGuid()))
        {
            await ShouldBeProblemAsync(await stranger.PostAsJsonAsync("/api/v1/social-accounts/connect/select", new { selectionId, externalIds = new[] { "1002" } }), 404, null);
        }
        var picked = await editor.PostAsJsonAsync("/api/v1/social-accounts/connect/select", new { selectionId, externalIds = new[] { "1002" } });

        picked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accounts = JsonDocument.Parse(await picked.Content.ReadAsStringAsync()).RootElement.GetProperty("accounts");
        accounts.EnumerateArray().Select(a => a.GetProperty("externalId").GetString()).ShouldBe(["1002"]);
        // The Page token does not expire; the account records the long-lived user token's expiry, renewed before it passes.
        accounts[0].GetProperty("tokenExpiresAt").GetDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(59), DateTimeOffset.UtcNow.AddDays(61));
        (await CountAccountsAsync("facebook")).ShouldBe(1);
        await ShouldBeProblemAsync(await editor.PostAsJsonAsync("/api/v1/social-accounts/connect/select", new { selectionId, externalIds = new[] { "1001" } }), 404, null);
    }

    [Test]
    public async Task Instagram_connects_the_professional_account_linked_to_the_users_page()
    {
        var (_, state) = await AuthUrlAsync("instagram");
        fake.On("GET", "/v25.0/oauth/access_token", request => request.QueryValues().ContainsKey("code")
            ? FakeResponse.Json("""{"access_token":"ig-short","token_type":"bearer","expires_in":3600}""")
            : FakeResponse.Json("""{"access_token":"ig-long","token_type":"bearer","expires_in":5183944}"""));
        fake.On("GET", "/v25.0/me/accounts", FakeResponse.Json("""{"data":[{"id":"2001","name":"Shop","access_token":"shop-page-token"},{"id":"2002","name":"No IG","access_token":"other-token"}]}"""));
        fake.On("GET", "/v25.0/2001", FakeResponse.Json("""{"instagram_business_account":{"id":"17841400008460056"},"id":"2001"}"""));
        fake.On("GET", "/v25.0/2002", FakeResponse.Json("""{"id":"2002"}"""));
        fake.On("GET", "/v25.0/17841400008460056", FakeResponse.Json("""{"id":"17841400008460056","username":"shop","name":"The Shop","profile_picture_url":"https://ig.example/p.jpg"}"""));

        var response = await ConnectAsync("instagram", "ig-code#_", state);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        fake.To("GET", "/v25.0/oauth/access_token")[0].QueryValues()["code"].ShouldBe("ig-code");
        fake.Single("GET", "/v25.0/2001").QueryValues().ShouldBe(new Dictionary<string, string> { ["fields"] = "instagram_business_account", ["access_token"] = "shop-page-token" });
        fake.Single("GET", "/v25.0/17841400008460056").QueryValues()["fields"].ShouldBe("id,username,name,profile_picture_url");
        var account = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accounts").EnumerateArray().Single();
        account.GetProperty("externalId").GetString().ShouldBe("17841400008460056");
        account.GetProperty("handle").GetString().ShouldBe("shop");
    }

    [Test]
    public async Task A_state_is_single_use()
    {
        var (_, state) = await AuthUrlAsync("x");
        ScriptX();
        (await ConnectAsync("x", "x-code", state)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await ConnectAsync("x", "x-code", state);

        await ShouldBeProblemAsync(again, 400, "Reused");
        fake.To("POST", "/2/oauth2/token").Count.ShouldBe(1);
    }

    [Test]
    public async Task A_forged_state_is_rejected_before_anything_is_sent_to_the_platform()
    {
        var (_, state) = await AuthUrlAsync("x");
        var parts = state.Split('.');
        var forged = parts[0] + "." + (parts[1][0] == 'A' ? 'B' : 'A') + parts[1][1..];
        ScriptX();

        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", forged), 400, "Forged");
        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", "not-a-state"), 400, "Malformed");
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task An_expired_state_is_rejected()
    {
        var (_, state) = await AuthUrlAsync("x");
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", state), 400, "Expired");
    }

    [Test]
    public async Task A_state_is_bound_to_its_user_tenant_platform_and_redirect()
    {
        var (_, state) = await AuthUrlAsync("x");
        using var otherUser = app.ClientFor(tenant, Guid.NewGuid());
        using var otherTenant = app.ClientFor(Guid.NewGuid(), user);

        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", state, otherUser), 400, "WrongCaller");
        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", state, otherTenant), 400, "WrongCaller");
        await ShouldBeProblemAsync(await ConnectAsync("linkedin", "x-code", state), 400, "WrongCaller");
        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", state, redirectUri: "https://evil.example/cb"), 400, "WrongCaller");
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task A_code_the_platform_rejects_is_a_400_and_stores_nothing()
    {
        var (_, state) = await AuthUrlAsync("x");
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant","error_description":"Value passed for the authorization code was invalid."}""", 400));

        var response = await ConnectAsync("x", "bad-code", state);

        var body = await ShouldBeProblemAsync(response, 400, null);
        body.ShouldNotContain("x-client-secret");
        body.ShouldNotContain("bad-code");
        (await CountAccountsAsync("x")).ShouldBe(0);
    }

    [Test]
    public async Task A_platform_answering_garbage_is_a_502_and_stores_nothing()
    {
        var (_, state) = await AuthUrlAsync("x");
        fake.On("POST", "/2/oauth2/token", new FakeResponse(200, "<html>oops</html>", "text/html"));

        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", state), 502, null);
        (await CountAccountsAsync("x")).ShouldBe(0);
    }

    [Test]
    public async Task A_failure_after_the_token_exchange_leaves_no_half_created_account()
    {
        var (_, state) = await AuthUrlAsync("linkedin");
        fake.On("POST", "/oauth/v2/accessToken", FakeResponse.Json("""{"access_token":"li-access","expires_in":5184000}"""));
        fake.On("GET", "/v2/userinfo", FakeResponse.Json("""{"status":500,"message":"Internal error"}""", 500));

        await ShouldBeProblemAsync(await ConnectAsync("linkedin", "li-code", state), 502, null);
        (await CountAccountsAsync("linkedin")).ShouldBe(0);
    }

    [Test]
    public async Task A_platform_that_times_out_is_a_502()
    {
        var (_, state) = await AuthUrlAsync("x");
        fake.On("POST", "/2/oauth2/token", new FakeResponse(200, "{}", Delay: TimeSpan.FromSeconds(10)));

        await ShouldBeProblemAsync(await ConnectAsync("x", "x-code", state), 502, null);
    }

    [Test]
    public async Task An_unknown_platform_is_a_404_problem()
    {
        var response = await editor.GetAsync($"/api/v1/social-accounts/auth-url/myspace?redirectUri={Uri.EscapeDataString(RedirectUri)}");
        await ShouldBeProblemAsync(response, 404, null);
        await ShouldBeProblemAsync(await ConnectAsync("myspace", "c", "s"), 404, null);
        await ShouldBeProblemAsync(await editor.GetAsync("/api/v1/social-accounts/auth-url/1"), 404, null);
    }

    [Test]
    public async Task Bad_requests_are_validation_problems()
    {
        var response = await editor.PostAsJsonAsync("/api/v1/social-accounts/connect", new { platform = "x", code = "", state = "", redirectUri = "not a url" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.TryGetProperty("Code", out _).ShouldBeTrue();
        errors.TryGetProperty("RedirectUri", out _).ShouldBeTrue();
        (await editor.GetAsync("/api/v1/social-accounts/auth-url/x?redirectUri=javascript:alert(1)")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Viewers_may_list_but_not_connect_and_anonymous_callers_nothing()
    {
        using var viewer = app.ClientFor(tenant, Guid.NewGuid(), TenantRole.Viewer);
        using var anonymous = app.CreateClient();

        (await viewer.GetAsync($"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(RedirectUri)}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ConnectAsync("x", "c", "s", viewer)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/v1/social-accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/api/v1/social-accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task List_and_get_show_status_expiry_and_sync_and_disconnect_revokes_at_X()
    {
        using var own = app.ClientFor(Guid.NewGuid(), user);
        var (_, state) = await AuthUrlAsync("x", own);
        ScriptX();
        var connected = JsonDocument.Parse(await (await ConnectAsync("x", "x-code", state, own)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("accounts")[0].GetProperty("id").GetGuid();

        var list = JsonDocument.Parse(await own.GetStringAsync("/api/v1/social-accounts?platform=x")).RootElement;
        list.GetProperty("totalCount").GetInt64().ShouldBe(1);
        var item = list.GetProperty("items")[0];
        item.GetProperty("id").GetGuid().ShouldBe(connected);
        item.GetProperty("lastSyncAt").ValueKind.ShouldBe(JsonValueKind.String);
        var single = JsonDocument.Parse(await own.GetStringAsync($"/api/v1/social-accounts/{connected}")).RootElement;
        single.GetProperty("status").GetString().ShouldBe("Active");
        (await editor.GetAsync($"/api/v1/social-accounts/{connected}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        fake.On("POST", "/2/oauth2/revoke", FakeResponse.Json("""{"revoked":true}"""));
        var disconnect = await own.DeleteAsync($"/api/v1/social-accounts/{connected}");

        disconnect.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await disconnect.Content.ReadAsStringAsync()).RootElement.GetProperty("revokedAtPlatform").GetBoolean().ShouldBeTrue();
        var revoked = fake.To("POST", "/2/oauth2/revoke");
        revoked.Select(r => r.Form()["token"]).ShouldBe(["x-refresh-token", "x-access-token"], ignoreOrder: true);
        revoked.ShouldAllBe(r => r.Header("Authorization") == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-client-id:x-client-secret")));
        (await own.GetAsync($"/api/v1/social-accounts/{connected}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Reconnect_binds_the_state_to_the_account_and_refuses_another_identity()
    {
        var ownTenant = Guid.NewGuid();
        using var own = app.ClientFor(ownTenant, user);
        var (_, state) = await AuthUrlAsync("x", own);
        ScriptX();
        var id = JsonDocument.Parse(await (await ConnectAsync("x", "x-code", state, own)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("accounts")[0].GetProperty("id").GetGuid();
        (await app.ExecuteAsTenantAsync(ownTenant, $"UPDATE social_accounts.accounts SET status = 'expired', status_reason = 'test' WHERE id = '{id}'")).ShouldBe(1);

        var reconnect = await own.PostAsJsonAsync($"/api/v1/social-accounts/{id}/reconnect", new { redirectUri = RedirectUri });
        reconnect.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reconnectState = JsonDocument.Parse(await reconnect.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString()!;
        fake.On("GET", "/2/users/me", FakeResponse.Json("""{"data":{"id":"999","name":"Someone else","username":"other"}}"""));
        (await ConnectAsync("x", "x-code", reconnectState, own)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var secondState = JsonDocument.Parse(await (await own.PostAsJsonAsync($"/api/v1/social-accounts/{id}/reconnect", new { redirectUri = RedirectUri }))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString()!;
        ScriptX();
        var done = await ConnectAsync("x", "x-code", secondState, own);

        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var account = JsonDocument.Parse(await own.GetStringAsync($"/api/v1/social-accounts/{id}")).RootElement;
        account.GetProperty("status").GetString().ShouldBe("Active");
        account.GetProperty("statusReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private void ScriptX()
    {
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json(
            """{"token_type":"bearer","expires_in":7200,"access_token":"x-access-token","scope":"tweet.read tweet.write users.read media.write offline.access","refresh_token":"x-refresh-token"}"""));
        fake.On("GET", "/2/users/me", FakeResponse.Json(
            """{"data":{"id":"2244994945","name":"X Dev","username":"xdevelopers","profile_image_url":"https://pbs.twimg.com/profile_images/1/a.png"}}"""));
    }

    private void ScriptFacebook()
    {
        fake.On("GET", "/v25.0/oauth/access_token", request => request.QueryValues().ContainsKey("code")
            ? FakeResponse.Json("""{"access_token":"fb-short","token_type":"bearer","expires_in":3600}""")
            : FakeResponse.Json("""{"access_token":"fb-long","token_type":"bearer","expires_in":5183944}"""));
        fake.On("GET", "/v25.0/me/accounts", FakeResponse.Json("""
            {"data":[
              {"id":"1001","name":"Bakery","access_token":"page-token-1","category":"Bakery","tasks":["CREATE_CONTENT"],"picture":{"data":{"url":"https://fb.example/1.jpg"}}},
              {"id":"1002","name":"Cafe","access_token":"page-token-2","category":"Cafe","tasks":["CREATE_CONTENT"]}
            ],"paging":{"cursors":{"before":"a","after":"b"}}}
            """));
    }

    private async Task<(Uri Url, string State)> AuthUrlAsync(string platform, HttpClient? client = null)
    {
        var response = await (client ?? editor).GetAsync($"/api/v1/social-accounts/auth-url/{platform}?redirectUri={Uri.EscapeDataString(RedirectUri)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (new Uri(body.GetProperty("authorizationUrl").GetString()!), body.GetProperty("state").GetString()!);
    }

    private Task<HttpResponseMessage> ConnectAsync(string platform, string code, string state, HttpClient? client = null, string redirectUri = RedirectUri) =>
        (client ?? editor).PostAsJsonAsync("/api/v1/social-accounts/connect", new { platform, code, state, redirectUri });

    private static async Task<string> ShouldBeProblemAsync(HttpResponseMessage response, int status, string? reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (reason is not null)
        {
            JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString().ShouldBe(reason);
        }
        return body;
    }

    private async Task<long> CountAccountsAsync(string platform)
    {
        await using var connection = app.Database.OpenOwner();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM social_accounts.accounts WHERE platform = '{platform}' AND tenant_id = '{tenant}'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Dictionary<string, string> Query(Uri url) => new RecordedRequest("GET", url.AbsolutePath, url.Query, new Dictionary<string, string>(), "", []).QueryValues();

    private static string Base64UrlSha256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
