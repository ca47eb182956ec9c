using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Caching;
using Shouldly;

namespace Platform.Foundation.Tests.Caching;

/// <summary>The cache of hot reads on one real host (its Redis, its database sessions).</summary>
public sealed class TenantCacheTests : OneHostFixture
{
    [Test]
    public async Task A_second_read_is_served_from_the_cache()
    {
        var key = new CacheKey(Guid.NewGuid(), "counted");
        var reads = 0;

        var first = await ReadAsync(key, () => $"read {++reads}");
        var second = await ReadAsync(key, () => $"read {++reads}");

        (first, second, reads).ShouldBe(("read 1", "read 1", 1));
    }

    [Test]
    public async Task A_committed_change_ends_the_entry_and_a_rolled_back_one_leaves_it()
    {
        var key = new CacheKey(Guid.NewGuid(), "changed");
        await ReadAsync(key, () => "before");

        await app.WriteAsync(key.TenantId, services => Invalidate(services, key), commit: false);
        var afterRollback = await ReadAsync(key, () => "after rollback");
        await app.WriteAsync(key.TenantId, services => Invalidate(services, key));
        var afterCommit = await ReadAsync(key, () => "after commit");

        afterRollback.ShouldBe("before");
        afterCommit.ShouldBe("after commit");
    }

    [Test]
    public async Task A_unit_of_work_reads_past_an_entry_it_changed_and_caches_nothing_it_did_not_commit()
    {
        var key = new CacheKey(Guid.NewGuid(), "uncommitted");
        await ReadAsync(key, () => "committed");
        string? seenInside = null;

        await app.WriteAsync(key.TenantId, async services =>
        {
            await Invalidate(services, key);
            seenInside = await services.GetRequiredService<TenantCache>().GetOrReadAsync(key, _ => Task.FromResult("uncommitted"), CancellationToken.None);
        }, commit: false);

        seenInside.ShouldBe("uncommitted");
        (await ReadAsync(key, () => "read again")).ShouldBe("committed");
    }

    [Test]
    public async Task One_tenants_entry_is_never_served_to_another()
    {
        var name = "shared-name";
        var tenantA = new CacheKey(Guid.NewGuid(), name);
        var tenantB = new CacheKey(Guid.NewGuid(), name);

        await ReadAsync(tenantA, () => "tenant A's");
        var seenByB = await ReadAsync(tenantB, () => "tenant B's");

        seenByB.ShouldBe("tenant B's");
        tenantA.Value.ShouldNotBe(tenantB.Value);
    }

    [Test]
    public async Task A_change_ends_the_entry_in_Redis_too()
    {
        var key = new CacheKey(Guid.NewGuid(), "in-redis");
        await ReadAsync(key, () => "stored");
        var redis = app.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>();
        await Eventually.TrueAsync(async () => await redis.GetAsync(key.Value) is not null, "the entry should reach Redis");

        await app.WriteAsync(key.TenantId, services => Invalidate(services, key));

        await Eventually.TrueAsync(async () => await redis.GetAsync(key.Value) is null, "the entry should leave Redis");
    }

    [Test]
    public async Task A_value_read_before_a_change_is_not_written_to_Redis_after_it()
    {
        var key = new CacheKey(Guid.NewGuid(), "late-write");
        var connection = app.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
        var fence = RedisDistributedCache.FenceOf(app.Services.GetRequiredService<RedisNamespace>(), key.Value);
        var redis = app.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>();

        await app.WriteAsync(key.TenantId, services => Invalidate(services, key));
        await Eventually.TrueAsync(() => connection.GetDatabase().KeyExistsAsync(fence), "the change should fence the entry");
        // What the cache writes in the background once a read that began before the change has handed its value out.
        await redis.SetAsync(key.Value, [1], new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });

        (await redis.GetAsync(key.Value)).ShouldBeNull();
    }

    private Task<string> ReadAsync(CacheKey key, Func<string> source) =>
        app.ReadAsync(key.TenantId, services =>
            services.GetRequiredService<TenantCache>().GetOrReadAsync(key, _ => Task.FromResult(source()), CancellationToken.None).AsTask());

    private static Task Invalidate(IServiceProvider services, CacheKey key)
    {
        services.GetRequiredService<TenantCache>().InvalidateOnCommit(key);
        return Task.CompletedTask;
    }
}
