using System.Net;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>An OpenAI-compatible server as the routed provider, with the offline provider as the captions' fallback.</summary>
internal static class CompatibleSetup
{
    public const string ChatPath = "/v1/chat/completions";

    public static async Task<(FakeProviderServer Server, AiApp App)> StartAsync(int breakerMinimumThroughput)
    {
        var compatible = await FakeProviderServer.StartAsync();
        var app = new AiApp(new Dictionary<string, string?>
        {
            ["AI:Compatible:ApiKey"] = "local-key",
            ["AI:Compatible:BaseUrl"] = compatible.BaseUrl + "/v1",
            ["AI:Compatible:Models:Caption"] = "llama-3.3-70b",
            ["AI:Compatible:Models:Hashtags"] = "llama-3.3-70b",
            ["AI:Routing:Caption"] = "compatible",
            ["AI:Routing:Hashtags"] = "compatible",
            ["AI:Fallback:Caption"] = "offline",
            ["AI:Fallback:Hashtags"] = "",
            ["AI:Resilience:MaxRetries"] = "0",
            ["AI:Resilience:TimeoutSeconds"] = "1",
            ["AI:Resilience:FailureRatio"] = "0.5",
            ["AI:Resilience:MinimumThroughput"] = breakerMinimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AI:Resilience:BreakSeconds"] = "60",
            ["AI:Cache:WindowSeconds"] = "0",
        });
        _ = app.Services;
        return (compatible, app);
    }
}

/// <summary>Calls, failures and timeouts of an OpenAI-compatible provider (its circuit never opens here).</summary>
public sealed class ResilienceTests
{
    private const string ChatPath = CompatibleSetup.ChatPath;

    private FakeProviderServer compatible = null!;
    private AiApp app = null!;

    [OneTimeSetUp]
    public async Task Start() => (compatible, app) = await CompatibleSetup.StartAsync(breakerMinimumThroughput: 1000);

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await compatible.DisposeAsync();
    }

    [Test]
    public async Task An_openai_compatible_server_is_called_by_its_base_url_with_its_own_key_and_model()
    {
        compatible.Reset();
        compatible.Script(ChatPath, ProviderBodies.OpenAiChat("#espresso #crema", 30, 5, model: "llama-3.3-70b"));
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Espresso crema", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sent = compatible.On(ChatPath).Single();
        sent.Headers["authorization"].ShouldBe("Bearer local-key");
        sent.Json.GetProperty("model").GetString().ShouldBe("llama-3.3-70b");
        var result = await response.JsonAsync();
        result.GetProperty("provider").GetString().ShouldBe("compatible");
        result.GetProperty("output").GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["#espresso", "#crema"]);
    }

    [Test]
    public async Task With_the_cache_window_at_zero_an_identical_request_is_generated_and_charged_again()
    {
        compatible.Reset();
        compatible.Default(ChatPath, _ => ProviderBodies.OpenAiChat("#same", 10, 2, model: "llama-3.3-70b"));
        var tenant = await app.CreateTenantAsync();
        var ask = new { text = "Same question twice", platforms = new[] { "instagram" } };

        await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", ask);
        var second = await (await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", ask)).JsonAsync();

        compatible.On(ChatPath).Count().ShouldBe(2);
        second.GetProperty("cached").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Without_a_fallback_a_failing_provider_is_a_502_that_costs_nothing()
    {
        compatible.Reset();
        compatible.Script(ChatPath, ProviderBodies.OpenAiError(503, "service_unavailable_error", "server_is_overloaded"));
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Overloaded mocha", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.JsonAsync()).GetProperty("provider").GetString().ShouldBe("compatible");
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task A_provider_slower_than_the_timeout_is_abandoned_for_the_fallback()
    {
        compatible.Reset();
        compatible.Script(ChatPath, ProviderBodies.OpenAiChat("Too late", 10, 10) with { Delay = TimeSpan.FromSeconds(10) });
        var tenant = await app.CreateTenantAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Slow brew. Worth the wait.", platforms = new[] { "x" }, variants = 1 });

        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9));
        // Well under the provider's 10 s: its answer was not waited for (the margin absorbs a loaded machine).
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(7));
        compatible.On(ChatPath).Count().ShouldBe(1);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("provider").GetString().ShouldBe("offline");
    }

}

/// <summary>The circuit breaker: after enough failures the provider is not called at all for a while.</summary>
public sealed class CircuitBreakerTests
{
    private const string ChatPath = CompatibleSetup.ChatPath;

    private FakeProviderServer compatible = null!;
    private AiApp app = null!;

    [OneTimeSetUp]
    public async Task Start() => (compatible, app) = await CompatibleSetup.StartAsync(breakerMinimumThroughput: 2);

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await compatible.DisposeAsync();
    }

    [Test]
    public async Task After_repeated_failures_the_circuit_opens_and_the_provider_is_not_called()
    {
        compatible.Reset();
        compatible.Default(ChatPath, _ => ProviderBodies.OpenAiError(500, "server_error", null));
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostJsonAsync("/api/v1/ai/captions", new { prompt = $"Failing server, attempt {i}.", platforms = new[] { "x" }, variants = 1 });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.JsonAsync()).GetProperty("provider").GetString().ShouldBe("offline");
        }

        // Two failures reach the minimum throughput at a 100% failure ratio: the circuit opens and the
        // fallback answers the next requests without the server being called.
        compatible.On(ChatPath).Count().ShouldBe(2);
    }
}
