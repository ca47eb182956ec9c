using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Data;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>
/// A host with a small pool (12 connections, 4 kept for background work) and a slow AI provider: AI requests hold no
/// connection while the provider answers, a saturated pool answers 503 with Retry-After at once instead of a 15 s wait
/// and a 500, background work keeps its connections, and every tenant is charged exactly what it got answers for.
/// </summary>
public sealed class ConnectionSaturationTests
{
    private const int PoolSize = 12;
    private const int BackgroundReserve = 4;
    private const string ChatPath = "/v1/chat/completions";
    private static readonly TimeSpan ProviderDelay = TimeSpan.FromSeconds(2);

    private FakeProviderServer openAi = null!;
    private AiApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        openAi = await FakeProviderServer.StartAsync();
        openAi.Default(ChatPath, request => ProviderBodies.OpenAiChat("#slow #brew", 100, 10) with { Delay = ProviderDelay });
        app = new AiApp(new Dictionary<string, string?>
        {
            ["AI:OpenAI:ApiKey"] = "sk-test-openai",
            ["AI:OpenAI:BaseUrl"] = openAi.BaseUrl + "/v1",
            ["AI:Prices:gpt-4o-mini:InputPerMillion"] = "0.15",
            ["AI:Prices:gpt-4o-mini:OutputPerMillion"] = "0.6",
            ["AI:Resilience:MinimumThroughput"] = "1000",
            ["AI:Resilience:TimeoutSeconds"] = "30",
            ["AI:Moderation:Provider"] = "local",
            ["Database:Requests:BackgroundReserve"] = BackgroundReserve.ToString(),
            ["Database:Requests:WaitMilliseconds"] = "1000",
        }, maxPoolSize: PoolSize);
        _ = app.Services;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await openAi.DisposeAsync();
    }

    [Test]
    public async Task Far_more_concurrent_ai_requests_than_connections_all_answer_and_each_tenant_pays_for_what_it_got()
    {
        var tenants = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            tenants.Add(await app.CreateTenantAsync());
        }
        var clients = tenants.ToDictionary(t => t, t => app.ClientFor(t));
        var warmUp = await app.CreateTenantAsync();
        (await app.ClientFor(warmUp).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Warm-up drip", platforms = new[] { "instagram" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var load = Task.WhenAll(Enumerable.Range(0, 80).Select(async i =>
        {
            var tenant = tenants[i % tenants.Count];
            var clock = Stopwatch.StartNew();
            var response = await clients[tenant].PostJsonAsync("/api/v1/ai/hashtags", new { text = $"Concurrent pour-over number {i:00}", platforms = new[] { "instagram" } });
            return (Tenant: tenant, Response: response, Elapsed: clock.Elapsed);
        }));
        // While every request waits on the slow provider, background work still gets a connection at once.
        await Task.Delay(ProviderDelay / 2);
        var background = Stopwatch.StartNew();
        var tenantCount = await app.Services.GetRequiredService<IServiceScopeFactory>().RunAsync(tenants[0], async services =>
        {
            await using var command = await services.GetRequiredService<DbSession>().CreateCommandAsync("SELECT count(*) FROM tenants.tenants");
            return (long)(await command.ExecuteScalarAsync())!;
        }, CancellationToken.None);
        background.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        tenantCount.ShouldBe(1L);
        (await clients[tenants[0]].GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = await load;

        foreach (var (_, response, elapsed) in results.Where(r => r.Response.StatusCode != HttpStatusCode.OK))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
            response.Headers.RetryAfter.ShouldNotBeNull();
            elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        }
        // Had each request held a connection through the provider call, no more than the pool could have been answered.
        results.Count(r => r.Response.StatusCode == HttpStatusCode.OK).ShouldBeGreaterThan(PoolSize);
        foreach (var tenant in tenants)
        {
            var answered = 0m;
            foreach (var (_, response, _) in results.Where(r => r.Tenant == tenant && r.Response.StatusCode == HttpStatusCode.OK))
            {
                answered += (await response.JsonAsync()).GetProperty("costUsd").GetDecimal();
            }
            (await app.UsageAsync(tenant)).ShouldBe(answered);
            (await app.ScalarAsync(tenant, "SELECT count(*) FROM ai.ai_requests WHERE status = 'PENDING'")).ShouldBe(0L);
        }
    }

    [Test]
    public async Task When_the_request_slots_are_taken_a_request_gets_503_with_retry_after_within_its_short_wait()
    {
        var tenant = await app.CreateTenantAsync();
        var admission = app.Services.GetRequiredService<RequestConnectionAdmission>();
        admission.Slots.ShouldBe(PoolSize - BackgroundReserve);
        var held = new List<IDisposable>();
        for (var i = 0; i < admission.Slots; i++)
        {
            held.Add(await admission.EnterAsync(CancellationToken.None));
        }
        try
        {
            var clock = Stopwatch.StartNew();
            var response = await app.ClientFor(tenant).GetAsync("/api/v1/ai/requests");

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
            var problem = await response.JsonAsync();
            problem.GetProperty("title").GetString().ShouldBe("Service busy");
            problem.GetProperty("status").GetInt32().ShouldBe(503);

            // Background work is not counted against the request slots.
            var background = await app.Services.GetRequiredService<IServiceScopeFactory>().RunAsync(tenant, _ => Task.FromResult(true), CancellationToken.None);
            background.ShouldBeTrue();
        }
        finally
        {
            held.ForEach(slot => slot.Dispose());
        }
        (await app.ClientFor(tenant).GetAsync("/api/v1/ai/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task When_the_pool_itself_is_exhausted_a_request_gets_503_within_its_short_wait_not_the_pool_timeout()
    {
        var tenant = await app.CreateTenantAsync();
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var taken = new List<NpgsqlConnection>();
        try
        {
            // Whatever the host holds already (listeners) plus these: every connection of the pool.
            for (var i = 0; i < PoolSize; i++)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                try
                {
                    taken.Add(await dataSource.OpenConnectionAsync(quick.Token));
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            var clock = Stopwatch.StartNew();
            var response = await app.ClientFor(tenant).GetAsync("/api/v1/ai/requests");

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
        }
        finally
        {
            foreach (var connection in taken)
            {
                await connection.DisposeAsync();
            }
        }
        (await app.ClientFor(tenant).GetAsync("/api/v1/ai/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
