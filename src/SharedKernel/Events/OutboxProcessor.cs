using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.SharedKernel.Data;

namespace Platform.SharedKernel.Events;

/// <summary>
/// Delivers outbox rows to their handlers: claims due rows with SKIP LOCKED (several hosts share the work),
/// runs each handler in a unit of work of the event's tenant together with the row's "done" mark, and on
/// failure retries with exponential backoff up to a limit, keeping the last error for operators.
/// </summary>
public sealed class OutboxProcessor(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, ILogger<OutboxProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
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
        var claimed = new List<(Guid Id, Guid TenantId, string EventType, string Handler, string Payload, int Attempts)>();
        await using (var claim = dataSource.CreateCommand("""
            UPDATE platform_events.outbox o SET locked_until = clock_timestamp() + interval '1 minute'
            FROM (SELECT id FROM platform_events.outbox
                  WHERE processed_at IS NULL AND next_attempt_at <= clock_timestamp() AND attempts < $2
                    AND (locked_until IS NULL OR locked_until < clock_timestamp())
                  ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.tenant_id, o.event_type, o.handler, o.payload::text, o.attempts
            """))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = size });
            claim.Parameters.Add(new NpgsqlParameter { Value = MaxAttempts });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
            }
        }
        foreach (var row in claimed)
        {
            try
            {
                await scopes.RunAsync(row.TenantId, async services =>
                {
                    await DispatchAsync(services, row.EventType, row.Handler, row.Payload, cancellationToken);
                    await using var done = services.GetRequiredService<DbSession>().CreateCommand(
                        "UPDATE platform_events.outbox SET processed_at = clock_timestamp(), locked_until = NULL WHERE id = $1");
                    done.Parameters.Add(new NpgsqlParameter { Value = row.Id });
                    await done.ExecuteNonQueryAsync(cancellationToken);
                    return true;
                }, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox handler {Handler} failed for row {Id} (attempt {Attempt})", row.Handler, row.Id, row.Attempts + 1);
                await using var failed = dataSource.CreateCommand("""
                    UPDATE platform_events.outbox
                    SET attempts = attempts + 1, last_error = $2, locked_until = NULL,
                        next_attempt_at = clock_timestamp() + make_interval(secs => least(3600, power(2, attempts + 1)))
                    WHERE id = $1
                    """);
                failed.Parameters.Add(new NpgsqlParameter { Value = row.Id });
                failed.Parameters.Add(new NpgsqlParameter { Value = exception.Message });
                await failed.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        return claimed.Count;
    }

    private static async Task DispatchAsync(IServiceProvider services, string eventTypeName, string handlerName, string payload, CancellationToken cancellationToken)
    {
        var eventType = Type.GetType(eventTypeName, throwOnError: true)!;
        var handlerInterface = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
        var handler = services.GetServices(handlerInterface).FirstOrDefault(h => h!.GetType().FullName == handlerName)
            ?? throw new InvalidOperationException($"No handler {handlerName} is registered for {eventType.Name}.");
        var integrationEvent = JsonSerializer.Deserialize(payload, eventType, Outbox.Json)!;
        await (Task)handlerInterface.GetMethod(nameof(IIntegrationEventHandler<IntegrationEvent>.HandleAsync))!
            .Invoke(handler, [integrationEvent, cancellationToken])!;
    }
}
