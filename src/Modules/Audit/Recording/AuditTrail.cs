using Microsoft.AspNetCore.Http;
using Npgsql;
using NpgsqlTypes;
using Platform.Audit.Contracts;
using Platform.Audit.Data;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Audit.Recording;

/// <summary>
/// Writes each entry at once through the Audit DbContext, which shares the request's connection and transaction: the
/// entry is part of the change's commit, or of its rollback.
/// </summary>
internal sealed class AuditTrail(AuditDbContext db, DbSession session, ITenantContext tenant, IHttpContextAccessor http, TimeProvider clock)
    : IAuditTrail
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var request = http.HttpContext;
        var entry = AuditEntry.Create(
            tenant.TenantId, AuditActor.Of(request?.User, record.ActorUserId), record,
            request?.Connection.RemoteIpAddress, request?.TraceIdentifier, clock.GetUtcNow());
        if (entry.TenantId is null)
        {
            await (record.Action.IsPlatformWide()
                ? AppendPlatformEntryAsync(entry, cancellationToken)
                : AppendWithoutTenantAsync(entry, cancellationToken));
            return;
        }
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Row-level security lets no tenant-less row in: the one kind there is goes through the owner's narrow function.
    private async Task AppendWithoutTenantAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync(
            "SELECT audit.append_sign_in_failure_without_tenant($1, $2, $3, $4, $5)", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.OccurredAt });
        AddOptionalParameters(command, entry);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A platform administrator's action across tenants, through the owner's function that writes only platform.* actions.
    private async Task AppendPlatformEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync(
            "SELECT audit.append_platform_entry($1, $2, $3, $4, $5, $6, $7, $8)", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.OccurredAt });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ActorUserId!.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Action.Name() });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ResourceType });
        AddOptionalParameters(command, entry);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddOptionalParameters(NpgsqlCommand command, AuditEntry entry)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.After ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ClientAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Inet });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
