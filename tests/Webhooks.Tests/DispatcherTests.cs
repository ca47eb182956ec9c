using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Webhooks.Sending;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>
/// The dispatcher: deliveries only for subscriptions that want the event, a subscription's slow receiver held to its own
/// share of attempts while others are delivered, and attempts left Sending by a host that stopped written off and retried.
/// </summary>
public sealed class DispatcherTests
{
    [Test]
    public async Task Without_a_subscription_a_published_target_queues_no_delivery()
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

        ((long)(await app.Database.SuperuserScalarAsync("SELECT count(*) FROM webhooks.deliveries"))!).ShouldBe(0);
    }

    [Test]
    public async Task A_slow_subscription_never_has_more_attempts_under_way_than_its_limit_while_another_is_delivered()
    {
        await using var slowReceiver = await FakePlatform.StartAsync();
        await using var receiver = await FakePlatform.StartAsync();
        // Each answer takes 1.5 s: with at most two under way, the third request cannot arrive before the first is answered.
        var answerTime = TimeSpan.FromSeconds(1.5);
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<long>();
        slowReceiver.On("POST", "/slow", _ =>
        {
            arrivals.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            return new FakeResponse(204, Delay: answerTime);
        });
        receiver.On("POST", "/fast", new FakeResponse(204));
        await using var app = new PlatformApp(new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:MaxInFlightPerSubscription"] = "2",
            ["OutboundRequests:AllowedHosts:0"] = new Uri(slowReceiver.Url).Authority,
            ["OutboundRequests:AllowedHosts:1"] = new Uri(receiver.Url).Authority,
        });
        var owner = await app.RegisterAsync();
        var (slowId, _) = await WebhookApi.SubscribeAsync(owner.Client, slowReceiver.Url + "/slow", "post.published");
        var (fastId, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/fast", "post.published");

        var slowDeliveries = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            slowDeliveries.Add((await WebhookApi.PingAsync(owner.Client, slowId)).GetProperty("id").GetGuid());
        }
        await WebhookApi.EventuallyAsync(() => Task.FromResult(arrivals.Count), count => count >= 2);
        var fastDelivery = (await WebhookApi.PingAsync(owner.Client, fastId)).GetProperty("id").GetGuid();
        await WebhookApi.WaitForDeliveryAsync(owner.Client, fastId, fastDelivery, "Succeeded");

        // The fast one went through while the slow subscription still had most of its deliveries waiting.
        (await WebhookApi.DeliveriesAsync(owner.Client, slowId)).Count(d => d.GetProperty("status").GetString() == "Succeeded").ShouldBeLessThan(6);
        foreach (var id in slowDeliveries)
        {
            await WebhookApi.WaitForDeliveryAsync(owner.Client, slowId, id, "Succeeded");
        }
        var times = arrivals.Order().Select(t => TimeSpan.FromSeconds((double)t / System.Diagnostics.Stopwatch.Frequency)).ToList();
        times.Count.ShouldBe(6);
        for (var i = 2; i < times.Count; i++)
        {
            (times[i] - times[i - 2]).ShouldBeGreaterThanOrEqualTo(answerTime - TimeSpan.FromMilliseconds(100), $"request {i + 1} arrived while two were under way");
        }
        slowReceiver.To("POST", "/slow").Count.ShouldBe(6);
    }

    [Test]
    public async Task An_attempt_left_sending_by_a_stopped_host_is_logged_as_interrupted_and_delivered_by_the_next_attempt()
    {
        await using var receiver = await FakePlatform.StartAsync();
        receiver.On("POST", "/hooks", new FakeResponse(204));
        await using var app = new PlatformApp(new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttp"] = "true",
            ["OutboundRequests:AllowedHosts:0"] = new Uri(receiver.Url).Authority,
        });
        var owner = await app.RegisterAsync();
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/hooks", "post.published");
        // As a host that claimed the delivery and stopped before recording it leaves it: Sending, for minutes.
        var deliveryId = Guid.NewGuid();
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO webhooks.deliveries (id, tenant_id, subscription_id, event_id, event_type, body, status, attempts_made, attempt_limit, next_attempt_at, created_at, updated_at)
            VALUES ($1, $2, $3, gen_random_uuid(), 'ping', '{}', 'Sending', 0, 4, now() - interval '5 minutes', now() - interval '5 minutes', now() - interval '5 minutes')
            """, deliveryId, owner.TenantId, id);
        // A delivery whose attempt is merely slow is left alone.
        var recentId = Guid.NewGuid();
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO webhooks.deliveries (id, tenant_id, subscription_id, event_id, event_type, body, status, attempts_made, attempt_limit, next_attempt_at, created_at, updated_at)
            VALUES ($1, $2, $3, gen_random_uuid(), 'ping', '{}', 'Sending', 0, 4, now(), now(), now())
            """, recentId, owner.TenantId, id);

        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<StalledDeliveriesJob>().SweepAsync(CancellationToken.None)).ShouldBe(1);
        }
        var delivered = await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "Succeeded");

        var attempts = delivered.GetProperty("attemptLog").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("attempt").GetInt32()).ShouldBe([1, 2]);
        attempts[0].GetProperty("error").GetString().ShouldBe(StalledDeliveriesJob.InterruptedError);
        attempts[1].GetProperty("statusCode").GetInt32().ShouldBe(204);
        receiver.To("POST", "/hooks").Single().Header("x-platform-attempt").ShouldBe("2");
        (await WebhookApi.DeliveriesAsync(owner.Client, id)).Single(d => d.GetProperty("id").GetGuid() == recentId)
            .GetProperty("status").GetString().ShouldBe("Sending");
    }
}
