using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Delivery;
using Platform.Notifications.Email;
using Platform.Notifications.Events;
using Platform.Notifications.Features.Inbox;
using Platform.Notifications.Features.Preferences;
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
        services.AddValidatorsFromAssemblyContaining<NotificationsModule>(includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Viewer);
        PreferencesEndpoints.Map(notifications);
        InboxEndpoints.Map(notifications);
    }
}
