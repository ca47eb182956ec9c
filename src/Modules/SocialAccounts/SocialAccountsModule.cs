using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Features.CheckContent;
using Platform.SocialAccounts.Features.Connect;
using Platform.SocialAccounts.Features.Disconnect;
using Platform.SocialAccounts.Features.GetAccount;
using Platform.SocialAccounts.Features.GetAuthUrl;
using Platform.SocialAccounts.Features.GetCreatorInfo;
using Platform.SocialAccounts.Features.ListAccounts;
using Platform.SocialAccounts.Features.ListBoards;
using Platform.SocialAccounts.Features.Reconnect;
using Platform.SocialAccounts.Features.SelectAccounts;
using Platform.SocialAccounts.Gateway;
using Platform.SocialAccounts.Limits;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Platforms.Reddit;
using Platform.SocialAccounts.RateLimits;
using Platform.SocialAccounts.Security;
using Platform.SocialAccounts.Tokens;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.SocialAccounts.SocialAccountsModule))]

namespace Platform.SocialAccounts;

internal sealed class SocialAccountsModule : IModule
{
    public string Name => "social_accounts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SocialAccountsDbContext>((options, provider) => options.InvalidatesCache(provider, AccountDirectory.Entity));
        services.AddScoped<AccountDirectory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TokenEncryptionOptions>().BindConfiguration(TokenEncryptionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenEncryptionOptions>, TokenEncryptionOptionsValidator>();
        services.AddSingleton<TokenCipher>();
        services.AddOAuthState();
        services.AddScoped<PendingSelections>();
        var platforms = PlatformCatalog.Default;
        services.AddSingleton(platforms);
        services.AddSingleton<IHashtagConventions>(platforms);
        services.AddPlatformRateLimits(configuration, platforms);
        services.AddSingleton<IContentRules, ContentRules>();
        services.AddOptions<RedditOptions>().BindConfiguration(RedditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedditOptions>, RedditOptionsValidator>();
        PlatformClientFactory.Register(services, platforms);
        services.AddScoped<AccountTokens>();
        services.AddScoped<AccountAccess>();
        services.AddScoped<TokenRefresh>();
        services.AddScoped<AccountCalls>();
        services.AddMemoryCache();
        services.AddScoped<AccountTargetChecks>();
        services.AddScoped<ISocialAccounts, SocialAccountsGateway>();
        services.AddSingleton<IPlanUsage>(ConnectedAccountsUsage.Usage);
        services.AddScoped<TokenRefreshJobs>();
        services.AddSingleton<ITokenKeyRotation, TokenKeyRotation>();
        services.AddSingleton<IAccountTenants, AccountTenants>();
        services.AddValidatorsFromAssemblyContaining<SocialAccountsModule>(includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // Keys may read accounts; connecting and disconnecting stay with people.
        var group = api.MapGroup("/social-accounts").WithTags("Social accounts").RequireScopes(read: ApiScope.AccountsRead, write: null);
        GetAuthUrlEndpoint.Map(group);
        ConnectEndpoint.Map(group);
        SelectAccountsEndpoint.Map(group);
        ListAccountsEndpoint.Map(group);
        GetAccountEndpoint.Map(group);
        ListBoardsEndpoint.Map(group);
        GetCreatorInfoEndpoint.Map(group);
        DisconnectEndpoint.Map(group);
        ReconnectEndpoint.Map(group);
        CheckContentEndpoint.Map(group);
    }

    public void ScheduleRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<TokenRefreshJobs>(TokenRefreshJobs.RecurringJobId, j => j.SweepAsync(CancellationToken.None), "*/15 * * * *");
}
