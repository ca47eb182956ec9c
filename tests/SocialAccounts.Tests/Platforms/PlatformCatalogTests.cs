using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Platforms.X;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>One descriptor per platform, each complete: what lets a new platform be one folder.</summary>
public sealed class PlatformCatalogTests
{
    private static IReadOnlyList<PlatformDescriptor> Descriptors => PlatformCatalog.Default.All;

    [Test]
    public void Every_platform_has_exactly_one_descriptor() =>
        Descriptors.Select(d => d.Platform).ShouldBe(SocialPlatforms.All, ignoreOrder: true);

    [Test]
    public void A_catalog_without_a_platform_does_not_start_and_names_it()
    {
        var withoutLinkedIn = Descriptors.Where(d => d.Platform != SocialPlatform.LinkedIn);

        Should.Throw<InvalidOperationException>(() => new PlatformCatalog(withoutLinkedIn)).Message.ShouldContain("No descriptor for LinkedIn");
    }

    [Test]
    public void A_catalog_with_two_descriptors_of_one_platform_does_not_start() =>
        Should.Throw<InvalidOperationException>(() => new PlatformCatalog([.. Descriptors, new XPlatform()])).Message.ShouldContain("more than one descriptor");

    [Test]
    public void Every_descriptor_names_a_client_that_can_be_built()
    {
        foreach (var descriptor in Descriptors)
        {
            descriptor.ClientType.IsAbstract.ShouldBeFalse(descriptor.DisplayName);
            typeof(IPlatformClient).IsAssignableFrom(descriptor.ClientType).ShouldBeTrue(descriptor.DisplayName);
        }
    }

    [Test]
    public void Every_descriptor_is_complete_and_its_limits_are_its_own()
    {
        foreach (var descriptor in Descriptors)
        {
            descriptor.DisplayName.ShouldNotBeNullOrWhiteSpace();
            descriptor.Text.Max.ShouldBeGreaterThan(0, descriptor.DisplayName);
            descriptor.Hashtags.Advice.ShouldNotBeNullOrWhiteSpace(descriptor.DisplayName);
            descriptor.Capabilities.ShouldNotBe(PlatformCapabilities.None, descriptor.DisplayName);
            descriptor.Limits.ShouldAllBe(limit => limit.Platform == descriptor.Platform);
        }
    }

    [Test]
    public void Account_metrics_are_offered_where_the_default_scopes_reach_a_documented_follower_count()
    {
        Descriptors.Where(d => d.Can(PlatformCapabilities.AccountMetrics)).Select(d => d.Platform).ShouldBe(
            [SocialPlatform.Instagram, SocialPlatform.Facebook, SocialPlatform.Threads, SocialPlatform.X, SocialPlatform.TikTok,
             SocialPlatform.YouTube, SocialPlatform.Pinterest], ignoreOrder: true);
        // TikTok's follower_count is behind user.info.stats.
        var tikTok = new PlatformOptions();
        PlatformCatalog.Default[SocialPlatform.TikTok].SetDefaults(tikTok);
        tikTok.ScopeList.ShouldContain("user.info.stats");
    }

    [Test]
    public void Hashtag_conventions_are_read_from_the_descriptors()
    {
        IHashtagConventions conventions = PlatformCatalog.Default;

        conventions.For(SocialPlatform.Reddit).Max.ShouldBe(0);
        conventions.For(SocialPlatform.Instagram).Max.ShouldBe(30);
        SocialPlatforms.All.ShouldAllBe(p => conventions.For(p) == PlatformCatalog.Default[p].Hashtags);
    }
}
