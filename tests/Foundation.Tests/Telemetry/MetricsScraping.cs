using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>A host served on a real loopback socket (so callers have an address) and a plain client for /metrics.</summary>
internal static class MetricsScraping
{
    public static (PlatformApp App, HttpClient Client) StartOnLoopback(Dictionary<string, string?>? settings = null)
    {
        var app = new PlatformApp(settings);
        app.UseKestrel(0);
        app.StartServer();
        return (app, new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.ClientOptions.BaseAddress });
    }

    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return PrometheusSample.Parse(text);
    }

    /// <summary>Scrapes until a sample matches: background work (the outbox, jobs) records after the request that caused it.</summary>
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeUntilAsync(this HttpClient client, Func<PrometheusSample, bool> wanted, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var samples = await client.ScrapeAsync();
            if (samples.Any(wanted))
            {
                return samples;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"No {what} in 60 s of scrapes; the last had:\n{string.Join('\n', samples.Select(s => s.Name).Distinct())}");
            }
            await Task.Delay(250);
        }
    }
}
