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
            await AppendWithoutTenantAsync(entry, cancellationToken);
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
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.After ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ClientAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Inet });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
