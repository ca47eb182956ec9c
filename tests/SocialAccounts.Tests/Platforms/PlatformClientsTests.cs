using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>The factory builds the client each descriptor names, with that platform's configured options.</summary>
public sealed class PlatformClientsTests : ClientTestBase
{
    [Test]
    public void Each_platform_gets_the_client_its_descriptor_names_with_its_own_options()
    {
        foreach (var platform in SocialPlatforms.All)
        {
            var client = Client(platform);

            client.GetType().ShouldBe(PlatformCatalog.Default[platform].ClientType);
            client.Platform.ShouldBe(platform);
            client.Options.ClientId.ShouldBe($"{platform.Slug()}-client-id");
        }
    }
}
