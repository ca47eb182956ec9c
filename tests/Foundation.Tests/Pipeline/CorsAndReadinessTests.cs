using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Pipeline;

public sealed class CorsAndReadinessTests
{
    [Test]
    public async Task A_configured_origin_may_call_the_api_from_a_browser_and_another_may_not()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["Cors:Origins:0"] = "https://app.example" });
        using var client = app.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://app.example"));
        var refused = await client.SendAsync(Preflight("https://evil.example"));

        allowed.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://app.example"]);
        refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Test]
    public async Task Readiness_answers_503_when_redis_is_down_while_liveness_stays_up()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200" });
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("\"redis\":\"Unhealthy\"");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/me");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }
}
