using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.ApiKeys.Tests;

/// <summary>The rate limiter counts each key on its own, apart from the person who created it and from other keys.</summary>
public sealed class ApiKeyRateLimitTests
{
    private const int PermitsPerMinute = 5;

    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        app = new PlatformApp(new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = PermitsPerMinute.ToString() });
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await app.DisposeAsync();

    [Test]
    public async Task A_key_over_its_limit_is_refused_while_its_creator_and_another_key_go_on()
    {
        var (_, key) = await owner.CreateKeyAsync("posts:read");
        var (_, otherKey) = await owner.CreateKeyAsync("posts:read");
        using var client = app.WithKey(key);
        for (var i = 0; i < PermitsPerMinute; i++)
        {
            (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await client.GetAsync("/api/v1/posts");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();

        using var other = app.WithKey(otherKey);
        (await other.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
