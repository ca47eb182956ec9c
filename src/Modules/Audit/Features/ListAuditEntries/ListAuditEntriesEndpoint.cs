using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Audit.Features.ListAuditEntries;

internal static class ListAuditEntriesEndpoint
{
    public static void Map(IEndpointRouteBuilder audit) =>
        audit.MapGet("/", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("The tenant's audit log, newest first, optionally by actor, action, resource type or id, and time; paged by cursor.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<AuditPage>> ListAsync(
        [AsParameters] ListAuditEntriesRequest request, AuditDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var filter = AuditFilter.Parse(request);
        var tenantId = tenant.RequiredTenantId;
        // A row comparison walks the (tenant, time, id) index from where the last page ended: no offset, no gaps, no repeats.
        var entries = filter.Cursor is { } after
            ? db.Entries.FromSql($"SELECT * FROM audit.entries WHERE (occurred_at, id) < ({after.OccurredAt}, {after.Id})")
            : db.Entries;
        var query = entries.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (filter.Actor is { } actor)
        {
            query = query.Where(e => e.ActorUserId == actor || e.ActorApiKeyId == actor);
        }
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }
        if (filter.ResourceType is { } resourceType)
        {
            query = query.Where(e => e.ResourceType == resourceType);
        }
        if (filter.ResourceId is { } resourceId)
        {
            query = query.Where(e => e.ResourceId == resourceId);
        }
        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(e => e.OccurredAt < to);
        }
        var page = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(filter.Limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(filter.Limit).ToList();
        var next = page.Count > filter.Limit ? new AuditCursor(items[^1].OccurredAt, items[^1].Id).Encode() : null;
        return TypedResults.Ok(new AuditPage(items.Select(AuditEntryView.From).ToList(), next));
    }
}
