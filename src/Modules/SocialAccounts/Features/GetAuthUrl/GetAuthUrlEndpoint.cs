using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Features.Shared;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Features.GetAuthUrl;

/// <summary>Starts a connection: the platform's authorization URL with scopes, a signed single-use state and, where supported, PKCE.</summary>
internal static class GetAuthUrlEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/auth-url/{platform}", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .Validate<GetAuthUrlRequest>()
            .WithName("GetSocialAccountAuthUrl");

    public static async Task<Ok<AuthUrlResponse>> HandleAsync(
        [AsParameters] GetAuthUrlRequest request, ITenantContext tenant, PlatformClientFactory clients, OAuthStateService states, CancellationToken cancellationToken)
    {
        var platform = ConnectionProblems.ParsePlatform(request.Platform);
        return TypedResults.Ok(await IssueAsync(platform, request.RedirectUri, accountId: null, tenant, clients, states, cancellationToken));
    }

    /// <summary>Shared with reconnect, which binds the state to the account being reconnected.</summary>
    public static async Task<AuthUrlResponse> IssueAsync(
        SocialPlatform platform, string? redirectUri, Guid? accountId, ITenantContext tenant, PlatformClientFactory clients, OAuthStateService states, CancellationToken cancellationToken)
    {
        var client = clients.For(platform);
        ConnectionProblems.EnsureConfigured(client);
        var redirect = RedirectUris.Resolve(redirectUri, client);
        var (state, payload) = await states.IssueAsync(tenant.RequiredTenantId, tenant.UserId!.Value, platform, redirect, accountId, cancellationToken);
        var challenge = client.UsesPkce ? OAuthStateService.CodeChallenge(states.CodeVerifier(payload)) : "";
        return new AuthUrlResponse(platform, client.BuildAuthorizeUrl(state, redirect, challenge), state, DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
    }
}
