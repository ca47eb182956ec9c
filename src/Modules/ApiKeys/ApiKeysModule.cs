using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ApiKeys.Authentication;
using Platform.ApiKeys.Contracts;
using Platform.ApiKeys.Data;
using Platform.ApiKeys.Features.CreateApiKey;
using Platform.ApiKeys.Features.ListApiKeys;
using Platform.ApiKeys.Features.RevokeApiKey;
using Platform.ApiKeys.Limits;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Modules;
using Platform.SharedKernel.Security;

[assembly: PlatformModule(typeof(Platform.ApiKeys.ApiKeysModule))]

namespace Platform.ApiKeys;

internal sealed class ApiKeysModule : IModule
{
    public const string Schema = "api_keys";

    public string Name => Schema;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ApiKeysDbContext>();
        services.AddOptions<ApiKeysOptions>().BindConfiguration(ApiKeysOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeysOptions>, ApiKeysOptions.Validation>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<IPlanUsage>(ApiKeysUsage.Usage);
        services.AddSingleton<IApiKeyAuthenticator>(provider => provider.GetRequiredService<ApiKeyAuthenticator>());
        services.AddValidatorsFromAssemblyContaining<ApiKeysModule>(includeInternalTypes: true);
    }

    // No scope is declared: keys never manage keys.
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);
        CreateApiKeyEndpoint.Map(keys);
        ListApiKeysEndpoint.Map(keys);
        RevokeApiKeyEndpoint.Map(keys);
    }
}
