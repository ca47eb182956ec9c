using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Platform.PlatformServers.Hosting;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.TestKit;

/// <summary>
/// The real host with one platform's client pointed at its documented local server: that server's credentials and
/// endpoints, no Hangfire server or publishing dispatcher in the background (a test runs the jobs itself), short HTTP
/// timeouts, and the contact Reddit's required User-Agent names. <paramref name="extra"/> overrides any of these.
/// </summary>
public class PlatformServerApp(SocialPlatform platform, PlatformServer server, IDictionary<string, string?>? extra = null)
    : PlatformApp(Settings(platform, server, extra))
{
    /// <summary>The redirect URI every platform server has registered for our app.</summary>
    public const string RedirectUri = "https://app.example/oauth/callback";

    private static Dictionary<string, string?> Settings(SocialPlatform platform, PlatformServer server, IDictionary<string, string?>? extra)
    {
        var settings = server.ClientSettings(platform.ToString());
        settings["Hangfire:ServerEnabled"] = "false";
        settings["Publishing:DispatcherEnabled"] = "false";
        settings["SocialAccounts:HttpTimeoutSeconds"] = "10";
        if (platform == SocialPlatform.Reddit)
        {
            // The host refuses to start without it.
            settings[$"Platforms:{platform}:Username"] = "platform_tests_bot";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Runs <paramref name="work"/> in a job-like scope of <paramref name="tenantId"/>, as the publishing and analytics workers do.</summary>
    public async Task<T> InTenantScopeAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return await work(scope.ServiceProvider);
    }

    /// <summary>Opens the authorize URL as the user's browser would, consents, and returns the query of the redirect back to us.</summary>
    public static async Task<Dictionary<string, StringValues>> ConsentAsync(string authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync(authorizeUrl);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        var location = answer.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri);
        return QueryHelpers.ParseQuery(location.Query);
    }
}
