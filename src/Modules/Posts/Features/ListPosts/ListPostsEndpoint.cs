using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Features.ListPosts;

internal static class ListPostsEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapGet("/", HandleAsync)
        .WithName("ListPosts")
        .WithSummary("Posts, newest first, filtered by status, platform, account and a date range (scheduled, else created).")
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<PagedList<PostResponse>>> HandleAsync(
        PostsDbContext db, CancellationToken cancellationToken,
        [FromQuery] PostStatus? status = null, [FromQuery] string? platform = null, [FromQuery] Guid? accountId = null,
        [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null, [FromQuery] int page = 1, [FromQuery] int pageSize = 20)
    {
        if (from > to)
        {
            throw ProblemException.BadRequest("'from' must not be after 'to'.");
        }
        var query = db.Posts.AsNoTracking().Include(p => p.Targets).AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(p => p.Status == wanted);
        }
        if (platform is not null)
        {
            var slug = platform.ToLowerInvariant();
            query = query.Where(p => p.Targets.Any(t => t.Platform == slug));
        }
        if (accountId is { } account)
        {
            query = query.Where(p => p.Targets.Any(t => t.SocialAccountId == account));
        }
        if (from is { } start)
        {
            query = query.Where(p => (p.ScheduledAt ?? p.CreatedAt) >= start);
        }
        if (to is { } end)
        {
            query = query.Where(p => (p.ScheduledAt ?? p.CreatedAt) < end);
        }
        var paging = new PageRequest(page, pageSize);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(p => p.ScheduledAt ?? p.CreatedAt).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<PostResponse>(items.Select(p => PostResponse.From(p)).ToList(), paging.Page, paging.PageSize, total));
    }
}
