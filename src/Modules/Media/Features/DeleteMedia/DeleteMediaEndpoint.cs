using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Media.Data;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Media.Features.DeleteMedia;

/// <summary>
/// Removes the row and gives its bytes back to the quota in one unit of work, then deletes the objects with no connection held.
/// An object left behind by a failed delete is unreachable (no row, no URL) and costs the tenant nothing.
/// </summary>
internal static class DeleteMediaEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapDelete("/{id:guid}", HandleAsync)
            .WithOwnUnitsOfWork()
            .RequireAuthorization(Policies.Editor)
            .WithName("DeleteMedia")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid id, ITenantContext tenant, IServiceScopeFactory scopes, IMediaStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var removed = await scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            // Locked first: a post being scheduled with this item waits for the delete, or the delete for it (IMediaLibrary.FindAsync).
            var item = await db.Items.FromSql($"SELECT * FROM media.items WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound("The media item");
            if (await services.GetRequiredService<IPostMediaUsage>().IsUsedByPendingPostAsync(id, cancellationToken))
            {
                throw ProblemException.Conflict("A scheduled post, or one being published, uses this item: unschedule it or change its media first.");
            }
            db.Items.Remove(item);
            await db.SaveChangesAsync(cancellationToken);
            await services.GetRequiredService<MediaUsageLedger>().RemoveAsync(tenantId, item.SizeBytes, cancellationToken);
            return item;
        }, cancellationToken);
        foreach (var key in new[] { removed.ObjectKey, removed.ThumbnailKey }.OfType<string>())
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception error)
            {
                loggers.CreateLogger(typeof(DeleteMediaEndpoint)).LogWarning(error, "Media object {Key} stays behind after its item was deleted", key);
            }
        }
        return Results.NoContent();
    }
}
