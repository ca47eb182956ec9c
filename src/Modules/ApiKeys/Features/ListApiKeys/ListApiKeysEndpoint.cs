using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.ApiKeys.Data;
using Platform.ApiKeys.Features.Shared;
using Platform.SharedKernel.Paging;

namespace Platform.ApiKeys.Features.ListApiKeys;

internal static class ListApiKeysEndpoint
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("The tenant's API keys, revoked and expired ones included, newest first, paginated; never their secrets.");

    private static async Task<Ok<PagedList<ApiKeyView>>> ListAsync(
        ApiKeysDbContext db, TimeProvider clock, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var request = new PageRequest(page, pageSize);
        var query = db.Keys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.Skip(request.Skip).Take(request.PageSize).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PagedList<ApiKeyView>(items.Select(k => ApiKeyView.From(k, now)).ToList(), request.Page, request.PageSize, total));
    }
}
