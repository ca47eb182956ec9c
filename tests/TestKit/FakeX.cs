using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.TestKit;

/// <summary>X pointed at a local <see cref="FakePlatform"/>: the host's settings for it, and an account connected through the real OAuth endpoints.</summary>
public static class FakeX
{
    public const string UserId = "2244994945";

    public static Dictionary<string, string?> Settings(FakePlatform x) => new()
    {
        ["Platforms:X:AuthorizeUrl"] = x.Url + "/i/oauth2/authorize",
        ["Platforms:X:TokenUrl"] = x.Url + "/2/oauth2/token",
        ["Platforms:X:ApiBaseUrl"] = x.Url,
        ["Platforms:X:RevokeUrl"] = x.Url + "/2/oauth2/revoke",
        ["Platforms:X:ClientId"] = "x-client-id",
        ["Platforms:X:ClientSecret"] = "x-client-secret",
    };

    /// <summary>Connects an X account to the owner's tenant through the real OAuth endpoints; answers its id.</summary>
    public static async Task<Guid> ConnectXAsync(this TestAccount owner, FakePlatform x)
    {
        x.On("POST", "/2/oauth2/token", FakeResponse.Json(
            """{"token_type":"bearer","expires_in":7200,"access_token":"x-access-token","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"x-refresh-token"}"""));
        x.On("GET", "/2/users/me", FakeResponse.Json(
            "{\"data\":{\"id\":\"" + UserId + "\",\"name\":\"X Dev\",\"username\":\"xdevelopers\"}}"));
        const string redirect = "https://app.example/callback";
        var authUrl = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(redirect)}");
        var connected = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "x", code = "x-code", state = authUrl.GetProperty("state").GetString(), redirectUri = redirect });
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        return (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }
}
