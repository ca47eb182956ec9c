using Microsoft.Extensions.Options;
using Platform.Analytics.Collection;
using Platform.Tenants.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>Turns a report's query into a <see cref="ReportFilter"/> in the tenant's time zone.</summary>
internal sealed class ReportQuery(ITenantSettingsReader settings, IOptions<MetricsCollectionOptions> options, TimeProvider clock)
{
    public async Task<ReportFilter> FilterAsync(DateOnly? from, DateOnly? to, string? platform, Guid? accountId, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(cancellationToken);
        return ReportFilter.Parse(from, to, platform, accountId, zone, ReportFilter.DayOf(clock.GetUtcNow(), zone), options.Value.MaxReportDays);
    }

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        var zoneId = (await settings.GetAsync(cancellationToken)).TimeZone;
        // The tenant's zone is checked when it is set; a zone this machine does not know falls back to UTC rather than failing.
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
