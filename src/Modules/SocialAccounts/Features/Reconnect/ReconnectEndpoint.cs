using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Features.GetAuthUrl;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Features.Reconnect;

/// <summary>
/// Starts re-authorising an expired or revoked account: an authorization URL whose state is bound to this account, so
/// the following connect must come back with the same platform identity and updates it in place.
/// </summary>
internal static class ReconnectEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/reconnect", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .Validate<ReconnectRequest>()
            .WithName("ReconnectSocialAccount");

    public static async Task<Ok<AuthUrlResponse>> HandleAsync(
        Guid id, ReconnectRequest request, SocialAccountsDbContext db, ITenantContext tenant, PlatformClientFactory clients,
        OAuthStateService states, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("The social account");
        return TypedResults.Ok(await GetAuthUrlEndpoint.IssueAsync(account.Platform, request.RedirectUri, account.Id, tenant, clients, states, cancellationToken));
    }
}
