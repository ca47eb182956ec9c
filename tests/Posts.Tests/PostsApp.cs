using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>The real host with X pointed at a local fake, fast retries and a short lease.</summary>
internal sealed class PostsApp(FakePlatform x, IDictionary<string, string?>? extra = null) : PlatformApp(Settings(x, extra))
{
    public const string XUserId = "2244994945";

    private static Dictionary<string, string?> Settings(FakePlatform x, IDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platforms:X:AuthorizeUrl"] = x.Url + "/i/oauth2/authorize",
            ["Platforms:X:TokenUrl"] = x.Url + "/2/oauth2/token",
            ["Platforms:X:ApiBaseUrl"] = x.Url,
            ["Platforms:X:RevokeUrl"] = x.Url + "/2/oauth2/revoke",
            ["Platforms:X:ClientId"] = "x-client-id",
            ["Platforms:X:ClientSecret"] = "x-client-secret",
            ["Publishing:RetryBaseDelay"] = "00:00:00.200",
            ["Publishing:Lease"] = "00:00:10",
            ["SocialAccounts:HttpTimeoutSeconds"] = "3",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Connects an X account to the owner's tenant through the real OAuth endpoints.</summary>
    public async Task<Guid> ConnectXAsync(TestAccount owner, FakePlatform fake)
    {
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json(
            """{"token_type":"bearer","expires_in":7200,"access_token":"x-access-token","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"x-refresh-token"}"""));
        fake.On("GET", "/2/users/me", FakeResponse.Json(
            "{\"data\":{\"id\":\"" + XUserId + "\",\"name\":\"X Dev\",\"username\":\"xdevelopers\"}}"));
        const string redirect = "https://app.example/callback";
        var authUrl = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(redirect)}");
        var connected = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "x", code = "x-code", state = authUrl.GetProperty("state").GetString(), redirectUri = redirect });
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        var body = await connected.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }
}
