using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>
/// Deliveries to real local receivers: a published post reaches the subscriptions that chose it, signed with each one's
/// secret; failures are retried with backoff and logged, then dead-lettered; redelivery and ping; a slow receiver holds
/// back no other subscription.
/// </summary>
public sealed class DeliveryTests
{
    private FakePlatform x = null!;
    private FakePlatform receiver = null!;
    private FakePlatform slowReceiver = null!;
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        x = await FakePlatform.StartAsync();
        receiver = await FakePlatform.StartAsync();
        slowReceiver = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"555","text":"ok"}}""", 201));
        var settings = FakeX.Settings(x);
        settings["Webhooks:AllowHttp"] = "true";
        settings["Webhooks:MaxAttempts"] = "4";
        settings["Webhooks:SecretRotationGrace"] = "01:00:00";
        settings["OutboundRequests:AllowedHosts:0"] = new Uri(receiver.Url).Authority;
        settings["OutboundRequests:AllowedHosts:1"] = new Uri(slowReceiver.Url).Authority;
        app = new PlatformApp(settings);
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
        await receiver.DisposeAsync();
        await slowReceiver.DisposeAsync();
    }

    [Test]
    public async Task A_published_post_is_delivered_signed_to_the_subscriptions_that_chose_it_and_to_no_other()
    {
        receiver.On("POST", "/published", new FakeResponse(204));
        receiver.On("POST", "/failures", new FakeResponse(204));
        var (publishedId, secret) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/published", "post.published");
        var (failuresId, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/failures", "post.failed");
        var account = await owner.ConnectXAsync(x);
        var post = await owner.Client.PostAsJsonAsync("/api/v1/posts", new { title = "A post", content = "Tell everyone", type = "text", targets = new[] { new { accountId = account } } });
        var postId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await owner.Client.PostAsync($"/api/v1/posts/{postId}/publish", null)).IsSuccessStatusCode.ShouldBeTrue();
        var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/published").FirstOrDefault()), found => found is not null);

        delivered!.Header("x-platform-event").ShouldBe("post.published");
        WebhookApi.IsSignedWith(delivered, secret).ShouldBeTrue();
        var envelope = JsonDocument.Parse(delivered.Body).RootElement;
        envelope.GetProperty("type").GetString().ShouldBe("post.published");
        envelope.GetProperty("version").GetInt32().ShouldBe(1);
        envelope.GetProperty("tenant").GetGuid().ShouldBe(owner.TenantId);
        envelope.TryGetProperty("occurred_at", out _).ShouldBeTrue();
        envelope.GetProperty("id").GetGuid().ToString().ShouldBe(delivered.Header("x-platform-event-id"));
        envelope.GetProperty("data").GetProperty("postId").GetGuid().ShouldBe(postId);
        envelope.GetProperty("data").GetProperty("platformPostId").GetString().ShouldBe("555");
        var deliveryId = (await WebhookApi.DeliveriesAsync(owner.Client, publishedId)).Single().GetProperty("id").GetGuid();
        var log = await WebhookApi.WaitForDeliveryAsync(owner.Client, publishedId, deliveryId, "Succeeded");
        log.GetProperty("requestBody").GetString().ShouldBe(delivered.Body);
        log.GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32().ShouldBe(204);
        receiver.To("POST", "/failures").ShouldBeEmpty();
        (await WebhookApi.DeliveriesAsync(owner.Client, failuresId)).ShouldBeEmpty();
        receiver.To("POST", "/published").Count.ShouldBe(1);
    }

    [Test]
    public async Task Connecting_an_account_and_scheduling_a_post_are_delivered_as_account_connected_and_post_scheduled()
    {
        receiver.On("POST", "/connected", new FakeResponse(204));
        receiver.On("POST", "/scheduled", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/connected", "account.connected");
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/scheduled", "post.scheduled");

        var account = await owner.ConnectXAsync(x);
        var post = await owner.Client.PostAsJsonAsync("/api/v1/posts", new { title = "Later", content = "Tomorrow", type = "text", targets = new[] { new { accountId = account } } });
        var postId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        (await owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/schedule", new { scheduledAt = at.ToString("O") })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var connected = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/connected").FirstOrDefault()), found => found is not null);
        var scheduled = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/scheduled").FirstOrDefault()), found => found is not null);
        var connectedEnvelope = JsonDocument.Parse(connected!.Body).RootElement;
        connectedEnvelope.GetProperty("type").GetString().ShouldBe("account.connected");
        connectedEnvelope.GetProperty("data").GetProperty("socialAccountId").GetGuid().ShouldBe(account);
        var scheduledEnvelope = JsonDocument.Parse(scheduled!.Body).RootElement;
        scheduledEnvelope.GetProperty("type").GetString().ShouldBe("post.scheduled");
        scheduledEnvelope.GetProperty("data").GetProperty("postId").GetGuid().ShouldBe(postId);
        scheduledEnvelope.GetProperty("data").GetProperty("scheduledAt").GetDateTimeOffset().ShouldBe(at, TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task A_post_published_on_one_account_and_refused_on_another_is_delivered_as_post_partially_published()
    {
        receiver.On("POST", "/partial", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/partial", "post.partially_published");
        var published = await owner.ConnectXAsync(x);
        var refused = await ConnectSecondXAccountAsync();
        x.On("POST", "/2/tweets", request => request.Header("Authorization") == "Bearer x-access-second"
            ? FakeResponse.Json("""{"title":"Forbidden","detail":"You are not permitted to perform this action.","type":"about:blank","status":403}""", 403)
            : FakeResponse.Json("""{"data":{"id":"556","text":"ok"}}""", 201));
        try
        {
            var post = await owner.Client.PostAsJsonAsync("/api/v1/posts", new
            {
                title = "Half", content = "One of two", type = "text", targets = new[] { new { accountId = published }, new { accountId = refused } },
            });
            var postId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await owner.Client.PostAsync($"/api/v1/posts/{postId}/publish", null)).IsSuccessStatusCode.ShouldBeTrue();

            var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/partial").FirstOrDefault()), found => found is not null);

            var envelope = JsonDocument.Parse(delivered!.Body).RootElement;
            envelope.GetProperty("type").GetString().ShouldBe("post.partially_published");
            envelope.GetProperty("data").GetProperty("postId").GetGuid().ShouldBe(postId);
            envelope.GetProperty("data").GetProperty("publishedTargets").GetInt32().ShouldBe(1);
            envelope.GetProperty("data").GetProperty("unpublishedTargets").GetInt32().ShouldBe(1);
        }
        finally
        {
            x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"555","text":"ok"}}""", 201));
        }
    }

    [Test]
    public async Task Pausing_publishing_to_an_account_is_delivered_as_account_paused()
    {
        receiver.On("POST", "/paused", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/paused", "account.paused");
        var account = await owner.ConnectXAsync(x);

        (await owner.Client.PostAsJsonAsync($"/api/v1/posts/account-health/{account}/pause", new { reason = "Campaign on hold" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/paused").FirstOrDefault()), found => found is not null);
        var envelope = JsonDocument.Parse(delivered!.Body).RootElement;
        envelope.GetProperty("type").GetString().ShouldBe("account.paused");
        envelope.GetProperty("data").GetProperty("socialAccountId").GetGuid().ShouldBe(account);
        envelope.GetProperty("data").GetProperty("reason").GetString().ShouldBe("Campaign on hold");
    }

    [Test]
    public async Task Resuming_publishing_to_a_paused_account_is_delivered_as_account_resumed()
    {
        receiver.On("POST", "/resumed", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/resumed", "account.resumed");
        var account = await owner.ConnectXAsync(x);
        (await owner.Client.PostAsJsonAsync($"/api/v1/posts/account-health/{account}/pause", new { reason = "Campaign on hold" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.Client.PostAsync($"/api/v1/posts/account-health/{account}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/resumed").FirstOrDefault()), found => found is not null);
        var envelope = JsonDocument.Parse(delivered!.Body).RootElement;
        envelope.GetProperty("type").GetString().ShouldBe("account.resumed");
        envelope.GetProperty("data").GetProperty("socialAccountId").GetGuid().ShouldBe(account);
        envelope.GetProperty("data").GetProperty("cause").GetString().ShouldBe("Person");
    }

    [Test]
    public async Task A_finished_ai_request_is_delivered_as_ai_request_completed()
    {
        receiver.On("POST", "/ai", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/ai", "ai.request.completed");
        await owner.ConnectXAsync(x);

        var generated = await owner.Client.PostAsJsonAsync("/api/v1/ai/hashtags", new { text = "Fresh sourdough every morning", platforms = new[] { "x" } });
        generated.StatusCode.ShouldBe(HttpStatusCode.OK, await generated.Content.ReadAsStringAsync());
        var requestId = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/ai").FirstOrDefault()), found => found is not null);
        var envelope = JsonDocument.Parse(delivered!.Body).RootElement;
        envelope.GetProperty("type").GetString().ShouldBe("ai.request.completed");
        envelope.GetProperty("data").GetProperty("requestId").GetGuid().ShouldBe(requestId);
    }

    [Test]
    public async Task A_file_added_to_the_library_is_delivered_as_media_ready()
    {
        receiver.On("POST", "/media", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/media", "media.ready");
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(OnePixelPng);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        upload.Add(file, "file", "pixel.png");

        var added = await owner.Client.PostAsync("/api/v1/media", upload);
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var mediaId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/media").FirstOrDefault()), found => found is not null);
        var envelope = JsonDocument.Parse(delivered!.Body).RootElement;
        envelope.GetProperty("type").GetString().ShouldBe("media.ready");
        envelope.GetProperty("data").GetProperty("mediaId").GetGuid().ShouldBe(mediaId);
        envelope.GetProperty("data").GetProperty("kind").GetString().ShouldBe("Image");
        envelope.GetProperty("data").GetProperty("sizeBytes").GetInt64().ShouldBe(OnePixelPng.Length);
    }

    [Test]
    public async Task A_plan_change_billing_raises_is_delivered_as_billing_plan_changed()
    {
        receiver.On("POST", "/plan", new FakeResponse(204));
        await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/plan", "billing.plan_changed");
        var eventId = Guid.NewGuid();

        // As Billing's unit of work leaves it when Stripe's webhook moves the tenant to another plan: the event in the outbox.
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload)
            VALUES (gen_random_uuid(), $1, 'billing.tenant_plan_changed', 'Platform.Webhooks.Sending.EventDeliveries', $2::jsonb)
            """, owner.TenantId, JsonSerializer.Serialize(new { eventId, tenantId = owner.TenantId, occurredAt = DateTimeOffset.UtcNow, plan = "pro", status = "Active" }));

        var delivered = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/plan").FirstOrDefault()), found => found is not null);
        var envelope = JsonDocument.Parse(delivered!.Body).RootElement;
        envelope.GetProperty("type").GetString().ShouldBe("billing.plan_changed");
        envelope.GetProperty("id").GetGuid().ShouldBe(eventId);
        envelope.GetProperty("data").GetProperty("plan").GetString().ShouldBe("pro");
        envelope.GetProperty("data").GetProperty("status").GetString().ShouldBe("Active");
    }

    [Test]
    public async Task After_a_rotation_both_secrets_sign_until_the_grace_period_ends()
    {
        receiver.On("POST", "/rotated", new FakeResponse(204));
        var (id, oldSecret) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/rotated", "post.published");
        var rotated = await owner.Client.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = answer.GetProperty("secret").GetString()!;
        newSecret.ShouldNotBe(oldSecret);
        answer.GetProperty("subscription").GetProperty("previousSecretValidUntil").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(59));

        await WebhookApi.PingAsync(owner.Client, id);
        var ping = await WebhookApi.EventuallyAsync(() => Task.FromResult(receiver.To("POST", "/rotated").FirstOrDefault()), found => found is not null);

        ping!.Header("x-platform-event").ShouldBe("ping");
        WebhookApi.IsSignedWith(ping, newSecret).ShouldBeTrue();
        WebhookApi.IsSignedWith(ping, oldSecret).ShouldBeTrue();
        WebhookApi.IsSignedWith(ping, "whsec_someone-else").ShouldBeFalse();
    }

    [Test]
    public async Task A_receiver_failing_three_times_then_answering_gets_one_successful_delivery_and_the_log_shows_each_attempt()
    {
        var calls = 0;
        receiver.On("POST", "/flaky", _ => Interlocked.Increment(ref calls) <= 3 ? new FakeResponse(503, "busy, try later", "text/plain") : new FakeResponse(200, "thanks", "text/plain"));
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/flaky", "post.published");

        var deliveryId = (await WebhookApi.PingAsync(owner.Client, id)).GetProperty("id").GetGuid();
        var delivery = await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "Succeeded");

        delivery.GetProperty("attempts").GetInt32().ShouldBe(4);
        var attempts = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("attempt").GetInt32()).ShouldBe([1, 2, 3, 4]);
        attempts.Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([503, 503, 503, 200]);
        attempts[0].GetProperty("responseExcerpt").GetString().ShouldBe("busy, try later");
        attempts[3].GetProperty("responseExcerpt").GetString().ShouldBe("thanks");
        // Backoff: 1 s, 2 s, 4 s between attempts (at least; the scheduler polls every second).
        var times = attempts.Select(a => a.GetProperty("attemptedAt").GetDateTimeOffset()).ToList();
        (times[1] - times[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        (times[3] - times[2]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3.9));
        receiver.To("POST", "/flaky").Count.ShouldBe(4);
        receiver.To("POST", "/flaky").Select(r => r.Header("x-platform-delivery")).Distinct().ShouldBe([deliveryId.ToString()]);
    }

    [Test]
    public async Task A_delivery_that_fails_every_attempt_is_dead_lettered_and_a_redelivery_sends_it_again()
    {
        var healthy = false;
        receiver.On("POST", "/down", _ => healthy ? new FakeResponse(204) : new FakeResponse(500, new string('x', 5000), "text/plain"));
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/down", "post.published");

        var deliveryId = (await WebhookApi.PingAsync(owner.Client, id)).GetProperty("id").GetGuid();
        var dead = await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "DeadLetter");

        dead.GetProperty("attempts").GetInt32().ShouldBe(4);
        dead.GetProperty("nextRetryAt").ValueKind.ShouldBe(JsonValueKind.Null);
        dead.GetProperty("attemptLog").EnumerateArray().ShouldAllBe(a => a.GetProperty("responseExcerpt").GetString()!.Length == 1024);
        receiver.To("POST", "/down").Count.ShouldBe(4);

        healthy = true;
        var redelivered = await owner.Client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", null);
        redelivered.StatusCode.ShouldBe(HttpStatusCode.Accepted, await redelivered.Content.ReadAsStringAsync());
        var delivered = await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "Succeeded");

        delivered.GetProperty("attempts").GetInt32().ShouldBe(5);
        delivered.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([500, 500, 500, 500, 204]);
        receiver.To("POST", "/down").Count.ShouldBe(5);
        (await WebhookApi.DeliveriesAsync(owner.Client, id)).Length.ShouldBe(1);
    }

    [Test]
    public async Task A_redelivery_of_an_unknown_delivery_or_of_another_subscription_answers_404()
    {
        receiver.On("POST", "/mine", new FakeResponse(204));
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/mine", "post.published");
        var (otherId, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/mine", "post.published");
        var deliveryId = (await WebhookApi.PingAsync(owner.Client, id)).GetProperty("id").GetGuid();
        await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "Succeeded");

        (await owner.Client.PostAsync($"/api/v1/webhooks/{otherId}/deliveries/{deliveryId}/redeliver", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.Client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/redeliver", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stranger = (await app.RegisterAsync()).Client;
        (await stranger.PostAsync($"/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await WebhookApi.DeliveriesAsync(owner.Client, id)).Single().GetProperty("attempts").GetInt32().ShouldBe(1);
    }

    [Test]
    public async Task A_slow_receiver_does_not_hold_back_another_subscriptions_delivery()
    {
        slowReceiver.On("POST", "/slow", new FakeResponse(204, Delay: TimeSpan.FromSeconds(5)));
        receiver.On("POST", "/fast", new FakeResponse(204));
        var (slowId, _) = await WebhookApi.SubscribeAsync(owner.Client, slowReceiver.Url + "/slow", "post.published");
        var (fastId, _) = await WebhookApi.SubscribeAsync(owner.Client, receiver.Url + "/fast", "post.published");

        var slowDelivery = (await WebhookApi.PingAsync(owner.Client, slowId)).GetProperty("id").GetGuid();
        await WebhookApi.EventuallyAsync(() => Task.FromResult(slowReceiver.To("POST", "/slow").Count), count => count == 1);
        var fastDelivery = (await WebhookApi.PingAsync(owner.Client, fastId)).GetProperty("id").GetGuid();
        await WebhookApi.WaitForDeliveryAsync(owner.Client, fastId, fastDelivery, "Succeeded");

        // The slow receiver is still answering its request when the other subscription's delivery is done.
        (await WebhookApi.DeliveriesAsync(owner.Client, slowId)).Single().GetProperty("status").GetString().ShouldBe("Sending");
        var slow = await WebhookApi.WaitForDeliveryAsync(owner.Client, slowId, slowDelivery, "Succeeded");
        slow.GetProperty("attemptLog")[0].GetProperty("latencyMs").GetInt32().ShouldBeGreaterThanOrEqualTo(4900);
    }

    /// <summary>A valid 1×1 PNG, for the library.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A second X account of the owner's tenant, with tokens of its own, connected through the real OAuth endpoints.</summary>
    private async Task<Guid> ConnectSecondXAccountAsync()
    {
        x.On("POST", "/2/oauth2/token", FakeResponse.Json(
            """{"token_type":"bearer","expires_in":7200,"access_token":"x-access-second","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"x-refresh-second"}"""));
        x.On("GET", "/2/users/me", FakeResponse.Json("""{"data":{"id":"77","name":"Second","username":"second"}}"""));
        const string redirect = "https://app.example/callback";
        var authUrl = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(redirect)}");
        var connected = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "x", code = "x-code", state = authUrl.GetProperty("state").GetString(), redirectUri = redirect });
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        return (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }
}
