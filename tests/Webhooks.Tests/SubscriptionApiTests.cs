using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>Creating, reading, changing and removing subscriptions; bad input answers 400 and stores nothing; another tenant sees nothing.</summary>
public sealed class SubscriptionApiTests
{
    private const string PublicUrl = "https://93.184.215.14/hooks";
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp();
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public Task Stop() => app.DisposeAsync().AsTask();

    [Test]
    public async Task A_subscription_is_created_with_a_secret_shown_once_then_read_changed_and_deleted()
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, eventTypes = new[] { "post.published", "post.failed" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("secret").GetString()!.ShouldStartWith("whsec_");
        var id = created.GetProperty("subscription").GetProperty("id").GetGuid();
        var read = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}");
        read.GetProperty("url").GetString().ShouldBe(PublicUrl);
        read.GetProperty("active").GetBoolean().ShouldBeTrue();
        read.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["post.published", "post.failed"], ignoreOrder: true);
        read.TryGetProperty("secret", out _).ShouldBeFalse();

        var changed = await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { eventTypes = new[] { "account.needs_reconnect" }, active = false });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var after = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}");
        after.GetProperty("active").GetBoolean().ShouldBeFalse();
        after.GetProperty("url").GetString().ShouldBe(PublicUrl);
        after.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["account.needs_reconnect"]);
        (await owner.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/webhooks"))!.Select(s => s.GetProperty("id").GetGuid()).ShouldContain(id);

        (await owner.Client.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.Client.GetAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [TestCase("not a url", "post.published", "Url")]
    [TestCase("http://93.184.215.14/hooks", "post.published", "Url")]
    [TestCase("https://127.1/", "post.published", "Url")]
    [TestCase("https://[::1]/", "post.published", "Url")]
    [TestCase("https://169.254.169.254/latest/meta-data/", "post.published", "Url")]
    [TestCase("https://10.0.0.1/hooks", "post.published", "Url")]
    [TestCase(PublicUrl, "post.exploded", "EventTypes")]
    public async Task Bad_input_answers_400_naming_the_field_and_stores_nothing(string url, string eventType, string field)
    {
        var client = (await app.RegisterAsync()).Client;

        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { eventType } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/webhooks"))!.ShouldBeEmpty();
    }

    [Test]
    public async Task No_event_types_answer_400()
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, eventTypes = Array.Empty<string>() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_bad_change_answers_400_and_keeps_the_subscription_as_it_was()
    {
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, PublicUrl, "post.published");

        var badUrl = await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "https://[::1]/", active = false });
        var badType = await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { eventTypes = new[] { "post.published", "nope" } });

        badUrl.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var read = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}");
        read.GetProperty("url").GetString().ShouldBe(PublicUrl);
        read.GetProperty("active").GetBoolean().ShouldBeTrue();
        read.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["post.published"]);
    }

    [Test]
    public async Task Another_tenant_can_neither_see_nor_change_a_subscription()
    {
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, PublicUrl, "post.published");
        var stranger = (await app.RegisterAsync()).Client;

        (await stranger.GetAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { active = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/webhooks/{id}/ping", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/webhooks/{id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<JsonElement[]>("/api/v1/webhooks"))!.ShouldBeEmpty();
        (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}")).GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task An_editor_may_not_manage_webhooks()
    {
        var editor = await app.AddUserAsync(owner, "Editor");

        (await editor.Client.GetAsync("/api/v1/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editor.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, eventTypes = new[] { "post.published" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
