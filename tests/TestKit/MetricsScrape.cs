using System.Net;
using System.Net.Http.Headers;
using Shouldly;

namespace Platform.TestKit;

/// <summary>Reads a host's /metrics as Prometheus would, optionally with the scrape's bearer secret.</summary>
public static class MetricsScrape
{
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(this HttpClient client, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return PrometheusSample.Parse(text);
    }

    /// <summary>Scrapes until a sample matches: background work (the outbox, jobs, the dispatcher) records after the request that caused it.</summary>
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeUntilAsync(
        this HttpClient client, Func<PrometheusSample, bool> wanted, string what, string? bearer = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var samples = await client.ScrapeAsync(bearer);
            if (samples.Any(wanted))
            {
                return samples;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"No {what} in 60 s of scrapes; the series were:\n{string.Join('\n', samples.Select(s => s.Name).Distinct())}");
            }
            await Task.Delay(250);
        }
    }
}
