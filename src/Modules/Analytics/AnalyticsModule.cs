using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Data;
using Platform.Analytics.Events;
using Platform.Analytics.Features.Summary;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.Analytics.AnalyticsModule))]

namespace Platform.Analytics;

internal sealed class AnalyticsModule : IModule
{
    public string Name => "analytics";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AnalyticsDbContext>();
        services.AddScoped<RecordPublishingEvents>();
        services.AddScoped<IIntegrationEventHandler<PostTargetPublished>>(provider => provider.GetRequiredService<RecordPublishingEvents>());
        services.AddScoped<IIntegrationEventHandler<PostTargetFailed>>(provider => provider.GetRequiredService<RecordPublishingEvents>());
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => SummaryEndpoint.Map(api);
}
