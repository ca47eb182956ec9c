using Platform.Billing.Contracts;
using Platform.Tenants.Contracts;

namespace Platform.Posts.Limits;

/// <summary>
/// A post counts in the calendar month, in the tenant's time zone, in which it goes out (its scheduled time; publishing
/// now schedules it for now), once it has left the drafts. PostgreSQL finds the month's bounds, daylight-saving changes included.
/// </summary>
internal sealed class PostsPerMonthUsage(ITenantSettingsReader settings, TimeProvider clock) : IPlanUsage
{
    private const string Sql = """
        SELECT count(*) FROM posts.posts
         WHERE status <> 'draft'
           AND scheduled_at >= date_trunc('month', $2 AT TIME ZONE $1) AT TIME ZONE $1
           AND scheduled_at < (date_trunc('month', $2 AT TIME ZONE $1) + interval '1 month') AT TIME ZONE $1
        """;

    // Read once per unit of work: a bulk schedule checks every row against the same zone.
    private string? timeZone;

    public PlanLimit Limit => PlanLimit.PostsPerMonth;

    public Task<UsageQuery> CurrentAsync(CancellationToken cancellationToken) =>
        InMonthOfAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// The posts going out in the month of <paramref name="instant"/>. The plan's guard counts at commit, so posts being
    /// scheduled are counted once, in the month they now go out in.
    /// </summary>
    public async Task<UsageQuery> InMonthOfAsync(DateTimeOffset instant, CancellationToken cancellationToken) =>
        new(Sql, await TimeZoneAsync(cancellationToken), instant.ToUniversalTime());

    /// <summary>The calendar month, in the tenant's time zone, in which <paramref name="instant"/> falls.</summary>
    public async Task<(int Year, int Month)> MonthOfAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(await TimeZoneAsync(cancellationToken), out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return (local.Year, local.Month);
    }

    private async Task<string> TimeZoneAsync(CancellationToken cancellationToken) =>
        timeZone ??= (await settings.GetAsync(cancellationToken)).TimeZone;
}
