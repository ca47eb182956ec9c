using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Telemetry;

namespace Platform.SharedKernel.Events;

/// <summary>
/// Records an event in the current unit of work, one outbox row per handler, so the event exists exactly
/// when the change that raised it commits, and each handler's progress is tracked on its own.
/// </summary>
public sealed class Outbox(DbSession session, IServiceProvider services)
{
    /// <summary>How events are stored and sent to webhooks: enums by name, as the API writes them (numbers still read).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Records events of one type in one statement.</summary>
    public async Task AddAsync<TEvent>(IReadOnlyCollection<TEvent> integrationEvents, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var handlers = services.GetServices<IIntegrationEventHandler<TEvent>>().Select(h => h.GetType().FullName!).ToArray();
        if (handlers.Length == 0 || integrationEvents.Count == 0)
        {
            return;
        }
        await using var command = await session.CreateCommandAsync("""
            INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload, traceparent)
            SELECT gen_random_uuid(), e.tenant_id, $1, h.handler, e.payload::jsonb, $5
            FROM unnest($2::uuid[], $3::text[]) AS e(tenant_id, payload) CROSS JOIN unnest($4::text[]) AS h(handler)
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = IntegrationEventTypes.NameOf(typeof(TEvent)) });
        command.Parameters.Add(new NpgsqlParameter { Value = integrationEvents.Select(e => e.TenantId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = integrationEvents.Select(e => JsonSerializer.Serialize(e, Json)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = handlers });
        // The trace that raised the events continues where they are handled.
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)TraceParent.Current() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
