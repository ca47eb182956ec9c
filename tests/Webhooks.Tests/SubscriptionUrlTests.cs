using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>
/// A subscription's URL is where the platform will post, so one that leads into the platform's own network answers 400
/// with the reason, on creation and on change, and nothing is stored or changed.
/// </summary>
public sealed class SubscriptionUrlTests
{
    private const string StoredUrl = "https://93.184.215.14/hooks";
    private PlatformApp app = null!;
    private TestAccount owner = null!;
    private Guid subscriptionId;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = "127.0.0.1:5099" });
        owner = await app.RegisterAsync();
        (subscriptionId, _) = await WebhookApi.SubscribeAsync(owner.Client, StoredUrl, "post.published");
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
    [TestCase("/relative/hooks", "It must be an absolute URL with a host")]
    public async Task A_url_into_our_own_network_answers_400_naming_the_reason_and_nothing_changes(string url, string reason)
    {
        var created = await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "post.published" } });
        var changed = await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{subscriptionId}", new { url });

        foreach (var response in new[] { created, changed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var message = problem.GetProperty("errors").GetProperty("Url")[0].GetString();
            message.ShouldStartWith("The URL is refused: ");
            message.ShouldContain(reason);
        }
        var stored = await owner.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/webhooks");
        stored!.Select(s => s.GetProperty("url").GetString()).ShouldBe([StoredUrl]);
    }

    [Test]
    public async Task A_public_address_is_saved()
    {
        var other = await app.RegisterAsync();

        var (id, _) = await WebhookApi.SubscribeAsync(other.Client, "https://[2606:4700:4700::1111]/hooks", "post.published");

        (await other.Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}")).GetProperty("url").GetString().ShouldBe("https://[2606:4700:4700::1111]/hooks");
    }

    [Test]
    public async Task An_allowed_host_may_be_loopback_on_its_configured_port()
    {
        var other = await app.RegisterAsync();

        var (id, _) = await WebhookApi.SubscribeAsync(other.Client, "https://127.0.0.1:5099/hooks", "post.published");

        (await other.Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}")).GetProperty("url").GetString().ShouldBe("https://127.0.0.1:5099/hooks");
    }
}
