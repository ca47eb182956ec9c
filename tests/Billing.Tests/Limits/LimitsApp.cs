using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Billing.Tests.Limits;

/// <summary>
/// The real host with a tight free plan (2 accounts, 2 seats, 3 posts a month, 1 API key, 1 MiB of media, 1 USD of AI)
/// beside the shipped paid plans, and X pointed at a local fake that answers each authorization with an account of its own.
/// </summary>
internal sealed class LimitsApp : PlatformApp
{
    private LimitsApp(FakePlatform x, Dictionary<string, string?> settings) : base(settings) => X = x;

    public FakePlatform X { get; }

    public static async Task<LimitsApp> StartAsync()
    {
        var x = await FakePlatform.StartAsync();
        // The code names the X user ("code-<id>"), the access token carries it to /2/users/me: parallel connects stay apart.
        x.On("POST", "/2/oauth2/token", request => FakeResponse.Json(
            "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"token-" + request.Form()["code"][5..]
            + "\",\"scope\":\"tweet.read tweet.write users.read offline.access\",\"refresh_token\":\"refresh\"}"));
        x.On("GET", "/2/users/me", request =>
        {
            var id = request.Header("Authorization")!["Bearer token-".Length..];
            return FakeResponse.Json("{\"data\":{\"id\":\"" + id + "\",\"name\":\"X " + id + "\",\"username\":\"x" + id + "\"}}");
        });
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"777","text":"ok"}}""", 201));
        var settings = FakeX.Settings(x);
        settings["Hangfire:ServerEnabled"] = "false";
        settings["Billing:Plans:free:ConnectedAccounts"] = "2";
        settings["Billing:Plans:free:Seats"] = "2";
        settings["Billing:Plans:free:PostsPerMonth"] = "3";
        settings["Billing:Plans:free:AiBudgetUsdPerMonth"] = "1";
        settings["Billing:Plans:free:MediaStorageBytes"] = "1048576";
        settings["Billing:Plans:free:ApiKeys"] = "1";
        return new LimitsApp(x, settings);
    }

    /// <summary>Connects the X user <paramref name="xUserId"/> through the real OAuth endpoints; answers the connect's response.</summary>
    public static async Task<HttpResponseMessage> ConnectAsync(TestAccount owner, string xUserId)
    {
        const string redirect = "https://app.example/callback";
        var authUrl = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(redirect)}");
        return await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "x", code = "code-" + xUserId, state = authUrl.GetProperty("state").GetString(), redirectUri = redirect });
    }

    public static async Task<Guid> ConnectedAsync(TestAccount owner, string xUserId)
    {
        var connected = await ConnectAsync(owner, xUserId);
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        return (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }

    /// <summary>A draft of one X post on <paramref name="accountId"/>; answers its id.</summary>
    public static async Task<Guid> DraftAsync(TestAccount owner, Guid accountId)
    {
        var created = await owner.Client.PostAsJsonAsync("/api/v1/posts",
            new { title = "A post", content = "Hello from the plan tests", type = "text", targets = new[] { new { accountId } } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> ScheduleAsync(TestAccount owner, Guid postId, DateTimeOffset at) =>
        owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/schedule", new { scheduledAt = at.ToString("O") });

    /// <summary>Puts the tenant on <paramref name="plan"/> as a Stripe subscription would (set-up only).</summary>
    public async Task SetPlanAsync(Guid tenantId, string plan) =>
        await Database.ScalarAsTenantAsync(tenantId, """
            INSERT INTO billing.accounts (tenant_id, plan, status, updated_at) VALUES ($1, $2, 'active', now())
            ON CONFLICT (tenant_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status, updated_at = now()
            """, tenantId, plan);

    public async Task<long> CountAsync(Guid tenantId, string sql) => (long)(await Database.ScalarAsTenantAsync(tenantId, sql))!;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await X.DisposeAsync();
    }
}
