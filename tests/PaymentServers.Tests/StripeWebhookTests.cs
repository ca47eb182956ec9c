using System.Text.Json;

namespace Platform.PaymentServers.Tests;

/// <summary>Billing changes driven by the test reach the endpoint as signed events, in the order and number the test asks.</summary>
public sealed class StripeWebhookTests
{
    private StripeServer server = null!;
    private WebhookReceiver receiver = null!;

    [SetUp]
    public async Task StartAsync()
    {
        server = new StripeServer();
        server.AddPrice("price_pro_monthly", 2_000);
        server.AddPrice("price_team_monthly", 5_000);
        await server.StartAsync();
        receiver = await WebhookReceiver.StartAsync();
        server.Webhooks.EndpointUrl = receiver.Url;
        // The events a subscription billing endpoint listens to; customer.created, for one, stays out.
        server.Webhooks.EnabledEvents.Clear();
        server.Webhooks.EnabledEvents.UnionWith(["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated",
            "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed"]);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await receiver.DisposeAsync();
        await server.DisposeAsync();
    }

    [Test]
    public async Task Completing_checkout_sends_the_documented_events_signed_with_the_endpoint_secret()
    {
        var sessionId = await OpenCheckoutAsync();

        var change = await server.Billing.CompleteCheckoutSessionAsync(sessionId);

        receiver.Received.Select(r => Event(r.Body).GetProperty("type").GetString())
            .ShouldBe(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
        foreach (var (body, signature) in receiver.Received)
        {
            SignatureCheck.Verifies(signature, body, server.Webhooks.Secrets[0], DateTimeOffset.UtcNow).ShouldBeTrue(signature);
            var evt = Event(body);
            evt.GetProperty("object").GetString().ShouldBe("event");
            evt.GetProperty("id").GetString().ShouldStartWith("evt_");
            evt.GetProperty("livemode").GetBoolean().ShouldBeFalse();
            evt.GetProperty("api_version").GetString().ShouldBe(server.Webhooks.ApiVersion);
            evt.GetProperty("created").GetInt64().ShouldBeGreaterThan(0);
        }
        var completed = Event(receiver.Received[0].Body).GetProperty("data").GetProperty("object");
        completed.GetProperty("status").GetString().ShouldBe("complete");
        completed.GetProperty("subscription").GetString().ShouldBe(change.SubscriptionId);
        completed.GetProperty("client_reference_id").GetString().ShouldBe("tenant-1");
        var subscription = await StripeHttp.GetAsync(server, $"/v1/subscriptions/{change.SubscriptionId}?expand[]=latest_invoice");
        subscription.Body.GetProperty("status").GetString().ShouldBe("active");
        subscription.Body.GetProperty("metadata").GetProperty("tenant_id").GetString().ShouldBe("tenant-1");
        subscription.Body.GetProperty("latest_invoice").GetProperty("status").GetString().ShouldBe("paid");
        server.Webhooks.Deliveries.Select(d => (d.EventId, d.Status)).ShouldBe(change.EventIds.Select(id => (id, (int?)200)));
        var stored = await StripeHttp.GetAsync(server, $"/v1/events/{change.EventIds[0]}");
        stored.Text.ShouldBe(receiver.Received[0].Body);
    }

    [Test]
    public async Task Completing_checkout_without_a_customer_creates_one_from_the_email_first_and_sends_only_enabled_events()
    {
        var change = await server.Billing.CompleteCheckoutSessionAsync(await OpenCheckoutAsync(existingCustomer: false));

        change.EventIds.Select(id => server.Store.Find(id, "event")!["type"]!.GetValue<string>())
            .ShouldBe(["customer.created", "checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
        var customer = server.Store.Find(change.EventIds[0], "event")!["data"]!["object"]!;
        customer["email"]!.GetValue<string>().ShouldBe("owner@example.com");
        receiver.Received.Select(r => Event(r.Body).GetProperty("id").GetString()).ShouldBe(change.EventIds.Skip(1));
        var session = Event(receiver.Received[0].Body).GetProperty("data").GetProperty("object");
        session.GetProperty("customer").GetString().ShouldBe(customer["id"]!.GetValue<string>());
        await Should.ThrowAsync<InvalidOperationException>(() => server.Billing.CompleteCheckoutSessionAsync(session.GetProperty("id").GetString()!));
    }

    [Test]
    public async Task A_rolled_secret_signs_with_both_and_a_wrong_secret_or_old_timestamp_does_not_verify()
    {
        server.Webhooks.Secrets.Add("whsec_new_secret");
        var change = await server.Billing.CompleteCheckoutSessionAsync(await OpenCheckoutAsync());
        var (body, rolled) = receiver.Received[0];

        rolled.Split(',').Count(element => element.StartsWith("v1=", StringComparison.Ordinal)).ShouldBe(2);
        SignatureCheck.Verifies(rolled, body, server.Webhooks.Secrets[0], DateTimeOffset.UtcNow).ShouldBeTrue();
        SignatureCheck.Verifies(rolled, body, "whsec_new_secret", DateTimeOffset.UtcNow).ShouldBeTrue();

        var wrong = await server.Webhooks.ResendAsync(change.EventIds[0], new WebhookSigning(Secret: "whsec_someone_else"));
        var old = await server.Webhooks.ResendAsync(change.EventIds[0], new WebhookSigning(Age: TimeSpan.FromMinutes(10)));

        SignatureCheck.Verifies(wrong.SignatureHeader, wrong.Payload, server.Webhooks.Secrets[0], DateTimeOffset.UtcNow).ShouldBeFalse();
        SignatureCheck.Verifies(old.SignatureHeader, old.Payload, server.Webhooks.Secrets[0], DateTimeOffset.UtcNow).ShouldBeFalse();
        SignatureCheck.Verifies(old.SignatureHeader, old.Payload, server.Webhooks.Secrets[0], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15)).ShouldBeTrue();
        receiver.Received[^1].Signature.ShouldBe(old.SignatureHeader);
    }

    [Test]
    public async Task Held_events_go_out_in_the_order_asked_with_duplicates()
    {
        server.Webhooks.Hold = true;
        var change = await server.Billing.CompleteCheckoutSessionAsync(await OpenCheckoutAsync());
        receiver.Received.ShouldBeEmpty();
        server.Webhooks.PendingEventIds.ShouldBe(change.EventIds);

        var order = new[] { change.EventIds[2], change.EventIds[0], change.EventIds[2], change.EventIds[1] };
        await server.Webhooks.DeliverPendingAsync(order);

        receiver.Received.Select(r => Event(r.Body).GetProperty("id").GetString()).ShouldBe(order);
        receiver.Received[0].Body.ShouldBe(receiver.Received[2].Body);
        server.Webhooks.PendingEventIds.ShouldBeEmpty();
    }

    [Test]
    public async Task Renewal_failed_payment_plan_change_and_cancellation_each_send_their_event()
    {
        var subscriptionId = (await server.Billing.CompleteCheckoutSessionAsync(await OpenCheckoutAsync())).SubscriptionId;
        var firstPeriodEnd = Item(await Subscription(subscriptionId)).GetProperty("current_period_end").GetInt64();

        var renewal = await server.Billing.RenewAsync(subscriptionId);
        Item(await Subscription(subscriptionId)).GetProperty("current_period_start").GetInt64().ShouldBe(firstPeriodEnd);
        var failure = await server.Billing.FailPaymentAsync(subscriptionId);
        (await Subscription(subscriptionId)).GetProperty("status").GetString().ShouldBe("past_due");
        var failedInvoice = (await StripeHttp.GetAsync(server, $"/v1/invoices/{failure.InvoiceId}")).Body;
        failedInvoice.GetProperty("status").GetString().ShouldBe("open");
        failedInvoice.GetProperty("amount_remaining").GetInt64().ShouldBe(2_000);
        failedInvoice.GetProperty("lines").GetProperty("data")[0].GetProperty("period").GetProperty("start").GetInt64().ShouldBe(firstPeriodEnd);
        await server.Billing.UpdatePlanAsync(subscriptionId, "price_team_monthly");
        Item(await Subscription(subscriptionId)).GetProperty("price").GetProperty("id").GetString().ShouldBe("price_team_monthly");
        await server.Billing.CancelAsync(subscriptionId);

        (await Subscription(subscriptionId)).GetProperty("status").GetString().ShouldBe("canceled");
        receiver.Received.Skip(3).Select(r => Event(r.Body).GetProperty("type").GetString()).ShouldBe([
            "invoice.paid", "customer.subscription.updated",
            "invoice.payment_failed", "customer.subscription.updated",
            "customer.subscription.updated",
            "customer.subscription.deleted"]);
        var failedUpdate = Event(receiver.Received[6].Body).GetProperty("data");
        failedUpdate.GetProperty("previous_attributes").GetProperty("status").GetString().ShouldBe("active");
        renewal.InvoiceId.ShouldNotBeNull();
        await Should.ThrowAsync<InvalidOperationException>(() => server.Billing.RenewAsync(subscriptionId));
    }

    /// <summary>A subscription Checkout Session for an existing customer, or for a new one known by email.</summary>
    private async Task<string> OpenCheckoutAsync(bool existingCustomer = true)
    {
        var who = existingCustomer
            ? ("customer", (await StripeHttp.PostAsync(server, "/v1/customers", ("email", "owner@example.com"))).Id)
            : ("customer_email", "owner@example.com");
        var session = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("line_items[0][price]", "price_pro_monthly"),
            ("line_items[0][quantity]", "1"), who, ("success_url", "https://app.example/ok"),
            ("client_reference_id", "tenant-1"), ("subscription_data[metadata][tenant_id]", "tenant-1"));
        session.Status.ShouldBe(200, session.Text);
        return session.Id;
    }

    [Test]
    public async Task Events_are_listed_newest_first_filtered_by_type_for_reconciling_missed_deliveries()
    {
        server.Webhooks.EndpointUrl = null;
        var subscriptionId = (await server.Billing.CompleteCheckoutSessionAsync(await OpenCheckoutAsync())).SubscriptionId;
        await server.Billing.CancelAsync(subscriptionId);

        var subscriptionEvents = await StripeHttp.GetAsync(server, "/v1/events?type=customer.subscription.*");
        var newest = await StripeHttp.GetAsync(server, "/v1/events?limit=1");
        var older = await StripeHttp.GetAsync(server, $"/v1/events?limit=10&starting_after={newest.Body.GetProperty("data")[0].GetProperty("id").GetString()}");

        receiver.Received.ShouldBeEmpty();
        subscriptionEvents.Body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .ShouldBe(["customer.subscription.deleted", "customer.subscription.created"]);
        newest.Body.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        newest.Body.GetProperty("data")[0].GetProperty("type").GetString().ShouldBe("customer.subscription.deleted");
        older.Body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .ShouldBe(["invoice.paid", "customer.subscription.created", "checkout.session.completed", "customer.created"]);
        older.Body.GetProperty("has_more").GetBoolean().ShouldBeFalse();
    }

    private async Task<JsonElement> Subscription(string id) => (await StripeHttp.GetAsync(server, $"/v1/subscriptions/{id}")).Body;

    private static JsonElement Item(JsonElement subscription) => subscription.GetProperty("items").GetProperty("data")[0];

    private static JsonElement Event(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
