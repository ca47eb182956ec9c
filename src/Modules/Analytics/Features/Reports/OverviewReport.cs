using Platform.Analytics.Reports;
using Platform.SharedKernel.Tenancy;

namespace Platform.Analytics.Features.Reports;

/// <summary>The overview of the current tenant's published targets in a range; in the caller's unit of work.</summary>
internal sealed class OverviewReport(ReportQuery reports, ReportBuckets buckets, FollowerRanges followers, ITenantContext tenant)
{
    public async Task<Overview> BuildAsync(ReportParameters query, CancellationToken cancellationToken)
    {
        var filter = await reports.FilterAsync(query.From, query.To, query.Platform, query.AccountId, cancellationToken);
        var days = await buckets.DaysAsync(tenant.RequiredTenantId, filter, cancellationToken);
        return Overview.Of(filter, days, await followers.LoadAsync(tenant.RequiredTenantId, filter, cancellationToken));
    }
}
