using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.Billing.Features.GetBilling;
using Platform.Billing.Features.ListPlans;
using Platform.Billing.Features.OpenPortal;
using Platform.Billing.Features.ReceiveWebhook;
using Platform.Billing.Features.StartCheckout;
using Platform.Billing.Plans;
using Platform.Billing.Provider;
using Platform.Billing.Webhooks;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.Billing.BillingModule))]

namespace Platform.Billing;

internal sealed class BillingModule : IModule
{
    public string Name => "billing";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<BillingDbContext>((options, provider) => options.InvalidatesCache(provider, TenantPlanLimits.Entity));
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        services.AddValidatorsFromAssemblyContaining<BillingModule>(includeInternalTypes: true);
        services.AddSingleton<PlanCatalog>();
        services.AddSingleton<StripeGateway>();
        services.AddScoped<WebhookApplication>();
        services.AddScoped<ITenantPlanLimits, TenantPlanLimits>();
        services.AddScoped<IPlanLimitGuard, PlanLimitGuard>();
        services.AddScoped<UsageCounter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing");
        ListPlansEndpoint.Map(billing);
        GetBillingEndpoint.Map(billing);
        StartCheckoutEndpoint.Map(billing);
        OpenPortalEndpoint.Map(billing);
        ReceiveWebhookEndpoint.Map(billing);
    }
}
