using System.Text.Json;
using Platform.SharedKernel.Json;

namespace Platform.Notifications.Live;

/// <summary>
/// One change a tenant's open streams should show, as published to every host: for the whole tenant, or for one user when
/// <see cref="UserId"/> is set. <see cref="Data"/> is what the client receives as the event's data.
/// </summary>
internal sealed record LiveEvent(Guid TenantId, Guid? UserId, LiveEventType Type, JsonElement Data)
{
    public static LiveEvent ForTenant<T>(Guid tenantId, LiveEventType type, T data) => new(tenantId, null, type, ApiJson.ToElement(data));

    public static LiveEvent ForUser<T>(Guid tenantId, Guid userId, LiveEventType type, T data) => new(tenantId, userId, type, ApiJson.ToElement(data));

    public bool IsFor(Guid tenantId, Guid userId) => TenantId == tenantId && (UserId is null || UserId == userId);

    public string ToJson() => JsonSerializer.Serialize(this, ApiJson.Options);

    public static LiveEvent FromJson(string json) =>
        JsonSerializer.Deserialize<LiveEvent>(json, ApiJson.Options) ?? throw new JsonException("A live event cannot be null.");
}
