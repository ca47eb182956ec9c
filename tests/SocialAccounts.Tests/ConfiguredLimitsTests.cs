using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.RateLimits;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>The documented platform limits are defaults: configuration changes, adds or removes one, and the host enforces that.</summary>
public sealed class ConfiguredLimitsTests
{
    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake, new Dictionary<string, string?>
        {
            ["Platforms:X:Limits:PublishPerAccount:Limit"] = "2",
            ["Platforms:LinkedIn:Limits:PublishPerAccount:Limit"] = "1",
            ["Platforms:LinkedIn:Limits:PublishPerAccount:Window"] = "1.00:00:00",
            ["Platforms:Instagram:Limits:PublishPerAccount:Limit"] = "0",
        });
        _ = app.Services;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await fake.DisposeAsync();
    }

    private PlatformRateLimiter Limiter => app.Services.GetRequiredService<PlatformRateLimiter>();

    [Test]
    public async Task A_configured_count_replaces_the_documented_one_and_keeps_its_window()
    {
        var account = Guid.NewGuid();
        await Limiter.AcquireAsync(SocialPlatform.X, account, PlatformOperation.Publish, CancellationToken.None);
        await Limiter.AcquireAsync(SocialPlatform.X, account, PlatformOperation.Publish, CancellationToken.None);

        var refused = await Should.ThrowAsync<PlatformException>(() => Limiter.AcquireAsync(SocialPlatform.X, account, PlatformOperation.Publish, CancellationToken.None));

        refused.IsLocalLimit.ShouldBeTrue();
        refused.RetryAfter!.Value.ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Test]
    public async Task A_configured_daily_cap_is_enforced_where_none_was_documented()
    {
        var account = Guid.NewGuid();
        await Limiter.AcquireAsync(SocialPlatform.LinkedIn, account, PlatformOperation.Publish, CancellationToken.None);

        var refused = await Should.ThrowAsync<PlatformException>(() => Limiter.AcquireAsync(SocialPlatform.LinkedIn, account, PlatformOperation.Publish, CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter!.Value.ShouldBeGreaterThan(TimeSpan.FromHours(23));
        await Limiter.AcquireAsync(SocialPlatform.LinkedIn, account, PlatformOperation.Read, CancellationToken.None);
    }

    [Test]
    public async Task A_limit_configured_to_zero_is_not_enforced()
    {
        var account = Guid.NewGuid();
        for (var i = 0; i < 60; i++)
        {
            await Limiter.AcquireAsync(SocialPlatform.Instagram, account, PlatformOperation.Publish, CancellationToken.None);
        }
    }

    [TestCase("Platforms:X:Limits:PostsPerDay:Limit", "5", "PostsPerDay is not a limit")]
    [TestCase("Platforms:LinkedIn:Limits:ReadPerApp:Limit", "5", "set both its Limit and its Window")]
    [TestCase("Platforms:X:Limits:PublishPerApp:Window", "-00:01:00", "Window positive")]
    public void A_limit_that_cannot_be_meant_stops_the_host_naming_its_key(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Should.Throw<InvalidOperationException>(() => PlatformLimits.From(PlatformCatalog.Default, configuration)).Message.ShouldContain(message);
    }
}
