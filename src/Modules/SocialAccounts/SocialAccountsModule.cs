using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Modules;

[assembly: PlatformModule(typeof(Platform.SocialAccounts.SocialAccountsModule))]

namespace Platform.SocialAccounts;

internal sealed class SocialAccountsModule : IModule
{
    public string Name => "social_accounts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
