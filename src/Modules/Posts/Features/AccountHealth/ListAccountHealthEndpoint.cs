using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Posts.Data;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.AccountHealth;

internal static class ListAccountHealthEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapGet("/account-health", HandleAsync)
        .WithName("ListAccountHealth")
        .WithSummary("Each connected account's publishing health: healthy, failing (with its consecutive failures), paused (why, by whom, until when) or recovering.")
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<PagedList<AccountHealthView>>> HandleAsync(
        PostsDbContext db, ISocialAccounts accounts, TimeProvider clock, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var paging = new PageRequest(page, pageSize);
        var all = await accounts.ListAsync(cancellationToken);
        var shown = all.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var ids = shown.Select(a => a.Id).ToList();
        var breakers = await db.Breakers.AsNoTracking().Where(b => ids.Contains(b.SocialAccountId)).ToDictionaryAsync(b => b.SocialAccountId, cancellationToken);
        var now = clock.GetUtcNow();
        var items = shown.Select(a => AccountHealthView.From(a, breakers.GetValueOrDefault(a.Id), now)).ToList();
        return TypedResults.Ok(new PagedList<AccountHealthView>(items, paging.Page, paging.PageSize, all.Count));
    }
}
