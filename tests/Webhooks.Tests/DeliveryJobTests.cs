using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>Deliveries run as Hangfire jobs the dashboard names, and only for subscriptions that want the event.</summary>
public sealed class DeliveryJobTests
{
    [Test]
    public async Task Without_a_subscription_a_published_target_queues_no_delivery_job()
    {
        await using var x = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"556","text":"ok"}}""", 201));
        await using var app = new PlatformApp(FakeX.Settings(x));
        var owner = await app.RegisterAsync();
        var account = await owner.ConnectXAsync(x);
        var post = await owner.Client.PostAsJsonAsync("/api/v1/posts", new { title = "A post", content = "Nobody listens", type = "text", targets = new[] { new { accountId = account } } });
        var postId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await owner.Client.PostAsync($"/api/v1/posts/{postId}/publish", null)).IsSuccessStatusCode.ShouldBeTrue();
        // The analytics handler ran off the same outbox, so the webhook handler has had its turn too.
        await WebhookApi.EventuallyAsync(
            async () => (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/summary")).GetProperty("counts"),
            counts => counts.GetArrayLength() > 0);
        await WebhookApi.EventuallyAsync(async () => (long)(await app.Database.SuperuserScalarAsync(
            "SELECT count(*) FROM platform_events.outbox WHERE processed_at IS NULL"))!, pending => pending == 0);

        ((long)(await app.Database.SuperuserScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%WebhookDeliveryJob%'"))!).ShouldBe(0);
    }

    [Test]
    public async Task A_delivery_job_is_named_in_the_dashboard_by_its_delivery_attempt_and_tenant()
    {
        await using var receiver = await FakePlatform.StartAsync();
        receiver.On("POST", "/hooks", new FakeResponse(204));
        await using var app = new PlatformApp(new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttp"] = "true",
            ["OutboundRequests:AllowedHosts:0"] = new Uri(receiver.Url).Authority,
            ["PlatformAdmins:Emails:0"] = "ops@example.com",
        });
        var owner = await app.RegisterAsync();
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/hooks", "post.published");
        var deliveryId = (await WebhookApi.PingAsync(owner.Client, id)).GetProperty("id").GetGuid();
        await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "Succeeded");
        var administrator = await app.RegisterAsync(email: "ops@example.com");

        var jobId = (long)(await app.Database.SuperuserScalarAsync("SELECT id FROM hangfire.job WHERE invocationdata::text LIKE '%WebhookDeliveryJob%'"))!;
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await browser.PostAsync("/hangfire-login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = administrator.Email, ["password"] = administrator.Password,
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await browser.GetStringAsync($"/hangfire/jobs/details/{jobId}");
        var title = System.Text.RegularExpressions.Regex.Match(html, "<h1 class=\"page-header\">(.*?)</h1>", System.Text.RegularExpressions.RegexOptions.Singleline);

        title.Success.ShouldBeTrue(html);
        WebUtility.HtmlDecode(title.Groups[1].Value).Trim().ShouldBe($"Webhook delivery {deliveryId} · attempt 1 · tenant {owner.TenantId}");
    }
}
