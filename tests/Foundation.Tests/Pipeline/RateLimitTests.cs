using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Pipeline;

public sealed class RateLimitTests
{
    [Test]
    public async Task Past_the_limit_a_caller_gets_429_with_retry_after_and_other_users_are_unaffected()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "1000" });
        var alice = await app.RegisterAsync();
        var bob = await app.RegisterAsync();
        await using var limited = new PlatformApp(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerMinute"] = "3",
            ["Redis:InstanceName"] = app.Database.Name + ":",
            ["ConnectionStrings:Platform"] = app.Database.AppConnectionString,
            ["ConnectionStrings:Owner"] = app.Database.OwnerConnectionString,
        });
        using var aliceLimited = limited.CreateClient(alice.AccessToken);
        using var bobLimited = limited.CreateClient(bob.AccessToken);

        for (var i = 0; i < 3; i++)
        {
            (await aliceLimited.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var refused = await aliceLimited.GetAsync("/api/v1/me");

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("type").GetString().ShouldBe("https://www.rfc-editor.org/rfc/rfc6585#section-4");
        problem.GetProperty("correlationId").GetString().ShouldNotBeNullOrEmpty();
        int.Parse(refused.Headers.RetryAfter!.ToString()).ShouldBeInRange(1, 60);
        (await bobLimited.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Instances_sharing_redis_share_the_count()
    {
        var settings = new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "4" };
        await using var first = new PlatformApp(settings);
        var alice = await first.RegisterAsync();
        await using var second = SecondInstance(first, settings);
        using var one = first.CreateClient(alice.AccessToken);
        using var two = second.CreateClient(alice.AccessToken);

        (await one.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await two.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await one.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await two.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await one.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Permits_are_taken_from_redis_in_leases_and_the_shared_limit_still_holds()
    {
        var settings = new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "80" };
        await using var first = new PlatformApp(settings);
        var alice = await first.RegisterAsync();
        await using var second = SecondInstance(first, settings);
        using var one = first.CreateClient(alice.AccessToken);
        using var two = second.CreateClient(alice.AccessToken);
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(TestDatabase.RedisConnectionString);
        var counter = $"{first.Database.Name}:ratelimit:user:{alice.UserId}";

        (await one.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // One request took a lease of an eighth of the window: Redis is not asked again for each of the next ones.
        ((int)await redis.GetDatabase().StringGetAsync(counter)).ShouldBe(10);

        var allowedOnSecond = await CountAllowedAsync(two);
        var allowedOnFirst = await CountAllowedAsync(one);

        allowedOnSecond.ShouldBe(70);
        allowedOnFirst.ShouldBe(9);
        ((int)await redis.GetDatabase().StringGetAsync(counter)).ShouldBe(80);
    }

    /// <summary>Another host on the first one's database and Redis namespace.</summary>
    private static PlatformApp SecondInstance(PlatformApp first, Dictionary<string, string?> settings) => new(new Dictionary<string, string?>(settings)
    {
        ["Redis:InstanceName"] = first.Database.Name + ":",
        ["ConnectionStrings:Platform"] = first.Database.AppConnectionString,
        ["ConnectionStrings:Owner"] = first.Database.OwnerConnectionString,
    });

    private static async Task<int> CountAllowedAsync(HttpClient client)
    {
        for (var allowed = 0; ; allowed++)
        {
            var response = await client.GetAsync("/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return allowed;
            }
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
