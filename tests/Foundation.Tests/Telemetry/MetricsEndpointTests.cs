using System.Net;
using System.Net.Http.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>
/// /metrics as Prometheus reads it, from a host on a loopback socket after real work: requests, a mail job, the outbox,
/// an AI request, the database pool and the publish queue all show as series with their labels.
/// </summary>
public sealed class MetricsEndpointTests
{
    private PlatformApp app = null!;
    private HttpClient scraper = null!;

    [OneTimeSetUp]
    public void Start() => (app, scraper) = MetricsScraping.StartOnLoopback();

    [OneTimeTearDown]
    public async Task Stop()
    {
        scraper.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task Requests_show_by_route_and_status_with_latency_histograms()
    {
        await app.RegisterAsync();

        var samples = await scraper.ScrapeAsync();

        var registered = samples.Where(s => s.Name == "http_server_request_duration_seconds_count"
            && s.Has("http_route", "/api/v1/auth/register") && s.Has("http_response_status_code", "202") && s.Has("http_request_method", "POST")).ToList();
        registered.ShouldHaveSingleItem().Value.ShouldBeGreaterThanOrEqualTo(1);
        samples.ShouldContain(s => s.Name == "http_server_request_duration_seconds_bucket" && s.Has("http_route", "/api/v1/auth/login") && s.Has("le", "+Inf"));
    }

    [Test]
    public async Task A_mail_job_and_its_outbox_event_show_with_their_outcomes()
    {
        var owner = await app.RegisterAsync();
        var invited = await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = $"invited-{Guid.NewGuid():N}@example.com", role = "editor" });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());

        var samples = await scraper.ScrapeUntilAsync(
            s => s.Name == "platform_jobs_executions_total" && s.Has("job", "SendMailJob.SendAsync") && s.Has("outcome", "succeeded"), "mail job run");

        samples.ShouldContain(s => s.Name == "platform_outbox_deliveries_total" && s.Has("outcome", "handled") && s.Value >= 1);
        samples.ShouldContain(s => s.Name == "platform_outbox_lag_seconds_count" && s.Labels.ContainsKey("event_type") && s.Value >= 1);
        samples.ShouldContain(s => s.Name == "platform_outbox_lag_seconds_bucket" && s.Has("le", "+Inf"));
    }

    [Test]
    public async Task An_ai_request_shows_its_tokens_cost_and_status_by_provider()
    {
        var owner = await app.RegisterAsync();
        // AI asks only which platforms are connected, so the account's token is never read.
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO social_accounts.accounts (id, tenant_id, platform, external_id, display_name, status, access_token_cipher, key_id, connected_by)
            VALUES (gen_random_uuid(), $1, 'instagram', gen_random_uuid()::text, 'Cafe', 'active', 'never-decrypted', 'dev', $2)
            """, owner.TenantId, owner.UserId);
        var answered = await owner.Client.PostAsJsonAsync("/api/v1/ai/hashtags", new { text = "Morning cortado by the river", platforms = new[] { "instagram" } });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());

        var samples = await scraper.ScrapeAsync();

        samples.ShouldContain(s => s.Name == "platform_ai_requests_total" && s.Has("provider", "offline") && s.Has("status", "completed") && s.Value >= 1);
        samples.ShouldContain(s => s.Name == "platform_ai_tokens_total" && s.Has("provider", "offline") && s.Has("direction", "input") && s.Value > 0);
        samples.ShouldContain(s => s.Name == "platform_ai_cost_USD_total" && s.Has("provider", "offline"));
    }

    [Test]
    public async Task The_database_pool_and_the_publish_queue_show_as_gauges()
    {
        await app.RegisterAsync();

        var samples = await scraper.ScrapeAsync();

        samples.ShouldContain(s => s.Name == "db_client_connection_count" && s.Has("db_client_connection_state", "idle"));
        samples.ShouldContain(s => s.Name == "db_client_connection_max");
        samples.ShouldContain(s => s.Name == "platform_publishing_queue_depth");
        samples.ShouldContain(s => s.Name == "platform_publishing_queue_due_unclaimed");
        samples.ShouldContain(s => s.Name == "platform_publishing_queue_oldest_due_lateness_seconds");
    }
}
