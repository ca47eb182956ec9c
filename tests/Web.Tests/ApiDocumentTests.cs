using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Web.Tests;

/// <summary>
/// The OpenAPI document the host serves, as integrators meet it: Redocly CLI's recommended rules find no error in it, and
/// a client generated from it (openapi-typescript's types and openapi-fetch, src/Web/api-tests) calls the API with a key.
/// </summary>
[NonParallelizable]
public sealed class ApiDocumentTests
{
    private PlatformApp app = null!;
    private string baseUrl = null!;

    [OneTimeSetUp]
    public void Start()
    {
        var port = NodeCommands.FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        app = new PlatformApp();
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task The_served_document_passes_the_recommended_lint_rules_without_errors()
    {
        using var http = new HttpClient();
        var document = Path.Combine(Path.GetTempPath(), $"platform-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await http.GetStringAsync(baseUrl + "/swagger/v1/swagger.json"));
        try
        {
            // Without a configuration Redocly applies its recommended rules; it exits 1 on any error (warnings pass).
            await NodeCommands.RunAsync("npm", ["run", "--silent", "api:lint", "--", document], new Dictionary<string, string>());
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Test]
    public async Task The_served_document_names_each_operations_scope_and_both_bearer_schemes()
    {
        using var http = new HttpClient();
        var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/swagger/v1/swagger.json")).RootElement;

        document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name).ShouldBe(["Bearer", "ApiKey"], ignoreOrder: true);
        var listPosts = document.GetProperty("paths").GetProperty("/api/v1/posts").GetProperty("get");
        listPosts.GetProperty("x-required-scope").GetString().ShouldBe("posts:read");
        listPosts.GetProperty("description").GetString()!.ShouldContain("posts:read");
        listPosts.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ShouldBe(["Bearer", "ApiKey"]);
        var createKey = document.GetProperty("paths").GetProperty("/api/v1/api-keys").GetProperty("post");
        createKey.TryGetProperty("x-required-scope", out _).ShouldBeFalse();
        createKey.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ShouldBe(["Bearer"]);
        document.GetProperty("paths").GetProperty("/api/v1/auth/login").GetProperty("post").GetProperty("security").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public Task A_generated_client_calls_the_API_with_a_key() =>
        NodeCommands.RunAsync("npm", ["run", "--silent", "test:api"], new Dictionary<string, string> { ["PLATFORM_API_URL"] = baseUrl });
}
