using System.Net.Http.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>Webhook subscriptions and tenant settings: each change recorded with what it was before and after.</summary>
public sealed class SettingsActionsTests
{
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = AuditHost.Start();
        owner = await app.RegisterAsync(tenantName: "Before");
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task A_webhook_created_changed_rotated_and_deleted_is_recorded_without_the_query_of_its_url()
    {
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://93.184.215.14/hooks?token=receiver-token", eventTypes = new[] { "post.published" } })).CreatedAsync();
        var id = created.GetProperty("subscription").GetProperty("id").GetGuid();
        (await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { active = false, eventTypes = new[] { "post.published", "post.failed" } }))
            .EnsureSuccessStatusCode();
        (await owner.Client.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).EnsureSuccessStatusCode();
        (await owner.Client.DeleteAsync($"/api/v1/webhooks/{id}")).EnsureSuccessStatusCode();

        var made = await owner.SingleEntryAsync("webhook.created", id);
        made.Text("resourceType").ShouldBe("webhook");
        made.GetProperty("after").GetProperty("url").GetString().ShouldBe("https://93.184.215.14/hooks");
        made.GetProperty("after").GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["post.published"]);
        var changed = await owner.SingleEntryAsync("webhook.changed", id);
        changed.GetProperty("before").GetProperty("active").GetBoolean().ShouldBeTrue();
        changed.GetProperty("after").GetProperty("active").GetBoolean().ShouldBeFalse();
        changed.GetProperty("after").GetProperty("eventTypes").GetArrayLength().ShouldBe(2);
        (await owner.SingleEntryAsync("webhook.secret_rotated", id)).GetProperty("after").GetProperty("previousValidUntil").GetDateTimeOffset()
            .ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        (await owner.SingleEntryAsync("webhook.deleted", id)).GetProperty("before").GetProperty("url").GetString().ShouldBe("https://93.184.215.14/hooks");
    }

    [Test]
    public async Task Tenant_settings_changed_are_recorded_with_the_old_and_new_values()
    {
        (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { name = "After", settings = new { timeZone = "Europe/Berlin", locale = "de-DE" } }))
            .EnsureSuccessStatusCode();

        var entry = await owner.SingleEntryAsync("tenant.settings_changed", owner.TenantId);
        entry.GetProperty("before").GetProperty("name").GetString().ShouldBe("Before");
        entry.GetProperty("before").GetProperty("settings").GetProperty("timeZone").GetString().ShouldBe("UTC");
        entry.GetProperty("after").GetProperty("name").GetString().ShouldBe("After");
        entry.GetProperty("after").GetProperty("settings").GetProperty("timeZone").GetString().ShouldBe("Europe/Berlin");
        entry.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(owner.UserId);
    }
}
