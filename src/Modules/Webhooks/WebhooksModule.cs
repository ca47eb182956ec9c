using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.AI.Contracts;
using Platform.Billing.Contracts;
using Platform.Media.Contracts;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Outbound;
using Platform.SocialAccounts.Contracts;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.CreateSubscription;
using Platform.Webhooks.Features.DeleteSubscription;
using Platform.Webhooks.Features.GetSubscription;
using Platform.Webhooks.Features.ListDeliveries;
using Platform.Webhooks.Features.ListSubscriptions;
using Platform.Webhooks.Features.Ping;
using Platform.Webhooks.Features.Redeliver;
using Platform.Webhooks.Features.RotateSecret;
using Platform.Webhooks.Features.UpdateSubscription;
using Platform.Webhooks.Sending;
using Platform.Webhooks.Signing;

[assembly: PlatformModule(typeof(Platform.Webhooks.WebhooksModule))]

namespace Platform.Webhooks;

internal sealed class WebhooksModule : IModule
{
    public string Name => "webhooks";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WebhooksDbContext>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptions.Validation>();
        services.AddSingleton<WebhookSigner>();
        services.AddOutboundHttpClient(DeliverySender.ClientName);
        services.AddSingleton<DueDeliveries>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<DeliveryLog>();
        services.AddHostedService<DeliveryDispatcher>();
        services.AddScoped<StalledDeliveriesJob>();
        services.AddScoped<DeliveryQueue>();
        services.AddScoped<EventDeliveries>();
        services.AddScoped<IIntegrationEventHandler<PostScheduled>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<PostTargetPublished>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<AccountConnected>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<PostTargetFailed>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<AccountNeedsReconnect>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<PostPartiallyPublished>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<AccountPublishingPaused>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<AccountPublishingResumed>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<AiRequestCompleted>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<TenantPlanChanged>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddScoped<IIntegrationEventHandler<MediaReady>>(provider => provider.GetRequiredService<EventDeliveries>());
        services.AddValidatorsFromAssemblyContaining<WebhooksModule>(includeInternalTypes: true);
    }

    public void ScheduleRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<StalledDeliveriesJob>(StalledDeliveriesJob.RecurringJobId, job => job.SweepAsync(CancellationToken.None), StalledDeliveriesJob.Every);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // Integrators manage their subscriptions with a key that holds webhooks:manage; of people, admins and owners do.
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireScopes(read: ApiScope.WebhooksManage, write: ApiScope.WebhooksManage);
        CreateSubscriptionEndpoint.Map(webhooks);
        ListSubscriptionsEndpoint.Map(webhooks);
        GetSubscriptionEndpoint.Map(webhooks);
        UpdateSubscriptionEndpoint.Map(webhooks);
        DeleteSubscriptionEndpoint.Map(webhooks);
        RotateSecretEndpoint.Map(webhooks);
        ListDeliveriesEndpoint.Map(webhooks);
        RedeliverEndpoint.Map(webhooks);
        PingEndpoint.Map(webhooks);
    }
}
