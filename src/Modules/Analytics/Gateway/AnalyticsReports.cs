using System.Text.Json;
using Platform.Analytics.Contracts;
using Platform.Analytics.Features.Reports;
using Platform.SharedKernel.Json;

namespace Platform.Analytics.Gateway;

/// <summary><see cref="IAnalyticsReports"/> over the reports the REST endpoints serve.</summary>
internal sealed class AnalyticsReports(OverviewReport overview) : IAnalyticsReports
{
    public async Task<JsonElement> OverviewAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        ApiJson.ToElement(await overview.BuildAsync(new ReportParameters(from, to, Platform: null, AccountId: null), cancellationToken));
}
