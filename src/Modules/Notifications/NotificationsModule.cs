using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.AI.Contracts;
using Platform.Billing.Contracts;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Email;
using Platform.Notifications.Events;
using Platform.Notifications.Features.Inbox;
using Platform.Notifications.Features.Preferences;
using Platform.Notifications.Features.Stream;
using Platform.Notifications.Live;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.Users.Contracts;

[assembly: PlatformModule(typeof(Platform.Notifications.NotificationsModule))]

namespace Platform.Notifications;

internal sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptions.Validation>();
        services.AddSingleton<IMailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider));
        services.AddSingleton<MailComposer>();
        services.AddScoped<SendMailJob>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotifyOnEvents>();
        services.AddScoped<IIntegrationEventHandler<UserInvited>>(provider => provider.GetRequiredService<NotifyOnEvents>());
        services.AddScoped<IIntegrationEventHandler<PasswordResetRequested>>(provider => provider.GetRequiredService<NotifyOnEvents>());
        services.AddScoped<IIntegrationEventHandler<AccountNeedsReconnect>>(provider => provider.GetRequiredService<NotifyOnEvents>());
        services.AddScoped<IIntegrationEventHandler<PostTargetFailed>>(provider => provider.GetRequiredService<NotifyOnEvents>());
        AddHandler<PaymentFailed, NotifyOnEvents>(services);
        AddHandler<MfaChanged, NotifyOnEvents>(services);
        AddHandler<AiBudgetNearlySpent, NotifyOnEvents>(services);
        AddHandler<EmailVerificationRequested, NotifyOnEvents>(services);
        AddHandler<NewDeviceSignedIn, NotifyOnEvents>(services);
        AddLiveStream(services);
        services.AddValidatorsFromAssemblyContaining<NotificationsModule>(includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Viewer);
        PreferencesEndpoints.Map(notifications);
        InboxEndpoints.Map(notifications);
        StreamEndpoint.Map(notifications);
    }

    private static void AddLiveStream(IServiceCollection services)
    {
        services.AddOptions<LiveStreamOptions>().BindConfiguration(LiveStreamOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveStreamOptions>, LiveStreamOptions.Validation>();
        services.AddSingleton<LiveRedisKeys>();
        services.AddSingleton<LiveEventRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveEventRelay>());
        services.AddSingleton<LiveEventPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveEventPublisher>());
        services.AddScoped<StreamOnEvents>();
        AddHandler<PostScheduled, StreamOnEvents>(services);
        AddHandler<PostTargetPublished, StreamOnEvents>(services);
        AddHandler<PostPartiallyPublished, StreamOnEvents>(services);
        AddHandler<PostTargetFailed, StreamOnEvents>(services);
        AddHandler<AccountNeedsReconnect, StreamOnEvents>(services);
        AddHandler<AccountConnected, StreamOnEvents>(services);
        AddHandler<AccountReconnected, StreamOnEvents>(services);
        AddHandler<AccountPublishingPaused, StreamOnEvents>(services);
        AddHandler<AccountPublishingResumed, StreamOnEvents>(services);
    }

    private static void AddHandler<TEvent, THandler>(IServiceCollection services)
        where TEvent : IntegrationEvent where THandler : class, IIntegrationEventHandler<TEvent> =>
        services.AddScoped<IIntegrationEventHandler<TEvent>>(provider => provider.GetRequiredService<THandler>());
}
