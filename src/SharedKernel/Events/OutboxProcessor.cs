using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Telemetry;

namespace Platform.SharedKernel.Events;

/// <summary>
/// Delivers outbox rows to their handlers: claims due rows with SKIP LOCKED (several hosts share the work),
/// runs each handler in a unit of work of the event's tenant together with the row's "done" mark, and on
/// failure retries with exponential backoff up to a limit, keeping the last error for operators (a row that used
/// every attempt is dead: <see cref="OutboxAdministration"/> lists and retries it). Delivered rows are deleted once
/// older than <see cref="OutboxOptions.RetainDelivered"/>.
/// </summary>
public sealed class OutboxProcessor(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(250);
    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextPurge)
                {
                    await PurgeDeliveredAsync(stoppingToken);
                    nextPurge = clock.GetUtcNow() + settings.PurgeEvery;
                }
                if (await ProcessBatchAsync(50, stoppingToken) == 0)
                {
                    await Task.Delay(Idle, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox round failed");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    /// <returns>How many rows were claimed.</returns>
    public async Task<int> ProcessBatchAsync(int size, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxRow>();
        await using (var claim = dataSource.CreateCommand("""
            UPDATE platform_events.outbox o SET locked_until = clock_timestamp() + interval '1 minute'
            FROM (SELECT id FROM platform_events.outbox
                  WHERE processed_at IS NULL AND next_attempt_at <= clock_timestamp() AND attempts < $2
                    AND (locked_until IS NULL OR locked_until < clock_timestamp())
                  ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.tenant_id, o.event_type, o.handler, o.payload::text, o.attempts,
                      extract(epoch FROM clock_timestamp() - o.created_at)::float8, o.traceparent
            """))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = size });
            claim.Parameters.Add(new NpgsqlParameter { Value = settings.MaxAttempts });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new OutboxRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
                PlatformMetrics.OutboxLag.Record(reader.GetDouble(6), new KeyValuePair<string, object?>("event_type", reader.GetString(2)));
            }
        }
        foreach (var tenantRows in claimed.GroupBy(r => r.TenantId))
        {
            var rows = tenantRows.ToList();
            // A tenant's rows share one unit of work; should any fail, each is tried alone so one bad row holds back no other.
            if (rows.Count > 1 && await ProcessAsync(tenantRows.Key, rows, cancellationToken) is null)
            {
                CountDeliveries(rows, "handled");
                continue;
            }
            foreach (var row in rows)
            {
                var failure = await ProcessAsync(row.TenantId, [row], cancellationToken);
                CountDeliveries([row], failure is null ? "handled" : "failed");
                if (failure is not null)
                {
                    logger.LogWarning(failure, "Outbox handler {Handler} failed for row {Id} (attempt {Attempt})", row.Handler, row.Id, row.Attempts + 1);
                    await RecordFailureAsync(row.Id, failure, cancellationToken);
                }
            }
        }
        return claimed.Count;
    }

    /// <summary>Deletes delivered rows older than the retention, a bounded batch at a time so no statement runs long.</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<long> PurgeDeliveredAsync(CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            await using var purge = dataSource.CreateCommand("""
                DELETE FROM platform_events.outbox WHERE id IN (
                    SELECT id FROM platform_events.outbox WHERE processed_at < clock_timestamp() - $1 LIMIT 5000)
                """);
            purge.Parameters.Add(new NpgsqlParameter { Value = settings.RetainDelivered });
            var batch = await purge.ExecuteNonQueryAsync(cancellationToken);
            deleted += batch;
            if (batch < 5000)
            {
                return deleted;
            }
        }
    }

    /// <returns>Null when every row's handler ran and the rows are marked done; otherwise what failed, and nothing is marked.</returns>
    private async Task<Exception?> ProcessAsync(Guid tenantId, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        // Every line a handler logs names the event's tenant.
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenantId });
        try
        {
            await scopes.RunAsync(tenantId, async services =>
            {
                foreach (var row in rows)
                {
                    // Continues the trace of the request or job that wrote the event.
                    using var span = TraceParent.Continue($"outbox {row.EventType}", ActivityKind.Consumer, row.TraceParent);
                    span?.SetTag("platform.event_type", row.EventType);
                    span?.SetTag("platform.handler", row.Handler);
                    span?.SetTag("platform.tenant_id", row.TenantId);
                    try
                    {
                        await DispatchAsync(services, row.EventType, row.Handler, row.Payload, cancellationToken);
                    }
                    catch (Exception exception)
                    {
                        span?.SetStatus(ActivityStatusCode.Error, exception.Message);
                        throw;
                    }
                }
                await using var done = await services.GetRequiredService<DbSession>().CreateCommandAsync(
                    "UPDATE platform_events.outbox SET processed_at = clock_timestamp(), locked_until = NULL WHERE id = ANY($1)", cancellationToken);
                done.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Id).ToArray() });
                await done.ExecuteNonQueryAsync(cancellationToken);
                return true;
            }, cancellationToken);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    private async Task RecordFailureAsync(Guid rowId, Exception failure, CancellationToken cancellationToken)
    {
        await using var failed = dataSource.CreateCommand("""
            UPDATE platform_events.outbox
            SET attempts = attempts + 1, last_error = $2, locked_until = NULL,
                next_attempt_at = clock_timestamp() + make_interval(secs => least(3600, power(2, attempts + 1)))
            WHERE id = $1
            """);
        failed.Parameters.Add(new NpgsqlParameter { Value = rowId });
        failed.Parameters.Add(new NpgsqlParameter { Value = failure.Message });
        await failed.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task DispatchAsync(IServiceProvider services, string eventTypeName, string handlerName, string payload, CancellationToken cancellationToken)
    {
        var eventType = IntegrationEventTypes.Resolve(eventTypeName);
        var handlerInterface = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
        var handler = services.GetServices(handlerInterface).FirstOrDefault(h => h!.GetType().FullName == handlerName)
            ?? throw new InvalidOperationException($"No handler {handlerName} is registered for {eventType.Name}.");
        var integrationEvent = JsonSerializer.Deserialize(payload, eventType, Outbox.Json)!;
        await (Task)handlerInterface.GetMethod(nameof(IIntegrationEventHandler<IntegrationEvent>.HandleAsync))!
            .Invoke(handler, BindingFlags.DoNotWrapExceptions, binder: null, [integrationEvent, cancellationToken], culture: null)!;
    }

    private static void CountDeliveries(IEnumerable<OutboxRow> rows, string outcome)
    {
        foreach (var row in rows)
        {
            PlatformMetrics.OutboxDeliveries.Add(1, new KeyValuePair<string, object?>("event_type", row.EventType), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private sealed record OutboxRow(Guid Id, Guid TenantId, string EventType, string Handler, string Payload, int Attempts, string? TraceParent);
}
