using System.Net;
using System.Text.Json;
using Platform.SharedKernel.Modules;
using Platform.TestKit;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Foundation.Tests.Pipeline;

public sealed class HostTests
{
    private PlatformApp app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        app = new PlatformApp();
        client = app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public void The_host_loads_all_thirteen_modules()
    {
        var modules = app.Services.GetRequiredService<IReadOnlyList<IModule>>();

        modules.Select(m => m.Name).ShouldBe(
            ["agents", "ai", "analytics", "api_keys", "audit", "billing", "media", "posts", "social_accounts", "tenants", "notifications", "users", "webhooks"], ignoreOrder: true);
    }

    [Test]
    public async Task Liveness_and_readiness_answer_healthy_when_postgres_and_redis_are_up()
    {
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("checks").GetProperty("postgresql").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("redis").GetString().ShouldBe("Healthy");
    }

    [Test]
    public async Task An_unknown_route_answers_404_problem_details_with_the_correlation_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.Add("X-Correlation-Id", "test-correlation-0001");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.GetValues("X-Correlation-Id").ShouldBe(["test-correlation-0001"]);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("correlationId").GetString().ShouldBe("test-correlation-0001");
    }

    [Test]
    public async Task The_openapi_document_is_served()
    {
        var response = await client.GetAsync("/swagger/v1/swagger.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Every_answer_carries_the_security_headers()
    {
        var response = await client.GetAsync("/api/v1/no-such-thing");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
    }
}
