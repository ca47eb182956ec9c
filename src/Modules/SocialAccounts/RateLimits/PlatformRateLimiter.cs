using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Caching;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using StackExchange.Redis;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>Takes one permit from every window that applies, all or none; refuses with the wait until the oldest call leaves.</summary>
internal sealed class PlatformRateLimiter(IRateWindowStore store, TimeProvider clock, IReadOnlyList<PlatformLimit> limits)
{
    public async Task AcquireAsync(SocialPlatform platform, Guid accountId, PlatformOperation operation, CancellationToken cancellationToken)
    {
        var windows = limits
            .Where(l => l.Platform == platform && (l.Operation is null || l.Operation == operation))
            .Select(l => new RateWindow(
                $"social_accounts:ratelimit:{platform.Slug()}:{l.Operation?.ToString().ToLowerInvariant() ?? "all"}:{(l.Scope == LimitScope.Account ? accountId.ToString("N") : "app")}:{(long)l.Window.TotalSeconds}",
                l.Limit, l.Window))
            .ToList();
        if (windows.Count == 0)
        {
            return;
        }
        var wait = await store.TryTakeAsync(windows, clock.GetUtcNow(), cancellationToken);
        if (wait is { } retryAfter)
        {
            throw new PlatformException(platform, PlatformErrorKind.RateLimited,
                $"The {platform} limit for this account or app is used up; try again later.", retryAfter, PlatformException.LocalLimitCode);
        }
    }
}

internal sealed record RateWindow(string Key, int Limit, TimeSpan Window);

internal interface IRateWindowStore
{
    /// <returns>Null when a permit was taken from every window; otherwise how long until one frees up.</returns>
    Task<TimeSpan?> TryTakeAsync(IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Sorted sets of call times in Redis, checked and added in one script: atomic across instances.</summary>
internal sealed class RedisRateWindowStore(IConnectionMultiplexer redis, RedisNamespace keys) : IRateWindowStore
{
    private const string Script = """
        local now = tonumber(ARGV[1])
        local wait = 0
        for i, key in ipairs(KEYS) do
            local limit = tonumber(ARGV[2 + (i - 1) * 2])
            local window = tonumber(ARGV[3 + (i - 1) * 2])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) >= limit then
                local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                local free = tonumber(oldest[2]) + window - now
                if free > wait then wait = free end
            end
        end
        if wait > 0 then return wait end
        for i, key in ipairs(KEYS) do
            local window = tonumber(ARGV[3 + (i - 1) * 2])
            redis.call('ZADD', key, now, ARGV[#ARGV])
            redis.call('PEXPIRE', key, window)
        end
        return 0
        """;

    public async Task<TimeSpan?> TryTakeAsync(IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new List<RedisValue> { now.ToUnixTimeMilliseconds() };
        foreach (var window in windows)
        {
            args.Add(window.Limit);
            args.Add((long)window.Window.TotalMilliseconds);
        }
        args.Add(Guid.NewGuid().ToString("N"));
        var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script,
            windows.Select(w => (RedisKey)keys.Key(w.Key)).ToArray(), args.ToArray());
        return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
    }
}

/// <summary>The same windows in process, for a single instance without Redis.</summary>
internal sealed class MemoryRateWindowStore : IRateWindowStore
{
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> calls = new(StringComparer.Ordinal);

    public Task<TimeSpan?> TryTakeAsync(IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (calls)
        {
            TimeSpan? wait = null;
            foreach (var window in windows)
            {
                var times = calls.GetOrAdd(window.Key, _ => []);
                times.RemoveAll(t => t <= now - window.Window);
                if (times.Count >= window.Limit && times[0] + window.Window - now is var free && (wait is null || free > wait))
                {
                    wait = free;
                }
            }
            if (wait is null)
            {
                foreach (var window in windows)
                {
                    calls[window.Key].Add(now);
                }
            }
            return Task.FromResult(wait);
        }
    }
}

internal static class RateLimitRegistration
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration, PlatformCatalog catalog)
    {
        var limits = PlatformLimits.From(catalog, configuration);
        services.AddSingleton<MemoryRateWindowStore>();
        services.AddSingleton<IRateWindowStore>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisRateWindowStore(redis, sp.GetRequiredService<RedisNamespace>())
            : sp.GetRequiredService<MemoryRateWindowStore>());
        services.AddSingleton(sp => new PlatformRateLimiter(sp.GetRequiredService<IRateWindowStore>(), sp.GetRequiredService<TimeProvider>(), limits));
        return services;
    }
}
