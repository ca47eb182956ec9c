using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms.LinkedIn;
using Platform.SocialAccounts.Platforms.Meta;
using Platform.SocialAccounts.Platforms.Pinterest;
using Platform.SocialAccounts.Platforms.Reddit;
using Platform.SocialAccounts.Platforms.TikTok;
using Platform.SocialAccounts.Platforms.X;
using Platform.SocialAccounts.Platforms.YouTube;

namespace Platform.SocialAccounts.Platforms;

/// <summary>Builds the client of a platform; each is a typed HttpClient from IHttpClientFactory.</summary>
internal sealed class PlatformClientFactory(IServiceProvider services)
{
    private static readonly Dictionary<SocialPlatform, Type> Types = new()
    {
        [SocialPlatform.X] = typeof(XClient),
        [SocialPlatform.LinkedIn] = typeof(LinkedInClient),
        [SocialPlatform.Facebook] = typeof(FacebookClient),
        [SocialPlatform.Instagram] = typeof(InstagramClient),
        [SocialPlatform.Threads] = typeof(ThreadsClient),
        [SocialPlatform.TikTok] = typeof(TikTokClient),
        [SocialPlatform.YouTube] = typeof(YouTubeClient),
        [SocialPlatform.Pinterest] = typeof(PinterestClient),
        [SocialPlatform.Reddit] = typeof(RedditClient),
    };

    public IPlatformClient For(SocialPlatform platform) => (IPlatformClient)services.GetRequiredService(Types[platform]);

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("SocialAccounts:HttpTimeoutSeconds", 30.0));
        foreach (var type in Types.Values)
        {
            services.AddHttpClient(type.FullName!, client => client.Timeout = timeout);
            services.AddTransient(type, sp => ActivatorUtilities.CreateInstance(sp, type,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(type.FullName!)));
        }
        services.AddScoped<PlatformClientFactory>();
    }
}
