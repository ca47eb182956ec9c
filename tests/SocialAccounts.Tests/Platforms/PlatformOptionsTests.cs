using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>A platform's options: its descriptor's defaults, then its configuration section, checked when the host starts.</summary>
public sealed class PlatformOptionsTests
{
    [Test]
    public void A_platform_takes_its_descriptors_defaults_and_its_own_section_overrides_them()
    {
        using var services = Services(new() { ["Platforms:X:ApiBaseUrl"] = "http://x.test", ["Platforms:Reddit:ClientId"] = "reddit-app" });
        var options = services.GetRequiredService<IOptionsMonitor<PlatformOptions>>();

        options.Get(nameof(SocialPlatform.X)).ApiBaseUrl.ShouldBe("http://x.test");
        options.Get(nameof(SocialPlatform.X)).TokenUrl.ShouldBe("https://api.x.com/2/oauth2/token");
        options.Get(nameof(SocialPlatform.X)).ClientId.ShouldBe("");
        options.Get(nameof(SocialPlatform.Reddit)).ClientId.ShouldBe("reddit-app");
        options.Get(nameof(SocialPlatform.Reddit)).ApiBaseUrl.ShouldBe("https://oauth.reddit.com");
        options.Get(nameof(SocialPlatform.LinkedIn)).ApiVersion.ShouldBe("202610");
    }

    [Test]
    public void Every_platforms_defaults_pass_validation() =>
        Should.NotThrow(() => StartUp(Services([])));

    [TestCase("Platforms:X:ApiBaseUrl", "api.x.com", "Platforms:X:ApiBaseUrl must be an absolute http(s) URL")]
    [TestCase("Platforms:TikTok:TokenUrl", "", "Platforms:TikTok:TokenUrl must be an absolute http(s) URL")]
    [TestCase("Platforms:YouTube:RevokeUrl", "ftp://revoke.test", "Platforms:YouTube:RevokeUrl must be an absolute http(s) URL")]
    [TestCase("Platforms:Pinterest:Scopes", " , ", "Platforms:Pinterest:Scopes must name the scopes")]
    [TestCase("Platforms:Instagram:MaxPolls", "0", "Platforms:Instagram:MaxPolls must be at least 1")]
    [TestCase("Platforms:Threads:PollIntervalSeconds", "-1", "Platforms:Threads:PollIntervalSeconds must be 0 or more")]
    [TestCase("SocialAccounts:HttpTimeoutSeconds", "0", "SocialAccounts:HttpTimeoutSeconds must be above 0")]
    public void A_setting_that_cannot_work_stops_start_up_naming_it(string key, string value, string message)
    {
        using var services = Services(new() { [key] = value });

        Should.Throw<OptionsValidationException>(() => StartUp(services)).Message.ShouldContain(message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        PlatformClientFactory.Register(services, PlatformCatalog.Default);
        return services.BuildServiceProvider();
    }

    /// <summary>What the host does before it starts: run every validation registered with ValidateOnStart.</summary>
    private static void StartUp(ServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
