using Microsoft.Extensions.Options;
using Npgsql;
using Platform.SharedKernel.Paging;

namespace Platform.SharedKernel.Events;

/// <summary>An outbox row that used every attempt without being delivered.</summary>
public sealed record DeadOutboxRow(Guid Id, Guid TenantId, string EventType, string Handler, int Attempts, DateTimeOffset CreatedAt, string? LastError);

/// <summary>
/// What platform operators see of the outbox: dead rows across tenants (the table is global, like the processor's
/// claim), and a retry that gives such a row a fresh set of attempts.
/// </summary>
public sealed class OutboxAdministration(NpgsqlDataSource dataSource, IOptions<OutboxOptions> options)
{
    private readonly int maxAttempts = options.Value.MaxAttempts;

    public async Task<PagedList<DeadOutboxRow>> ListDeadAsync(PageRequest paging, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, tenant_id, event_type, handler, attempts, created_at, last_error, count(*) OVER ()
            FROM platform_events.outbox WHERE processed_at IS NULL AND attempts >= $1
            ORDER BY created_at, id OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = maxAttempts });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)paging.Skip });
        command.Parameters.Add(new NpgsqlParameter { Value = paging.PageSize });
        var rows = new List<DeadOutboxRow>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DeadOutboxRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            total = reader.GetInt64(7);
        }
        if (rows.Count == 0 && paging.Skip > 0)
        {
            total = await CountDeadAsync(cancellationToken);
        }
        return new PagedList<DeadOutboxRow>(rows, paging.Page, paging.PageSize, total);
    }

    public async Task<long> CountDeadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM platform_events.outbox WHERE processed_at IS NULL AND attempts >= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = maxAttempts });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <returns>False when no dead row has that id (unknown, delivered, or still being tried).</returns>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE platform_events.outbox SET attempts = 0, next_attempt_at = clock_timestamp(), locked_until = NULL
            WHERE id = $1 AND processed_at IS NULL AND attempts >= $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = maxAttempts });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
