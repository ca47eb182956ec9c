using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;

namespace Platform.SocialAccounts.Features.GetAccount;

/// <summary>One connected account (of the caller's tenant: row-level security hides the others).</summary>
internal static class GetAccountEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("GetSocialAccount");

    public static async Task<Ok<SocialAccountDto>> HandleAsync(Guid id, AccountDirectory accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.FindAsync(id, cancellationToken) ?? throw ProblemException.NotFound("The social account"));
}
