using System.Net;
using Platform.Audit.Contracts;
using Platform.Audit.Recording;

namespace Platform.Audit.Data;

/// <summary>One appended line of a tenant's audit log; never changed once written.</summary>
internal sealed class AuditEntry
{
    private const int MaxCorrelationIdLength = 64;

    public Guid Id { get; private set; }

    /// <summary>Null only for a failed sign-in that named no known account, and for a platform administrator's action.</summary>
    public Guid? TenantId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public Guid? ActorApiKeyId { get; private set; }
    public AuditAction Action { get; private set; }
    public string ResourceType { get; private set; } = "";
    public Guid? ResourceId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public IPAddress? ClientAddress { get; private set; }
    public string? CorrelationId { get; private set; }

    public static AuditEntry Create(
        Guid? tenantId, AuditActor actor, AuditRecord record, IPAddress? clientAddress, string? correlationId, DateTimeOffset now)
    {
        if (record.Action.IsPlatformWide())
        {
            // Across tenants, by a platform administrator: kept without a tenant (whichever the acting user belongs to), and
            // only for a named person.
            if (actor.Kind != ActorKind.User || actor.UserId is null)
            {
                throw new InvalidOperationException($"'{record.Action.Name()}' is a platform administrator's action and needs the user who took it.");
            }
            tenantId = null;
        }
        else if (tenantId is null && record.Action != AuditAction.SignInFailed)
        {
            throw new InvalidOperationException($"'{record.Action.Name()}' needs a tenant: only a failed sign-in may name no known account.");
        }
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            OccurredAt = ToMicroseconds(now),
            ActorKind = actor.Kind,
            ActorUserId = actor.UserId,
            ActorApiKeyId = actor.ApiKeyId,
            Action = record.Action,
            ResourceType = record.Action.ResourceType(),
            ResourceId = record.ResourceId,
            Before = AuditSummary.Serialize(record.Before),
            After = AuditSummary.Serialize(record.After),
            ClientAddress = clientAddress is { IsIPv4MappedToIPv6: true } ? clientAddress.MapToIPv4() : clientAddress,
            CorrelationId = correlationId is { Length: > 0 and <= MaxCorrelationIdLength } ? correlationId : null,
        };
    }

    /// <summary>PostgreSQL keeps microseconds: the time is cut to them here, so a cursor made from it matches the stored row.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
