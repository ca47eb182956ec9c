using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Platform.ApiKeys.Contracts;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.Users.Contracts;

namespace Platform.Host.Auth;

/// <summary>
/// <c>Authorization: Bearer plk_…</c>: an integrator's API key. A valid key acts in its tenant for the user who created it
/// and carries its scopes as claims; the tenant becomes the request's tenant exactly as a user token's does, so row-level
/// security applies the same way. Which endpoints a key may call is decided by their scopes (<see cref="ApiKeyScopeMiddleware"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyAuthenticator keys, IAccessTokenGate users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Refused = "The API key is malformed, unknown, revoked or expired.";
    private const string CreatorDeactivated =
        "The user who created this API key has been deactivated; the key works again if they are reactivated, or create a new key as an active owner or admin.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerCredential.Of(Request) is not { } presented || !ApiKeyFormat.LooksLikeApiKey(presented))
        {
            return AuthenticateResult.NoResult();
        }
        var identity = await keys.AuthenticateAsync(presented, Context.Connection.RemoteIpAddress, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail(Refused);
        }
        // A key acts for the user who created it: while that user is deactivated, so is the key (cached like token versions).
        if (!await users.IsActiveAsync(identity.CreatedBy, identity.TenantId, Context.RequestAborted))
        {
            return AuthenticateResult.Fail(CreatorDeactivated);
        }
        var claims = new List<Claim>
        {
            new(PlatformClaims.UserId, identity.CreatedBy.ToString()),
            new(PlatformClaims.TenantId, identity.TenantId.ToString()),
            new(PlatformClaims.ApiKeyId, identity.KeyId.ToString()),
        };
        claims.AddRange(identity.Scopes.Select(scope => new Claim(PlatformClaims.Scope, scope.Name())));
        // An anonymous endpoint acts for the account it names itself, never for a credential sent along.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            Context.RequestServices.GetRequiredService<TenantContext>().Set(identity.TenantId, identity.CreatedBy);
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, PlatformClaims.UserId, PlatformClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AuthenticationSetup.WriteProblemAsync(Context, 401, "Unauthorized", result.Failure?.Message ?? Refused);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthenticationSetup.WriteProblemAsync(Context, 403, "Forbidden", "API keys cannot call this endpoint.");
}
