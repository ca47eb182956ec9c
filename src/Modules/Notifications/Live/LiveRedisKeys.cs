using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.Notifications.Live;

/// <summary>
/// Where live events travel in Redis: one pub/sub channel for the deployment (every host subscribes once and hands each
/// event only to its own clients of that tenant), and one capped stream per tenant kept for resumption.
/// </summary>
internal sealed class LiveRedisKeys(RedisNamespace keys)
{
    public RedisChannel Channel { get; } = RedisChannel.Literal(keys.Key("notifications:live"));

    public RedisKey StreamOf(Guid tenantId) => keys.Key($"notifications:live:{tenantId:N}");
}
