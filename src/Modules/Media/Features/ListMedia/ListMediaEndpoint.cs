using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Media.Contracts;
using Platform.Media.Data;
using Platform.Media.Features.Shared;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;

namespace Platform.Media.Features.ListMedia;

internal static class ListMediaEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapGet("/", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("ListMedia")
            .Produces<PagedList<MediaView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> HandleAsync(
        MediaDbContext db, MediaLinks links, CancellationToken cancellationToken, int page = 1, int pageSize = 20, MediaKind? kind = null)
    {
        var paging = new PageRequest(page, pageSize);
        // No tenant filter: row-level security shows this tenant's items only.
        var query = db.Items.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(i => i.Kind == kind);
        }
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return Results.Ok(new PagedList<MediaView>(items.Select(links.View).ToList(), paging.Page, paging.PageSize, total));
    }
}
