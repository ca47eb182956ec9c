using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Outbound;
using Platform.Tenants.AiBudget;
using Platform.Tenants.Contracts;
using Platform.Tenants.Data;
using Platform.Tenants.Features.GetTenant;
using Platform.Tenants.Features.UpdateTenant;
using Platform.Tenants.Provisioning;

[assembly: PlatformModule(typeof(Platform.Tenants.TenantsModule))]

namespace Platform.Tenants;

internal sealed class TenantsModule : IModule
{
    public string Name => "tenants";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TenantsDbContext>((options, provider) => options.InvalidatesCache(provider, TenantSettingsReader.Entity));
        services.AddScoped<ITenantProvisioning, TenantProvisioning>();
        services.AddScoped<ITenantSettingsReader, TenantSettingsReader>();
        services.AddValidatorsFromAssemblyContaining<TenantsModule>(includeInternalTypes: true);
        services.AddScoped<ITenantAiBudget, TenantAiBudget>();
        services.AddSingleton<IPlanUsage>(AiSpendUsage.Usage);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tenant").WithTags("Tenant");
        GetTenantEndpoint.Map(group);
        UpdateTenantEndpoint.Map(group);
    }
}
