using Npgsql;

namespace Platform.Posts.Publishing;

/// <summary>
/// The dispatcher's cross-tenant reads of the due index: a global table of ids and times, so no tenant
/// content is ever read here. Claims are leases taken with SKIP LOCKED, so several hosts share the work; targets due
/// together come grouped by tenant, so each tenant's share is written in one unit of work.
/// </summary>
internal sealed class DueQueueReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ClaimedTarget>> ClaimAsync(int count, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH due AS (
                SELECT target_id FROM posts.publish_queue
                WHERE due_at <= clock_timestamp() AND (lease_until IS NULL OR lease_until < clock_timestamp())
                ORDER BY due_at, tenant_id
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            UPDATE posts.publish_queue q
            SET lease_owner = $2, lease_until = clock_timestamp() + $3
            FROM due WHERE q.target_id = due.target_id
            RETURNING q.target_id, q.tenant_id, q.due_at, clock_timestamp() - q.due_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedTarget>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedTarget(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetTimeSpan(3)));
        }
        return claimed;
    }

    /// <summary>Time until the next row can be claimed (a due time, or an expiring lease); null when the queue is empty.</summary>
    public async Task<TimeSpan?> UntilNextAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT min(CASE WHEN lease_until IS NULL THEN due_at ELSE greatest(due_at, lease_until) END) - clock_timestamp()
            FROM posts.publish_queue
            """);
        return await command.ExecuteScalarAsync(cancellationToken) is TimeSpan until ? until : null;
    }
}
