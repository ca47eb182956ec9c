using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.SharedKernel.Security;
using Shouldly;

namespace Platform.TestKit;

/// <summary>A user signed in through the real API, with a client that carries its access token.</summary>
public sealed record TestAccount(Guid UserId, Guid TenantId, string Email, string Password, string AccessToken, string RefreshToken, HttpClient Client);

public static class TestAccounts
{
    public const string Password = "correct-horse-battery";

    /// <summary>Registers a new tenant with its owner, then signs the owner in (registration itself issues no tokens).</summary>
    public static async Task<TestAccount> RegisterAsync(this PlatformApp app, string? email = null, string tenantName = "Test tenant")
    {
        email ??= $"owner-{Guid.NewGuid():N}@example.com";
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { tenantName, email, password = Password });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await app.LoginAsync(email, Password);
    }

    /// <summary>Adds a user with <paramref name="role"/> to the owner's tenant and signs it in.</summary>
    public static async Task<TestAccount> AddUserAsync(this PlatformApp app, TestAccount owner, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        var created = await owner.Client.PostAsJsonAsync("/api/v1/users", new { email, password = Password, role });
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await app.LoginAsync(email, Password);
    }

    public static async Task<TestAccount> LoginAsync(this PlatformApp app, string email, string password, string? code = null)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password, code });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var tokens = (await response.Content.ReadFromJsonAsync<JsonElement>())!;
        var access = tokens.GetProperty("accessToken").GetString()!;
        // The ids come from the token's own claims: asking GET me would spend a request of the user's rate limit.
        var claims = new JsonWebToken(access);
        return new TestAccount(
            Guid.Parse(claims.GetClaim(PlatformClaims.UserId).Value), Guid.Parse(claims.GetClaim(PlatformClaims.TenantId).Value),
            email, password, access, tokens.GetProperty("refreshToken").GetString()!, app.CreateClient(access));
    }
}
