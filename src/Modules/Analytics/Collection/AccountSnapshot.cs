using Platform.Analytics.Reports;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>
/// An account's numbers on one day of its tenant (the day in the tenant's time zone when it was collected); one per account
/// and day, so a collection that runs twice in a day keeps one row with the later figures.
/// </summary>
internal sealed class AccountSnapshot
{
    public Guid TenantId { get; set; }
    public Guid SocialAccountId { get; set; }
    public DateOnly Day { get; set; }
    public SocialPlatform Platform { get; set; }
    /// <summary>Null when the platform offers the figure but did not give it (a hidden subscriber count).</summary>
    public long? Followers { get; set; }
    public DateTimeOffset FetchedAt { get; set; }

    /// <summary>The tenant's day an instant falls on: the day a collection started is the day its snapshots belong to.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo tenantZone) => ReportFilter.DayOf(instant, tenantZone);

    /// <exception cref="ArgumentException">The platform offers no account numbers: there is nothing to store.</exception>
    public static AccountSnapshot Of(Guid tenantId, Guid accountId, SocialPlatform platform, DateOnly day, AccountMetrics metrics, DateTimeOffset fetchedAt)
    {
        if (!metrics.Offered)
        {
            throw new ArgumentException($"{platform} offers no account numbers to store.", nameof(metrics));
        }
        return new AccountSnapshot
        {
            TenantId = tenantId,
            SocialAccountId = accountId,
            Day = day,
            Platform = platform,
            // A negative count is no count: kept unknown rather than dragging the change over the range.
            Followers = metrics.Followers is >= 0 ? metrics.Followers : null,
            FetchedAt = fetchedAt,
        };
    }
}
