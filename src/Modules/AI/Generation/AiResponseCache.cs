using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.AI.Generation;

internal sealed record CachedAnswer(string Provider, string Model, JsonObject Output);

/// <summary>
/// Answers an identical request (same tenant, same task) within the window from Redis, so asking twice costs once.
/// Without Redis, or when it fails, there is simply no cache.
/// </summary>
internal sealed class AiResponseCache(IServiceProvider services, RedisNamespace keys, IOptionsMonitor<AiOptions> options, ILogger<AiResponseCache> logger)
{
    private readonly IConnectionMultiplexer? redis = services.GetService(typeof(IConnectionMultiplexer)) as IConnectionMultiplexer;

    public async Task<CachedAnswer?> GetAsync(Guid tenantId, AiTask task)
    {
        if (!Enabled)
        {
            return null;
        }
        try
        {
            var value = await redis!.GetDatabase().StringGetAsync(Key(tenantId, task));
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CachedAnswer>(value.ToString(), AiTask.Json);
        }
        catch (Exception error) when (error is RedisException or JsonException)
        {
            logger.LogWarning(error, "AI cache read failed");
            return null;
        }
    }

    public async Task SetAsync(Guid tenantId, AiTask task, CachedAnswer answer)
    {
        if (!Enabled)
        {
            return;
        }
        try
        {
            await redis!.GetDatabase().StringSetAsync(Key(tenantId, task), JsonSerializer.Serialize(answer, AiTask.Json),
                TimeSpan.FromSeconds(options.CurrentValue.Cache.WindowSeconds));
        }
        catch (RedisException error)
        {
            logger.LogWarning(error, "AI cache write failed");
        }
    }

    private bool Enabled => redis is not null && options.CurrentValue.Cache.WindowSeconds > 0;

    // Tenant in the key: one tenant's generation is never served to another.
    private string Key(Guid tenantId, AiTask task) => keys.Key($"ai:answer:{tenantId:N}:{TextTools.Sha256(task.ToJson())}");
}
