using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.TestKit;
using Shouldly;

namespace Platform.Web.Tests;

/// <summary>
/// The host serves a built web app at / beside the API: files, client-side routes, caching and CSP. Runs against a
/// small app of its own, so it needs no npm build.
/// </summary>
public sealed class WebAppHostingTests
{
    private const string IndexHtml = "<!doctype html><title>app</title><script type=\"module\" src=\"/assets/index-Ab12Cd34.js\"></script>";
    private string root = null!;
    private PlatformApp app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        root = Directory.CreateTempSubdirectory("platform-web-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(root, "assets", "index-Ab12Cd34.js"), "console.log('app')");
        app = new PlatformApp(new Dictionary<string, string?> { ["WebApp:RootPath"] = root });
        client = app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await app.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [TestCase("/")]
    [TestCase("/accounts")]
    [TestCase("/posts/2026/calendar")]
    public async Task The_app_and_its_client_side_routes_answer_index_html_revalidated_every_time(string path)
    {
        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(IndexHtml);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        response.Headers.CacheControl.MaxAge.ShouldBeNull();
    }

    [Test]
    public async Task Hashed_assets_are_cached_for_a_year_as_immutable()
    {
        var response = await client.GetAsync("/assets/index-Ab12Cd34.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
    }

    [TestCase("/")]
    [TestCase("/sign-in")]
    [TestCase("/assets/index-Ab12Cd34.js")]
    public async Task The_app_may_load_only_from_its_own_origin(string path)
    {
        var response = await client.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        directives["default-src"].ShouldBe(["'self'"]);
        directives["script-src"].ShouldBe(["'self'"]);
        directives["style-src"].ShouldBe(["'self'"]);
        directives["connect-src"].ShouldBe(["'self'"]);
        directives["object-src"].ShouldBe(["'none'"]);
        directives["frame-ancestors"].ShouldBe(["'none'"]);
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
    }

    [TestCase("/api/v1/no-such-thing")]
    [TestCase("/api/v2/accounts")]
    [TestCase("/assets/missing-Zz99.js")]
    [TestCase("/health/nothing")]
    public async Task Unknown_api_routes_and_missing_files_stay_404_problems(string path)
    {
        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Test]
    public async Task The_host_keeps_answering_its_own_paths()
    {
        var health = await client.GetAsync("/health/live");
        var document = await client.GetAsync("/swagger/v1/swagger.json");
        var api = await client.GetAsync("/api/v1/me");

        health.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.GetProperty("paths").EnumerateObject().ShouldNotBeEmpty();
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; frame-ancestors 'none'");
    }

    [Test]
    public async Task A_post_to_an_app_route_is_not_answered_with_the_app()
    {
        var response = await client.PostAsync("/accounts", new StringContent(""));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<!doctype html>");
    }

    [Test]
    public async Task A_web_root_without_index_html_stops_the_host_naming_the_setting()
    {
        var empty = Directory.CreateTempSubdirectory("platform-web-empty-").FullName;
        try
        {
            await using var broken = new PlatformApp(new Dictionary<string, string?>
            {
                ["WebApp:RootPath"] = empty,
                ["Migrations:ApplyOnStartup"] = "false",
            });

            Should.Throw<OptionsValidationException>(() => broken.CreateClient()).Message.ShouldContain("WebApp:RootPath");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
