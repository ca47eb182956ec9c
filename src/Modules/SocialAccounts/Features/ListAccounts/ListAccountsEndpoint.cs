using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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
        [AsParameters] ListAccountsRequest request, SocialAccountsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 20);
        var query = db.Accounts.AsNoTracking();
        if (SocialPlatforms.TryParse(request.Platform, out var platform))
        {
            query = query.Where(a => a.Platform == platform);
        }
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<SocialAccountDto>(items.Select(a => a.ToDto()).ToList(), paging.Page, paging.PageSize, total));
    }
}
