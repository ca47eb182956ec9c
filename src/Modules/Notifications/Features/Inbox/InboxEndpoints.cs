using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;

namespace Platform.Notifications.Features.Inbox;

/// <summary>The caller's in-app notifications, newest first, and marking them read.</summary>
internal static class InboxEndpoints
{
    public static void Map(IEndpointRouteBuilder notifications)
    {
        notifications.MapGet("/", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first, paginated.");
        notifications.MapPost("/{id:guid}/read", ReadAsync)
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notifications read.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        notifications.MapPost("/read-all", ReadAllAsync)
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marks every notification of the caller read.");
    }

    private static async Task<Ok<PagedList<NotificationItem>>> ListAsync(
        HttpContext context, NotificationsDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var request = new PageRequest(page, pageSize);
        var userId = context.User.RequiredUserId();
        var query = db.Inbox.AsNoTracking().Where(i => i.UserId == userId).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.Skip(request.Skip).Take(request.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<NotificationItem>(items.Select(NotificationItem.From).ToList(), request.Page, request.PageSize, total));
    }

    // Another user's notification, or another tenant's (row-level security), is simply not found.
    private static async Task<NoContent> ReadAsync(
        Guid id, HttpContext context, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.RequiredUserId();
        var item = await db.Inbox.SingleOrDefaultAsync(i => i.Id == id && i.UserId == userId, cancellationToken) ?? throw ProblemException.NotFound("The notification");
        item.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAllAsync(HttpContext context, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.RequiredUserId();
        var now = clock.GetUtcNow();
        await db.Inbox.Where(i => i.UserId == userId && i.ReadAt == null).ExecuteUpdateAsync(i => i.SetProperty(x => x.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
