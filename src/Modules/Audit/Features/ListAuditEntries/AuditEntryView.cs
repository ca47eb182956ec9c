using System.Text.Json;
using Platform.Audit.Data;
using Platform.Audit.Recording;

namespace Platform.Audit.Features.ListAuditEntries;

internal sealed record AuditEntryView(
    Guid Id, DateTimeOffset OccurredAt, AuditActor Actor, string Action, string ResourceType, Guid? ResourceId,
    JsonElement? Before, JsonElement? After, string? ClientAddress, string? CorrelationId)
{
    public static AuditEntryView From(AuditEntry entry) => new(
        entry.Id, entry.OccurredAt, new AuditActor(entry.ActorKind, entry.ActorUserId, entry.ActorApiKeyId), entry.Action.Name(),
        entry.ResourceType, entry.ResourceId, Parse(entry.Before), Parse(entry.After), entry.ClientAddress?.ToString(), entry.CorrelationId);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
