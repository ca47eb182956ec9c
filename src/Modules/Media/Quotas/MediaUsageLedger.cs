using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;

namespace Platform.Media.Quotas;

/// <summary>
/// The tenant's row in <c>media.usage</c>, on the caller's unit of work. Adding is one guarded upsert: the row lock
/// serialises concurrent uploads and PostgreSQL re-checks the WHERE after taking it, so two uploads can never pass a limit together.
/// </summary>
internal sealed class MediaUsageLedger(DbSession session, ITenantPlanLimits plans, IOptions<MediaOptions> options)
{
    public async Task<MediaUsage> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(cancellationToken);
        var maxFiles = options.Value.MaxFiles;
        await using var command = await session.CreateCommandAsync("SELECT used_bytes, file_count FROM media.usage WHERE tenant_id = $1", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MediaUsage(reader.GetInt64(0), reader.GetInt32(1), plan, maxFiles)
            : new MediaUsage(0, 0, plan, maxFiles);
    }

    /// <summary>
    /// Counts one more file of <paramref name="bytes"/>, unless that passes a limit; then the usage as it stands. One
    /// statement creates or updates the row under its guard, so the row is locked only as long as the caller's unit of
    /// work lasts: callers reserve in a unit of work of its own and give the reservation back (<see cref="RemoveAsync"/>)
    /// if the file is not kept.
    /// </summary>
    public async Task<(QuotaOutcome Outcome, MediaUsage Usage)> TryAddAsync(Guid tenantId, long bytes, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(cancellationToken);
        var maxFiles = options.Value.MaxFiles;
        await using (var add = await session.CreateCommandAsync("""
            INSERT INTO media.usage AS u (tenant_id, used_bytes, file_count)
            SELECT $1, $2, 1 WHERE $2 <= $3 AND 1 <= $4
            ON CONFLICT (tenant_id) DO UPDATE SET used_bytes = u.used_bytes + $2, file_count = u.file_count + 1
             WHERE u.used_bytes + $2 <= $3 AND u.file_count + 1 <= $4
            RETURNING used_bytes, file_count
            """, cancellationToken))
        {
            add.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            add.Parameters.Add(new NpgsqlParameter { Value = bytes });
            add.Parameters.Add(new NpgsqlParameter { Value = plan.MediaStorageBytes });
            add.Parameters.Add(new NpgsqlParameter { Value = maxFiles });
            await using var reader = await add.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return (QuotaOutcome.Fits, new MediaUsage(reader.GetInt64(0), reader.GetInt32(1), plan, maxFiles));
            }
        }
        var current = await ReadAsync(tenantId, cancellationToken);
        var outcome = current.Admit(bytes);
        // The guard refused, so one of the limits is passed even if the row read a moment later looks different.
        return (outcome == QuotaOutcome.Fits ? QuotaOutcome.TooManyBytes : outcome, current);
    }

    public async Task RemoveAsync(Guid tenantId, long bytes, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("""
            UPDATE media.usage SET used_bytes = greatest(used_bytes - $2, 0), file_count = greatest(file_count - 1, 0)
             WHERE tenant_id = $1
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = bytes });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
