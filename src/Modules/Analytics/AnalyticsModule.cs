using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.Analytics.AnalyticsModule))]

namespace Platform.Analytics;

internal sealed class AnalyticsModule : IModule
{
    public string Name => "analytics";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
