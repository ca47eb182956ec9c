using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Data;

namespace Platform.SharedKernel.Events;

/// <summary>
/// Records an event in the current unit of work, one outbox row per handler, so the event exists exactly
/// when the change that raised it commits, and each handler's progress is tracked on its own.
/// </summary>
public sealed class Outbox(DbSession session, IServiceProvider services)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AddAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var handlers = services.GetServices<IIntegrationEventHandler<TEvent>>().Select(h => h.GetType().FullName!).ToArray();
        if (handlers.Length == 0)
        {
            return;
        }
        await using var command = session.CreateCommand("""
            INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload)
            SELECT gen_random_uuid(), $1, $2, handler, $3::jsonb FROM unnest($4::text[]) AS handler
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = integrationEvent.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = typeof(TEvent).AssemblyQualifiedName! });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(integrationEvent, Json) });
        command.Parameters.Add(new NpgsqlParameter { Value = handlers });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
