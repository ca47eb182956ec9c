using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms;

/// <summary>Builds the client of a platform, the one its descriptor names; each is a typed HttpClient from IHttpClientFactory.</summary>
internal sealed class PlatformClientFactory(IServiceProvider services, PlatformCatalog catalog)
{
    public IPlatformClient For(SocialPlatform platform) => (IPlatformClient)services.GetRequiredService(catalog[platform].ClientType);

    /// <summary>Each platform's client, and its options: the descriptor's defaults, then its configuration section, checked at start-up.</summary>
    public static void Register(IServiceCollection services, PlatformCatalog catalog)
    {
        services.AddOptions<PlatformCallOptions>().BindConfiguration(PlatformCallOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlatformCallOptions>, PlatformCallOptionsValidator>();
        services.AddSingleton<IValidateOptions<PlatformOptions>>(new PlatformOptionsValidator(catalog));
        foreach (var descriptor in catalog.All)
        {
            services.AddOptions<PlatformOptions>(descriptor.Platform.ToString())
                .Configure(descriptor.SetDefaults)
                .BindConfiguration(descriptor.OptionsSection)
                .ValidateOnStart();
            var type = descriptor.ClientType;
            services.AddHttpClient(type.FullName!)
                .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<PlatformCallOptions>>().Value.HttpTimeout);
            services.AddTransient(type, sp => ActivatorUtilities.CreateInstance(sp, type,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(type.FullName!)));
        }
        services.AddScoped<PlatformClientFactory>();
    }
}
