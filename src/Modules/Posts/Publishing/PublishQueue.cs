using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;

namespace Platform.Posts.Publishing;

/// <summary>
/// Writes to the due index inside the caller's unit of work, so a target is queued exactly when its
/// post's new status commits. The index's trigger wakes the dispatchers at commit. Every statement locks its rows in
/// target order, and callers lock the targets' own rows and then their accounts' breaker rows before these (the one order:
/// targets, breakers, queue, post): two units of work never wait on each other in a circle.
/// </summary>
internal sealed class PublishQueue(DbSession session)
{
    /// <summary>Queues targets for <paramref name="dueAt"/>; a target a worker holds right now is never taken from it.</summary>
    public async Task EnqueueAsync(Guid tenantId, IEnumerable<Guid> targetIds, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var ids = targetIds.ToArray();
        await using var command = await session.CreateCommandAsync("""
            INSERT INTO posts.publish_queue (target_id, tenant_id, due_at)
            SELECT id, $2, $3 FROM unnest($1::uuid[]) AS id ORDER BY id
            ON CONFLICT (target_id) DO UPDATE SET due_at = EXCLUDED.due_at, lease_owner = NULL, lease_until = NULL
            WHERE publish_queue.lease_until IS NULL OR publish_queue.lease_until < clock_timestamp()
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = dueAt });
        if (await command.ExecuteNonQueryAsync(cancellationToken) < ids.Length)
        {
            throw ProblemException.Conflict("The post is being published right now.");
        }
    }

    /// <summary>
    /// Renews this worker's claims for a full lease, in the unit of work that records the attempts. A target left
    /// out lost its claim meanwhile (another worker may hold it), and its attempt must not start.
    /// </summary>
    /// <returns>The targets whose claims still hold.</returns>
    public async Task<HashSet<Guid>> RenewClaimsAsync(IEnumerable<Guid> targetIds, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("""
            WITH mine AS (
                SELECT target_id FROM posts.publish_queue
                WHERE target_id = ANY($1) AND lease_owner = $2 AND lease_until > clock_timestamp()
                ORDER BY target_id FOR UPDATE)
            UPDATE posts.publish_queue q SET lease_until = clock_timestamp() + $3
            FROM mine WHERE q.target_id = mine.target_id
            RETURNING q.target_id
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = targetIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        var renewed = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            renewed.Add(reader.GetGuid(0));
        }
        return renewed;
    }

    /// <summary>Takes targets out of the queue unless a worker holds them now.</summary>
    /// <returns>How many were removed; fewer than asked means some are being published.</returns>
    public async Task<int> RemoveUnclaimedAsync(IEnumerable<Guid> targetIds, CancellationToken cancellationToken)
    {
        var ids = targetIds.ToArray();
        await using var command = await session.CreateCommandAsync("""
            WITH free AS (
                SELECT target_id FROM posts.publish_queue
                WHERE target_id = ANY($1) AND (lease_until IS NULL OR lease_until < clock_timestamp())
                ORDER BY target_id FOR UPDATE)
            DELETE FROM posts.publish_queue q USING free WHERE q.target_id = free.target_id
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> targetIds, CancellationToken cancellationToken)
    {
        if (targetIds.Count == 0)
        {
            return;
        }
        await using var command = await session.CreateCommandAsync("""
            WITH gone AS (SELECT target_id FROM posts.publish_queue WHERE target_id = ANY($1) ORDER BY target_id FOR UPDATE)
            DELETE FROM posts.publish_queue q USING gone WHERE q.target_id = gone.target_id
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = targetIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the account's targets that wait for its pause due now (a resume, or a trial that succeeded). Rows a worker
    /// holds or has locked are skipped rather than waited for: at worst such a target waits for the time it was put off to.
    /// </summary>
    /// <returns>How many were made due.</returns>
    public async Task<int> ReleaseDeferredAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync("""
            UPDATE posts.publish_queue q SET due_at = $2
            FROM (SELECT waiting.target_id
                  FROM posts.publish_queue waiting JOIN posts.post_targets t ON t.id = waiting.target_id
                  WHERE t.social_account_id = $1 AND t.error_kind = $3 AND waiting.due_at > $2
                    AND (waiting.lease_until IS NULL OR waiting.lease_until < clock_timestamp())
                  FOR UPDATE OF waiting SKIP LOCKED) deferred
            WHERE q.target_id = deferred.target_id
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = Deferral.AccountPaused.ToString() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Puts targets back for later attempts, releasing the current claims.</summary>
    public async Task RequeueAsync(IReadOnlyCollection<(Guid TargetId, DateTimeOffset DueAt)> targets, CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return;
        }
        await using var command = await session.CreateCommandAsync("""
            WITH later AS (
                SELECT q.target_id, l.due_at
                FROM posts.publish_queue q JOIN unnest($1::uuid[], $2::timestamptz[]) AS l(target_id, due_at) ON l.target_id = q.target_id
                ORDER BY q.target_id FOR UPDATE OF q)
            UPDATE posts.publish_queue q SET due_at = later.due_at, lease_owner = NULL, lease_until = NULL
            FROM later WHERE q.target_id = later.target_id
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = targets.Select(t => t.TargetId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = targets.Select(t => t.DueAt).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
