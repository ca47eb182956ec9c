using System.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Caching;
using Platform.TestKit;
using Shouldly;
using StackExchange.Redis;

namespace Platform.Foundation.Tests.Caching;

/// <summary>The cache's second level against the real Redis, and without one.</summary>
public sealed class RedisDistributedCacheTests
{
    private static readonly Lazy<IConnectionMultiplexer> Redis = new(() => ConnectionMultiplexer.Connect(TestDatabase.RedisConnectionString));

    private readonly RedisNamespace keys = new($"cache-test-{Guid.NewGuid():N}:");

    [Test]
    public async Task An_entry_lives_as_long_as_its_absolute_expiration_and_is_gone_once_removed()
    {
        var cache = Over(Redis.Value);

        await cache.SetAsync("entry", [1, 2, 3], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) });

        (await cache.GetAsync("entry")).ShouldBe(new byte[] { 1, 2, 3 });
        var ttl = await Redis.Value.GetDatabase().KeyTimeToLiveAsync(cache.RedisKey("entry"));
        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeInRange(TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
        await cache.RemoveAsync("entry");
        (await cache.GetAsync("entry")).ShouldBeNull();
    }

    [Test]
    public async Task A_sliding_entry_is_kept_by_reads_but_never_past_its_absolute_end()
    {
        var cache = Over(Redis.Value);
        var options = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(30), AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(40) };

        await cache.SetAsync("sliding", [7], options);
        var database = Redis.Value.GetDatabase();
        (await database.KeyTimeToLiveAsync(cache.RedisKey("sliding")))!.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        await database.KeyExpireAsync(cache.RedisKey("sliding"), TimeSpan.FromSeconds(5));
        await cache.RefreshAsync("sliding");

        var refreshed = (await database.KeyTimeToLiveAsync(cache.RedisKey("sliding")))!.Value;
        refreshed.ShouldBeGreaterThan(TimeSpan.FromSeconds(20), "a refresh should push the end out by the sliding window");
        refreshed.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(40));
    }

    [Test]
    public async Task An_entry_already_expired_is_not_stored()
    {
        var cache = Over(Redis.Value);

        await cache.SetAsync("late", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddSeconds(-1) });

        (await Redis.Value.GetDatabase().KeyExistsAsync(cache.RedisKey("late"))).ShouldBeFalse();
    }

    [Test]
    public async Task Without_Redis_reads_miss_and_writes_are_skipped_at_once()
    {
        await using var down = await UnreachableRedisAsync();
        var cache = Over(down);
        var watch = Stopwatch.StartNew();

        await cache.SetAsync("entry", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        var read = await cache.GetAsync("entry");
        await cache.RemoveAsync("entry");

        read.ShouldBeNull();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "nothing should wait for Redis's timeouts");
    }

    [Test]
    public async Task Without_Redis_the_cache_still_answers_from_the_source()
    {
        await using var down = await UnreachableRedisAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(down);
        services.AddSingleton(keys);
        services.AddSingleton<IDistributedCache>(provider => Over(down));
        services.AddHybridCache();
        await using var provider = services.BuildServiceProvider();
        var hybrid = provider.GetRequiredService<HybridCache>();
        var reads = 0;
        var watch = Stopwatch.StartNew();

        var first = await hybrid.GetOrCreateAsync("t:degraded", _ => ValueTask.FromResult($"source {++reads}"));
        var second = await hybrid.GetOrCreateAsync("t:degraded", _ => ValueTask.FromResult($"source {++reads}"));

        (first, second).ShouldBe(("source 1", "source 1"), "the host's memory still serves what the source answered");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "nothing should wait for Redis's timeouts");
    }

    [Test]
    public void Settings_that_make_no_sense_stop_the_host()
    {
        var validation = new CacheOptions.Validation();

        validation.Validate(null, new CacheOptions()).Succeeded.ShouldBeTrue();
        validation.Validate(null, new CacheOptions { LocalExpirationSeconds = 0 }).Failed.ShouldBeTrue();
        validation.Validate(null, new CacheOptions { DistributedExpirationSeconds = 0 }).Failed.ShouldBeTrue();
        var longerLocally = validation.Validate(null, new CacheOptions { LocalExpirationSeconds = 600, DistributedExpirationSeconds = 300 });
        longerLocally.Failed.ShouldBeTrue();
        longerLocally.FailureMessage.ShouldContain("Cache:LocalExpirationSeconds");
    }

    private RedisDistributedCache Over(IConnectionMultiplexer redis) =>
        new(redis, keys, TimeProvider.System, NullLogger<RedisDistributedCache>.Instance);

    // A port nobody listens on; the connection keeps retrying in the background, as the host's does when Redis is down.
    private static async Task<ConnectionMultiplexer> UnreachableRedisAsync()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
