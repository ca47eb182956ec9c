using Microsoft.EntityFrameworkCore;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;
using Platform.Tenants.Contracts;

namespace Platform.Posts.Features.Calendar;

/// <summary>Scheduled and published posts between two instants, by day in a time zone (the tenant's by default); in the caller's unit of work.</summary>
internal sealed class CalendarQuery(PostsDbContext db, ITenantSettingsReader settings)
{
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(92);

    public async Task<CalendarResponse> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, string? timeZone, CalendarFilter filter, CancellationToken cancellationToken)
    {
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
        return new CalendarResponse(zone.Id, days);
    }
}
