using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;

namespace Platform.SocialAccounts.Features.ListAccounts;

/// <summary>The tenant's connected accounts with their status, expiry and last sync; never tokens.</summary>
internal static class ListAccountsEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .Validate<ListAccountsRequest>()
            .WithName("ListSocialAccounts");

    public static async Task<Ok<PagedList<SocialAccountDto>>> HandleAsync(
        [AsParameters] ListAccountsRequest request, AccountDirectory accounts, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 20);
        // A tenant's accounts are few (its plan caps them): the whole list is cached and paged here.
        IEnumerable<SocialAccountDto> listed = await accounts.ListAsync(cancellationToken);
        if (SocialPlatforms.TryParse(request.Platform, out var platform))
        {
            listed = listed.Where(a => a.Platform == platform);
        }
        var matching = listed.ToList();
        var page = matching.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return TypedResults.Ok(new PagedList<SocialAccountDto>(page, paging.Page, paging.PageSize, matching.Count));
    }
}
