using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.Tenants.AiBudget;
using Platform.Tenants.Contracts;

[assembly: PlatformModule(typeof(Platform.Tenants.TenantsModule))]

namespace Platform.Tenants;

internal sealed class TenantsModule : IModule
{
    public string Name => "tenants";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbSession();
        services.AddScoped<ITenantAiBudget, TenantAiBudget>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
