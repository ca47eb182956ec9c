using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.Tenants.Contracts;

namespace Platform.Posts.Features.Calendar;

internal sealed record CalendarEntry(Guid PostId, string? Title, PostStatus Status, DateTimeOffset At, IReadOnlyList<SocialPlatform> Platforms);

internal sealed record CalendarDay(DateOnly Date, IReadOnlyList<CalendarEntry> Posts);

internal sealed record CalendarResponse(string TimeZone, IReadOnlyList<CalendarDay> Days);

internal static class CalendarEndpoint
{
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(92);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/calendar", HandleAsync)
        .WithTags("Posts")
        .WithName("GetCalendar")
        .WithSummary("Scheduled and published posts between from and to, by day in the tenant's time zone (or ?timeZone=), optionally only those on an account or platform or in a status.")
        .RequireAuthorization(Policies.Viewer)
        .RequireScope(ApiScope.PostsRead);

    private static async Task<Ok<CalendarResponse>> HandleAsync(
        DateTimeOffset from, DateTimeOffset to, PostsDbContext db, ITenantSettingsReader settings, CancellationToken cancellationToken,
        string? timeZone = null, string? accountId = null, string? platform = null, string? status = null)
    {
        var filter = CalendarFilter.Parse(accountId, platform, status);
        if (to <= from || to - from > MaxRange)
        {
            throw ProblemException.BadRequest("'to' must be after 'from', at most 92 days later.");
        }
        var zoneId = timeZone ?? (await settings.GetAsync(cancellationToken)).TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw ProblemException.BadRequest($"Unknown IANA time zone '{zoneId}'.");
        }
        var query = db.Posts.AsNoTracking().Include(p => p.Targets)
            .Where(p => p.Status != PostStatus.Draft && (p.PublishedAt ?? p.ScheduledAt) >= from && (p.PublishedAt ?? p.ScheduledAt) < to);
        if (filter.AccountId is { } account)
        {
            query = query.Where(p => p.Targets.Any(t => t.SocialAccountId == account));
        }
        if (filter.Platform is { } wantedPlatform)
        {
            var slug = wantedPlatform.Slug();
            query = query.Where(p => p.Targets.Any(t => t.Platform == slug));
        }
        if (filter.Status is { } wantedStatus)
        {
            query = query.Where(p => p.Status == wantedStatus);
        }
        var posts = await query.ToListAsync(cancellationToken);
        var days = posts
            .Select(p => new CalendarEntry(p.Id, p.Title, p.Status, (p.PublishedAt ?? p.ScheduledAt)!.Value, p.Targets.Select(t => t.SocialPlatform).Distinct().OrderBy(platform => platform.ToString(), StringComparer.Ordinal).ToList()))
            .GroupBy(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, zone).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => new CalendarDay(g.Key, g.OrderBy(e => e.At).ToList()))
            .ToList();
        return TypedResults.Ok(new CalendarResponse(zone.Id, days));
    }
}
