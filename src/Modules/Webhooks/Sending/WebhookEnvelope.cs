using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.SharedKernel.Events;

namespace Platform.Webhooks.Sending;

/// <summary>The one body every delivery has; <c>data</c> is the event itself, with enums by name as the API writes them.</summary>
internal sealed record WebhookEnvelope(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("tenant")] Guid Tenant,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    public const int CurrentVersion = 1;

    public static string Serialize(Guid id, string type, DateTimeOffset occurredAt, Guid tenant, object data) =>
        JsonSerializer.Serialize(new WebhookEnvelope(id, type, CurrentVersion, occurredAt, tenant, JsonSerializer.SerializeToElement(data, data.GetType(), Outbox.Json)), Outbox.Json);
}
