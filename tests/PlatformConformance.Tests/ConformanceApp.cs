using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.Users.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The real host pointed at one platform's documented server (see <see cref="PlatformServerApp"/>), with our own rate
/// limits lifted (the server's are under test) and a gate that honours every well-signed token so a test acts as a user
/// of a tenant without registering one.
/// </summary>
internal sealed class ConformanceApp(SocialPlatform platform, PlatformServer server, IDictionary<string, string?>? extra = null)
    : PlatformServerApp(platform, server, WithoutOurLimits(platform, extra))
{
    private static Dictionary<string, string?> WithoutOurLimits(SocialPlatform platform, IDictionary<string, string?>? extra)
    {
        var settings = DefaultLimits(platform).ToDictionary(name => $"Platforms:{platform}:Limits:{name}:Limit", _ => (string?)"0");
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
    public Task<T> AsJobAsync<T>(Guid tenantId, Func<ISocialAccounts, Task<T>> work) =>
        InTenantScopeAsync(tenantId, services => work(services.GetRequiredService<ISocialAccounts>()));

    private sealed class AcceptEveryToken : IAccessTokenGate
    {
        public ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<bool> IsActiveAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
