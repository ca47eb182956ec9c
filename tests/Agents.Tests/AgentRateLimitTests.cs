using System.Net;
using Shouldly;

namespace Platform.Agents.Tests;

/// <summary>An agent's key counts against its per-minute limit at <c>/mcp</c> as at the REST API.</summary>
public sealed class AgentRateLimitTests : AgentFixture
{
    private const int PermitsPerMinute = 10;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["RateLimiting:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Requests_over_the_keys_limit_are_answered_429_with_Retry_After()
    {
        var (_, key) = await Owner.CreateKeyAsync("posts:read");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= PermitsPerMinute; i++)
        {
            var response = await InitializeAsync(key);
            statuses.Add(response.StatusCode);
            refused = response;
        }

        statuses.Take(PermitsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Last().ShouldBe(HttpStatusCode.TooManyRequests);
        refused!.Headers.RetryAfter.ShouldNotBeNull();
    }
}
