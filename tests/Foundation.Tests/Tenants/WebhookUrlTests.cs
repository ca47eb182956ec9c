using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Tenants;

/// <summary>
/// The webhook URL is where the platform will post, so saving one that leads into the platform's own network answers 400
/// with the reason and keeps the URL already stored.
/// </summary>
public sealed class WebhookUrlTests
{
    private const string StoredUrl = "https://93.184.215.14/hooks";
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = "127.0.0.1:5099" });
        owner = await app.RegisterAsync();
        (await SaveAsync(StoredUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public Task Stop() => app.DisposeAsync().AsTask();

    [TestCase("https://127.0.0.1:55432/", "Port 55432 is not allowed")]
    [TestCase("https://169.254.169.254/latest/meta-data/iam/", "169.254.169.254 is a link-local address")]
    [TestCase("https://[::1]/", "::1 is a loopback address")]
    [TestCase("https://localhost/", "a loopback address")]
    [TestCase("https://10.0.0.1/", "10.0.0.1 is a private network address")]
    [TestCase("https://0.0.0.0/", "0.0.0.0 is an unspecified address")]
    [TestCase("https://2130706433/", "127.0.0.1 is a loopback address")]
    [TestCase("https://127.1/", "127.0.0.1 is a loopback address")]
    [TestCase("https://[::ffff:127.0.0.1]/", "a loopback address")]
    [TestCase("https://[fd12:3456::1]/", "an IPv6 unique local address")]
    [TestCase("https://100.64.1.1/", "a carrier-grade NAT address")]
    [TestCase("https://user:secret@93.184.215.14/", "must not contain a user name or password")]
    [TestCase("http://93.184.215.14/hooks", "must be an https URL")]
    [TestCase("https://93.184.215.14:8443/hooks", "Port 8443 is not allowed")]
    public async Task A_url_into_our_own_network_answers_400_naming_the_reason_and_keeps_the_stored_one(string url, string reason)
    {
        var response = await SaveAsync(url);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("Settings.WebhookUrl")[0].GetString();
        message.ShouldStartWith("The webhook URL is refused: ");
        message.ShouldContain(reason);
        (await StoredWebhookUrlAsync()).ShouldBe(StoredUrl);
    }

    [Test]
    public async Task A_public_address_is_saved()
    {
        (await SaveAsync("https://[2606:4700:4700::1111]/hooks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredWebhookUrlAsync()).ShouldBe("https://[2606:4700:4700::1111]/hooks");
        (await SaveAsync(StoredUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_allowed_host_may_be_loopback_on_its_configured_port()
    {
        var other = await app.RegisterAsync();

        var response = await other.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "UTC", locale = "en-US", webhookUrl = "https://127.0.0.1:5099/hooks" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await other.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant")).GetProperty("settings").GetProperty("webhookUrl").GetString()
            .ShouldBe("https://127.0.0.1:5099/hooks");
    }

    private Task<HttpResponseMessage> SaveAsync(string url) =>
        owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "UTC", locale = "en-US", webhookUrl = url } });

    private async Task<string?> StoredWebhookUrlAsync() =>
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/tenant")).GetProperty("settings").GetProperty("webhookUrl").GetString();
}
