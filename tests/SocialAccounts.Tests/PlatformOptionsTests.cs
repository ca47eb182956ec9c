using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class PlatformOptionsTests
{
    [Test]
    public void Options_are_bound_once_per_configuration_and_each_configuration_keeps_its_own()
    {
        IConfiguration Settings(string url) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Platforms:X:ApiBaseUrl"] = url }).Build();
        var first = Settings("http://first.test");
        var second = Settings("http://second.test");

        var once = PlatformOptions.For(SocialPlatform.X, first);

        PlatformOptions.For(SocialPlatform.X, first).ShouldBeSameAs(once);
        once.ApiBaseUrl.ShouldBe("http://first.test");
        PlatformOptions.For(SocialPlatform.X, second).ApiBaseUrl.ShouldBe("http://second.test");
        PlatformOptions.For(SocialPlatform.Reddit, first).ShouldNotBeSameAs(once);
    }
}
