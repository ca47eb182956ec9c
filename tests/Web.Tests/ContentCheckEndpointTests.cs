using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Web.Tests;

/// <summary>The composer's live counts and rule problems come from the API's content rules: POST /social-accounts/content-check.</summary>
public sealed class ContentCheckEndpointTests
{
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp();
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Each_platform_counts_the_text_its_own_way()
    {
        // X weighs a URL as 23 and an emoji as 2 (https://docs.x.com/fundamentals/counting-characters); LinkedIn counts characters.
        var text = "Launch day 🚀 https://example.com/a/very/long/path/that/is/longer/than/twenty-three";

        var checks = await CheckAsync(new { platforms = new[] { "X", "LinkedIn" }, text });

        checks["X"].GetProperty("length").GetInt32().ShouldBe("Launch day ".Length + 2 + 1 + 23);
        checks["X"].GetProperty("maxLength").GetInt32().ShouldBe(280);
        checks["LinkedIn"].GetProperty("length").GetInt32().ShouldBe(text.Length - 1);
        checks["LinkedIn"].GetProperty("maxLength").GetInt32().ShouldBe(3000);
        checks["X"].GetProperty("violations").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task A_text_too_long_for_one_platform_is_a_problem_for_that_platform_only()
    {
        var checks = await CheckAsync(new { platforms = new[] { "X", "LinkedIn" }, text = new string('a', 281) });

        var problem = checks["X"].GetProperty("violations").EnumerateArray().Single();
        problem.GetProperty("field").GetString().ShouldBe("text");
        problem.GetProperty("reason").GetString()!.ShouldContain("280");
        checks["LinkedIn"].GetProperty("violations").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task A_check_without_platforms_is_refused_as_a_problem()
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/content-check", new { platforms = Array.Empty<string>(), text = "hi" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Equals("platforms", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<Dictionary<string, JsonElement>> CheckAsync(object request)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/content-check", request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("platform").GetString()!, c => c);
    }
}
