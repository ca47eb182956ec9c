using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.Users.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The real host on a fresh database with one platform pointed at its documented local server, short timeouts, no
/// poll waits, our own rate limits lifted (the server's are under test), and a gate that honours every well-signed
/// token so a test acts as a user of a tenant without registering one.
/// </summary>
internal sealed class ConformanceApp(SocialPlatform platform, PlatformServer server, IDictionary<string, string?>? extra = null)
    : PlatformApp(Settings(platform, server, extra))
{
    public const string RedirectUri = "https://app.example/oauth/callback";

    private static Dictionary<string, string?> Settings(SocialPlatform platform, PlatformServer server, IDictionary<string, string?>? extra)
    {
        var section = $"Platforms:{platform}:";
        var settings = server.ClientSettings(platform.ToString());
        settings["Hangfire:ServerEnabled"] = "false";
        settings["Publishing:DispatcherEnabled"] = "false";
        settings["SocialAccounts:HttpTimeoutSeconds"] = "10";
        if (platform == SocialPlatform.Reddit)
        {
            // The contact Reddit's required User-Agent names; the host refuses to start without it.
            settings[section + "Username"] = "conformance_bot";
        }
        foreach (var name in DefaultLimits(platform))
        {
            settings[$"{section}Limits:{name}:Limit"] = "0";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    // The documented limits the host enforces by default (README, Platforms:<Platform>:Limits): removed, since many
    // tests publish through one account within a minute.
    private static string[] DefaultLimits(SocialPlatform platform) => platform switch
    {
        SocialPlatform.X => ["PublishPerAccount", "PublishPerApp"],
        SocialPlatform.Instagram or SocialPlatform.Threads or SocialPlatform.TikTok => ["PublishPerAccount"],
        SocialPlatform.YouTube => ["PublishPerApp"],
        SocialPlatform.Reddit => ["CallsPerApp"],
        _ => [],
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAccessTokenGate, AcceptEveryToken>());
    }

    public HttpClient ClientFor(Guid tenantId, Guid userId) =>
        CreateClient(TestTokens.Mint(Services.GetRequiredService<IConfiguration>(), userId, tenantId, TenantRole.Editor));

    /// <summary>Runs <paramref name="work"/> in a job-like scope of <paramref name="tenantId"/>, as the publishing worker does.</summary>
    public async Task<T> AsJobAsync<T>(Guid tenantId, Func<ISocialAccounts, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<ISocialAccounts>());
    }

    private sealed class AcceptEveryToken : IAccessTokenGate
    {
        public ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
