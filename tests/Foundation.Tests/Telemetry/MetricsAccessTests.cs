using System.Net;
using System.Net.Http.Headers;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>
/// /metrics refuses callers its options do not allow with a 403 problem. The host trusts its loopback peer as a proxy, so
/// each request names its client in X-Forwarded-For, as a proxy in front of the host would.
/// </summary>
public sealed class MetricsAccessTests
{
    private const string Secret = "scrape-secret-for-the-metrics-tests";

    [Test]
    public async Task Only_configured_networks_may_scrape()
    {
        var (app, client) = MetricsScraping.StartOnLoopback(BehindProxy(new() { ["Telemetry:Metrics:AllowedAddresses:0"] = "10.0.0.0/8" }));
        await using var _ = app;
        using var __ = client;

        (await RequestMetricsAsync(client, forwardedFor: "10.20.30.40")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await RequestMetricsAsync(client, forwardedFor: "203.0.113.7")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Loopback is not in the list, so the host's own address is refused as well.
        await (await RequestMetricsAsync(client, forwardedFor: "127.0.0.1")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task With_a_secret_only_its_bearer_may_scrape()
    {
        var (app, client) = MetricsScraping.StartOnLoopback(BehindProxy(new() { ["Telemetry:Metrics:BearerSecret"] = Secret }));
        await using var _ = app;
        using var __ = client;

        var allowed = await RequestMetricsAsync(client, forwardedFor: "198.51.100.4", bearer: Secret);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await allowed.Content.ReadAsStringAsync()).ShouldContain("# TYPE ");
        await (await RequestMetricsAsync(client, forwardedFor: "198.51.100.4", bearer: Secret + "-not")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await RequestMetricsAsync(client, forwardedFor: "198.51.100.4")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_default_lets_in_the_host_itself_and_nobody_else()
    {
        var (app, client) = MetricsScraping.StartOnLoopback(BehindProxy([]));
        await using var _ = app;
        using var __ = client;

        (await RequestMetricsAsync(client, forwardedFor: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await RequestMetricsAsync(client, forwardedFor: "203.0.113.7")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused.GetProperty("detail").GetString()!.ShouldContain("Telemetry:Metrics:AllowedAddresses");
    }

    [Test]
    public async Task Turned_off_there_is_no_metrics_endpoint()
    {
        var (app, client) = MetricsScraping.StartOnLoopback(new() { ["Telemetry:Enabled"] = "false" });
        await using var _ = app;
        using var __ = client;

        (await RequestMetricsAsync(client, forwardedFor: null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, string?> BehindProxy(Dictionary<string, string?> settings)
    {
        settings["ForwardedHeaders:KnownProxies:0"] = "::1";
        settings["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8";
        return settings;
    }

    private static Task<HttpResponseMessage> RequestMetricsAsync(HttpClient client, string? forwardedFor, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client.SendAsync(request);
    }
}
