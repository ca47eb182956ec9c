using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>A published target is recorded in analytics and announced to the tenant's webhook, signed, by a job the dashboard names.</summary>
public sealed class PublishingEventsTests
{
    [Test]
    public async Task A_published_target_is_counted_in_analytics_and_sent_to_the_webhook_signed_by_a_job_named_in_the_dashboard()
    {
        await using var x = await FakePlatform.StartAsync();
        await using var receiver = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"555","text":"ok"}}""", 201));
        receiver.On("POST", "/hooks", new FakeResponse(204));
        await using var app = new PostsApp(x, new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttp"] = "true",
            ["OutboundRequests:AllowedHosts:0"] = new Uri(receiver.Url).Authority,
            ["PlatformAdmins:Emails:0"] = "ops@example.com",
        });
        var owner = await app.RegisterAsync();
        var account = await app.ConnectXAsync(owner, x);
        await SetWebhookAsync(owner, receiver.Url + "/hooks");
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Tell everyone"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");
        var delivery = await Eventually.WaitForAsync(() => Task.FromResult(receiver.To("POST", "/hooks").FirstOrDefault()), found => found is not null);
        var summary = await Eventually.WaitForAsync(
            async () => (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/summary")).GetProperty("counts"),
            counts => counts.GetArrayLength() > 0);

        summary[0].GetProperty("platform").GetString().ShouldBe("X");
        summary[0].GetProperty("eventType").GetString().ShouldBe("PostPublished");
        summary[0].GetProperty("count").GetInt64().ShouldBe(1);
        delivery!.Header("x-platform-event").ShouldBe("post.published");
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        body.GetProperty("data").GetProperty("platformPostId").GetString().ShouldBe("555");
        var secret = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/secret")).GetProperty("secret").GetString()!;
        var signature = delivery.Header("x-platform-signature")!.Split(',').ToDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{signature["t"]}.{delivery.Body}")));
        signature["v1"].ShouldBe(expected);
        receiver.To("POST", "/hooks").Count.ShouldBe(1);
        var stranger = await app.RegisterAsync();
        (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/summary")).GetProperty("counts").GetArrayLength().ShouldBe(0);
        var jobName = await DashboardJobNameAsync(app, await app.RegisterAsync(email: "ops@example.com"));
        jobName.ShouldBe($"Webhook post.published · tenant {owner.TenantId} · post {post.Id()} · x");
    }

    /// <summary>The delivery job's name on its page in /hangfire, as a platform administrator sees it.</summary>
    private static async Task<string> DashboardJobNameAsync(PostsApp app, TestAccount administrator)
    {
        var jobId = (long)(await app.Database.SuperuserScalarAsync("SELECT id FROM hangfire.job WHERE invocationdata::text LIKE '%WebhookDeliveryJob%'"))!;
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await browser.PostAsync("/hangfire-login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = administrator.Email, ["password"] = administrator.Password,
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await browser.GetStringAsync($"/hangfire/jobs/details/{jobId}");
        var title = System.Text.RegularExpressions.Regex.Match(html, "<h1 class=\"page-header\">(.*?)</h1>", System.Text.RegularExpressions.RegexOptions.Singleline);
        title.Success.ShouldBeTrue(html);
        return WebUtility.HtmlDecode(title.Groups[1].Value).Trim();
    }

    [Test]
    public async Task Without_a_webhook_url_a_published_target_enqueues_no_delivery_job()
    {
        await using var x = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"556","text":"ok"}}""", 201));
        await using var app = new PostsApp(x);
        var owner = await app.RegisterAsync();
        var account = await app.ConnectXAsync(owner, x);
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Nobody listens"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");
        // The analytics handler ran off the same outbox, so the webhook handler has had its turn too.
        await Eventually.WaitForAsync(
            async () => (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/summary")).GetProperty("counts"),
            counts => counts.GetArrayLength() > 0);
        await Eventually.WaitForAsync(async () => (long)(await app.Database.SuperuserScalarAsync(
            "SELECT count(*) FROM platform_events.outbox WHERE processed_at IS NULL"))!, pending => pending == 0);

        ((long)(await app.Database.SuperuserScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%WebhookDeliveryJob%'"))!).ShouldBe(0);
    }

    private static async Task SetWebhookAsync(TestAccount owner, string url)
    {
        var response = await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "UTC", locale = "en-US", webhookUrl = url } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
