using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

[IntegrationEventName("tests.outbox_probe")]
public sealed record OutboxProbe : IntegrationEvent
{
    public required string Marker { get; init; }
    public bool Fails { get; init; }
}

/// <summary>Records what it was given; fails when the event says so.</summary>
public sealed class OutboxProbeHandler : IIntegrationEventHandler<OutboxProbe>
{
    public static readonly ConcurrentDictionary<string, int> Handled = new();

    public Task HandleAsync(OutboxProbe integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Fails)
        {
            throw new InvalidOperationException("probe failure " + integrationEvent.Marker);
        }
        Handled.AddOrUpdate(integrationEvent.Marker, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}

public sealed class OutboxTests
{
    private OutboxApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new OutboxApp();

    [OneTimeTearDown]
    public Task Stop() => app.DisposeAsync().AsTask();

    [Test]
    public async Task An_event_is_stored_under_its_stable_name_and_delivered_by_it()
    {
        var tenant = await app.RegisterAsync();
        var marker = Guid.NewGuid().ToString("N");

        await AddAsync(tenant.TenantId, new OutboxProbe { TenantId = tenant.TenantId, OccurredAt = DateTimeOffset.UtcNow, Marker = marker });
        var stored = await ScalarAsync<string>("SELECT event_type FROM platform_events.outbox WHERE payload->>'marker' = $1", marker);
        await DeliverAsync();

        stored.ShouldBe("tests.outbox_probe");
        OutboxProbeHandler.Handled.GetValueOrDefault(marker).ShouldBe(1);
        (await ScalarAsync<bool>("SELECT processed_at IS NOT NULL FROM platform_events.outbox WHERE payload->>'marker' = $1", marker)).ShouldBeTrue();
    }

    [Test]
    public async Task A_row_written_with_an_assembly_qualified_type_name_is_still_delivered()
    {
        var tenant = await app.RegisterAsync();
        var marker = Guid.NewGuid().ToString("N");
        var payload = JsonSerializer.Serialize(new OutboxProbe { TenantId = tenant.TenantId, OccurredAt = DateTimeOffset.UtcNow, Marker = marker }, Outbox.Json);

        await ExecuteAsync("""
            INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload) VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb)
            """, tenant.TenantId, typeof(OutboxProbe).AssemblyQualifiedName!, typeof(OutboxProbeHandler).FullName!, payload);
        await DeliverAsync();

        OutboxProbeHandler.Handled.GetValueOrDefault(marker).ShouldBe(1);
    }

    [Test]
    public async Task A_row_that_used_every_attempt_is_dead_listed_for_platform_admins_only_and_retried_on_request()
    {
        var tenant = await app.RegisterAsync();
        var operatorAccount = await app.RegisterAsync(email: $"operator-{Guid.NewGuid():N}@example.com");
        await ExecuteAsync("UPDATE users.users SET is_platform_admin = true WHERE email = $1", operatorAccount.Email);
        var admin = await app.LoginAsync(operatorAccount.Email, operatorAccount.Password);
        var marker = Guid.NewGuid().ToString("N");
        await AddAsync(tenant.TenantId, new OutboxProbe { TenantId = tenant.TenantId, OccurredAt = DateTimeOffset.UtcNow, Marker = marker, Fails = true });
        var id = await ScalarAsync<Guid>("SELECT id FROM platform_events.outbox WHERE payload->>'marker' = $1", marker);

        for (var attempt = 0; attempt < OutboxApp.MaxAttempts; attempt++)
        {
            await ExecuteAsync("UPDATE platform_events.outbox SET next_attempt_at = clock_timestamp() WHERE id = $1", id);
            await DeliverAsync();
        }
        await ExecuteAsync("UPDATE platform_events.outbox SET next_attempt_at = clock_timestamp() WHERE id = $1", id);
        await DeliverAsync();
        var attempts = await ScalarAsync<int>("SELECT attempts FROM platform_events.outbox WHERE id = $1", id);
        var dead = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/operations/outbox/dead?pageSize=100");
        var asOwner = await tenant.Client.GetAsync("/api/v1/operations/outbox/dead");
        var retried = await admin.Client.PostAsync($"/api/v1/operations/outbox/{id}/retry", null);
        var retriedAgain = await admin.Client.PostAsync($"/api/v1/operations/outbox/{id}/retry", null);

        attempts.ShouldBe(OutboxApp.MaxAttempts);
        var row = dead.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        row.GetProperty("eventType").GetString().ShouldBe("tests.outbox_probe");
        row.GetProperty("lastError").GetString().ShouldBe("probe failure " + marker);
        row.GetProperty("tenantId").GetGuid().ShouldBe(tenant.TenantId);
        asOwner.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        retried.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ScalarAsync<int>("SELECT attempts FROM platform_events.outbox WHERE id = $1", id)).ShouldBe(0);
        retriedAgain.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await retriedAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Test]
    public async Task Delivered_rows_older_than_the_retention_are_purged_and_nothing_else()
    {
        var tenant = await app.RegisterAsync();
        var (old, recent, pending) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync("""
            INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload, processed_at, created_at) VALUES
                ($1, $4, 'tests.outbox_probe', 'h', '{}', clock_timestamp() - interval '8 days', clock_timestamp() - interval '8 days'),
                ($2, $4, 'tests.outbox_probe', 'h', '{}', clock_timestamp() - interval '6 days', clock_timestamp() - interval '8 days'),
                ($3, $4, 'tests.outbox_probe', 'h', '{}', NULL, clock_timestamp() - interval '30 days')
            """, old, recent, pending, tenant.TenantId);
        await ExecuteAsync("UPDATE platform_events.outbox SET attempts = 1000 WHERE id = $1", pending);

        var deleted = await Processor().PurgeDeliveredAsync(CancellationToken.None);
        var left = await ScalarAsync<Guid[]>("SELECT array_agg(id) FROM platform_events.outbox WHERE id = ANY($1)", new[] { old, recent, pending });

        deleted.ShouldBeGreaterThanOrEqualTo(1);
        left.ShouldBe([recent, pending], ignoreOrder: true);
    }

    [Test]
    public void Every_integration_event_of_the_application_has_a_name_of_its_own()
    {
        var application = IntegrationEventTypes.ProjectAssemblies().Where(a => !a.GetName().Name!.EndsWith(".Tests", StringComparison.Ordinal)).ToList();

        var index = IntegrationEventTypes.Index(application);

        index.Values.ShouldContain(typeof(Platform.Posts.Contracts.PostTargetPublished));
        index.Values.ShouldBe(IntegrationEventTypes.EventTypes(application), ignoreOrder: true);
        Should.Throw<InvalidOperationException>(() => IntegrationEventTypes.NameOf(typeof(Unnamed))).Message.ShouldContain("IntegrationEventName");
        Should.Throw<InvalidOperationException>(() => IntegrationEventTypes.Resolve("tests.no_such_event"));
    }

    [Test]
    public void A_host_with_an_invalid_outbox_setting_does_not_start_and_names_it()
    {
        using var broken = new PlatformApp(new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "0" });

        Should.Throw<Exception>(() => broken.CreateClient()).ToString().ShouldContain("Outbox:MaxAttempts");
    }

    private sealed record Unnamed : IntegrationEvent;

    private OutboxProcessor Processor() => ActivatorUtilities.CreateInstance<OutboxProcessor>(app.Services);

    private Task DeliverAsync() => Processor().ProcessBatchAsync(500, CancellationToken.None);

    private Task AddAsync(Guid tenantId, OutboxProbe probe) =>
        app.Services.GetRequiredService<IServiceScopeFactory>().RunAsync(tenantId, async services =>
        {
            await services.GetRequiredService<Outbox>().AddAsync([probe], CancellationToken.None);
            return true;
        }, CancellationToken.None);

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(p => new NpgsqlParameter { Value = p }).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(p => new NpgsqlParameter { Value = p }).ToArray());
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The host with the probe's handler, no background delivery (the tests drive it) and few attempts.</summary>
    private sealed class OutboxApp() : PlatformApp(new Dictionary<string, string?>
    {
        ["Outbox:ProcessorEnabled"] = "false",
        ["Outbox:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    {
        public const int MaxAttempts = 2;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<IIntegrationEventHandler<OutboxProbe>, OutboxProbeHandler>());
        }
    }
}
