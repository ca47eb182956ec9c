using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.AI.Contracts;
using Platform.AI.Data;
using Platform.AI.Generation;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;

namespace Platform.AI.Features.ListRequests;

internal static class ListRequestsEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapGet("/requests", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("ListAiRequests")
            .Produces<PagedList<AiRequestView>>();

    private static async Task<IResult> HandleAsync(
        AiDbContext db, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, AiRequestType? type = null, AiRequestStatus? status = null)
    {
        var paging = new PageRequest(page, pageSize);
        // No tenant filter: row-level security shows this tenant's requests only.
        var query = db.Requests.AsNoTracking();
        if (type is not null)
        {
            query = query.Where(r => r.Type == type);
        }
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return Results.Ok(new PagedList<AiRequestView>(items.Select(AiRequestView.From).ToList(), paging.Page, paging.PageSize, total));
    }
}
