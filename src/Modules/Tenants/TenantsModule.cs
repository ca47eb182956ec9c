using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.Tenants.TenantsModule))]

namespace Platform.Tenants;

internal sealed class TenantsModule : IModule
{
    public string Name => "tenants";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
