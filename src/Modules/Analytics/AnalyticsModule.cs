using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Analytics.Collection;
using Platform.Analytics.Contracts;
using Platform.Analytics.Data;
using Platform.Analytics.Events;
using Platform.Analytics.Gateway;
using Platform.Analytics.Features.Refresh;
using Platform.Analytics.Features.Reports;
using Platform.Analytics.Features.Summary;
using Platform.Analytics.Refresh;
using Platform.Analytics.Reports;
using Platform.Analytics.Rollups;
using Hangfire;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.Analytics.AnalyticsModule))]

namespace Platform.Analytics;

internal sealed class AnalyticsModule : IModule
{
    public string Name => "analytics";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AnalyticsDbContext>();
        services.AddOptions<MetricsCollectionOptions>().BindConfiguration(MetricsCollectionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsCollectionOptions>, MetricsCollectionOptions.Validation>();
        services.AddScoped<IIntegrationEventHandler<PostTargetPublished>, ScheduleMetricFetches>();
        services.AddScoped<MetricFetchJob>();
        services.AddScoped<AccountSnapshotJob>();
        services.AddScoped<FollowerRanges>();
        services.AddScoped<SnapshotStore>();
        services.AddScoped<MetricRefreshJob>();
        services.AddScoped<ReportQuery>();
        services.AddScoped<ReportBuckets>();
        services.AddScoped<OverviewReport>();
        services.AddScoped<IAnalyticsReports, AnalyticsReports>();
        services.AddSingleton<RolledUpBucketCache>();
        services.AddScoped<RollupJob>();
        services.AddScoped<RecordPublishingEvents>();
        services.AddScoped<IIntegrationEventHandler<PostTargetPublished>>(provider => provider.GetRequiredService<RecordPublishingEvents>());
        services.AddScoped<IIntegrationEventHandler<PostTargetFailed>>(provider => provider.GetRequiredService<RecordPublishingEvents>());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // Every report, and asking for fresh numbers, is open to keys with analytics:read.
        var analytics = api.MapGroup("").RequireScope(ApiScope.AnalyticsRead);
        SummaryEndpoint.Map(analytics);
        RefreshEndpoint.Map(analytics);
        OverviewEndpoint.Map(analytics);
        PostAnalyticsEndpoint.Map(analytics);
        TopPostsEndpoint.Map(analytics);
        BestTimesEndpoint.Map(analytics);
        ExportEndpoint.Map(analytics);
    }

    public void ScheduleRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RollupJob>(RollupJob.RecurringJobId, job => job.SweepAsync(CancellationToken.None), RollupJob.Every);
        jobs.AddOrUpdate<AccountSnapshotJob>(AccountSnapshotJob.RecurringJobId, job => job.SweepAsync(CancellationToken.None), AccountSnapshotJob.Every);
    }
}
