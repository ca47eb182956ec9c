using System.Net;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>A generated image the media library will not take is not an answer the tenant got, so it is not charged.</summary>
public sealed class ImageLibraryTests
{
    private AiApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new AiApp(new Dictionary<string, string?>
    {
        ["AI:Prices:offline-svg-v1:PerImage"] = "0.05",
        // The library is full before it starts.
        ["Media:MaxFiles"] = "0",
    });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task An_image_the_library_refuses_fails_the_request_saying_why_and_costs_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var accepted = await client.PostJsonAsync("/api/v1/ai/images", new { prompt = "A lighthouse at dusk" });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var done = await client.PollAsync(accepted.Headers.Location!.ToString());
        done.GetProperty("status").GetString().ShouldBe("Failed");
        done.GetProperty("error").GetString()!.ShouldContain("media library");
        done.GetProperty("costUsd").GetDecimal().ShouldBe(0m);
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }
}
