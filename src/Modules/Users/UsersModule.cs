using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Features.Shared;
using Platform.Users.Features.ChangePassword;
using Platform.Users.Features.Invitations;
using Platform.Users.Features.Login;
using Platform.Users.Features.Logout;
using Platform.Users.Features.ManageUsers;
using Platform.Users.Features.Me;
using Platform.Users.Features.Mfa;
using Platform.Users.Features.PasswordReset;
using Platform.Users.Features.Refresh;
using Platform.Users.Features.Register;
using Platform.Users.Features.VerifyEmail;
using Platform.Users.Limits;
using Platform.Users.Mfa;
using Platform.Users.Passwords;
using Platform.Users.PlatformAdmins;
using Platform.Users.Tokens;

[assembly: PlatformModule(typeof(Platform.Users.UsersModule))]

namespace Platform.Users;

internal sealed class UsersModule : IModule
{
    public string Name => "users";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<UsersDbContext>((options, provider) =>
            options.AddInterceptors(new ForgetChangedTokenVersions(provider.GetRequiredService<AccessTokenGate>())));
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<TotpVerifier>();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInThrottleOptions>, SignInThrottleOptionsValidator>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccessTokenGate>();
        services.AddSingleton<IAccessTokenGate>(provider => provider.GetRequiredService<AccessTokenGate>());
        services.AddHostedService<TokenChangeListener>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<UserSessions>();
        services.AddScoped<CredentialDirectory>();
        services.AddScoped<SignInService>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<IAccountRegistration>(provider => provider.GetRequiredService<AccountRegistration>());
        services.AddScoped<UserAdministration>();
        services.AddSingleton<IPlanUsage>(SeatsUsage.Usage);
        services.AddScoped<IUserContacts, UserContacts>();
        services.AddSingleton<MailTokenSecrets>();
        services.AddSingleton<IMailLinkTokens>(provider => provider.GetRequiredService<MailTokenSecrets>());
        services.AddSingleton<PasswordResetThrottle>();
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.Section)
            .Validate(o => o.IsValid, $"{PasswordResetOptions.Section}: Lifetime must be positive and at most a day, the free request counts at least 1, " +
                "and 0 < FirstDelay <= MaxDelay <= ForgetAfter.")
            .ValidateOnStart();
        services.AddScoped<EmailVerificationMail>();
        services.AddScoped<SignInDevices>();
        services.AddSingleton<ResendVerificationThrottle>();
        services.AddOptions<EmailVerificationOptions>().BindConfiguration(EmailVerificationOptions.Section)
            .Validate(o => o.IsValid, $"{EmailVerificationOptions.Section}: Lifetime must be positive and at most 7 days, FreeResends at least 1, " +
                "and 0 < FirstDelay <= MaxDelay <= ForgetAfter.")
            .ValidateOnStart();
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section)
            .Validate(o => o.Lifetime > TimeSpan.Zero, $"{InvitationOptions.Section}:Lifetime must be a positive time span, e.g. 7.00:00:00.")
            .ValidateOnStart();
        services.AddOptions<PlatformAdminOptions>().BindConfiguration(PlatformAdminOptions.Section)
            .Validate(o => o.Emails.All(email => !string.IsNullOrWhiteSpace(email) && email.Contains('@', StringComparison.Ordinal)),
                $"{PlatformAdminOptions.Section}:Emails must list e-mail addresses.")
            .ValidateOnStart();
        services.AddScoped<IPlatformAdminSignIn, PlatformAdminSignIn>();
        services.AddScoped<IPlatformAdminGrants, PlatformAdminGrants>();
        services.AddValidatorsFromAssemblyContaining<UsersModule>(includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        RegisterEndpoint.Map(auth);
        LoginEndpoint.Map(auth);
        RefreshEndpoint.Map(auth);
        LogoutEndpoint.Map(auth);
        AcceptInvitationEndpoint.Map(auth);
        RequestPasswordResetEndpoint.Map(auth);
        ConfirmPasswordResetEndpoint.Map(auth);
        VerifyEmailEndpoint.Map(auth);
        ResendVerificationEndpoint.Map(auth);

        var me = api.MapGroup("/me").WithTags("Me");
        GetMeEndpoint.Map(me);
        ChangePasswordEndpoint.Map(me);
        MfaEndpoints.Map(me);

        ManageUsersEndpoints.Map(api);
        ManageInvitationsEndpoints.Map(api);
    }
}
