using System.Net;
using System.Text;

namespace Platform.Billing.Tests;

/// <summary>Stripe's events, delivered by the local Stripe to the real endpoint, move the tenant's plan.</summary>
public sealed class WebhookTests : BillingFixture
{
    [TearDown]
    public async Task Release()
    {
        App.Stripe.Faults.Clear();
        App.Stripe.Webhooks.Hold = false;
        await App.Stripe.Webhooks.DeliverPendingAsync();
    }

    [Test]
    public async Task A_paid_checkout_puts_the_tenant_on_the_plan()
    {
        var owner = await App.RegisterAsync();

        var change = await App.SubscribeAsync(owner, "pro", "year");

        DeliveriesOf(change).ShouldAllBe(d => d.Status == 200);
        var billing = await BillingApp.BillingAsync(owner);
        billing.GetProperty("plan").GetString().ShouldBe("pro");
        billing.GetProperty("status").GetString().ShouldBe("Active");
        billing.GetProperty("interval").GetString().ShouldBe("year");
        billing.GetProperty("currentPeriodEnd").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(360));
        billing.GetProperty("limits").GetProperty("connectedAccounts").GetInt32().ShouldBe(10);
        (await App.ProcessedEventsAsync(owner.TenantId)).ShouldBe(3, "checkout.session.completed, customer.subscription.created, invoice.paid");
    }

    [Test]
    public async Task A_redelivered_event_is_applied_once()
    {
        var owner = await App.RegisterAsync();
        var change = await App.SubscribeAsync(owner);
        var processed = await App.ProcessedEventsAsync(owner.TenantId);

        var again = await App.Stripe.Webhooks.ResendAsync(change.EventIds[^1]);

        again.Status.ShouldBe(200);
        (await App.ProcessedEventsAsync(owner.TenantId)).ShouldBe(processed);
        (await BillingApp.BillingAsync(owner)).GetProperty("plan").GetString().ShouldBe("pro");
    }

    [Test]
    public async Task Plan_changes_delivered_in_reverse_end_on_the_latest_plan()
    {
        var owner = await App.RegisterAsync();
        var subscription = (await App.SubscribeAsync(owner)).SubscriptionId;
        App.Stripe.Webhooks.Hold = true;
        var toBusiness = await App.Stripe.Billing.UpdatePlanAsync(subscription, "price_business_monthly");
        var toProYearly = await App.Stripe.Billing.UpdatePlanAsync(subscription, "price_pro_yearly");

        var sent = await App.Stripe.Webhooks.DeliverPendingAsync([.. toProYearly.EventIds, .. toBusiness.EventIds]);

        sent.ShouldAllBe(d => d.Status == 200);
        var billing = await BillingApp.BillingAsync(owner);
        billing.GetProperty("plan").GetString().ShouldBe("pro");
        billing.GetProperty("interval").GetString().ShouldBe("year");
    }

    [Test]
    public async Task A_failed_payment_leaves_the_plan_past_due_and_a_renewal_makes_it_active()
    {
        var owner = await App.RegisterAsync();
        var subscription = (await App.SubscribeAsync(owner, "business")).SubscriptionId;

        await App.Stripe.Billing.FailPaymentAsync(subscription);
        var pastDue = await BillingApp.BillingAsync(owner);
        await App.Stripe.Billing.RenewAsync(subscription);
        var renewed = await BillingApp.BillingAsync(owner);

        pastDue.GetProperty("plan").GetString().ShouldBe("business");
        pastDue.GetProperty("status").GetString().ShouldBe("PastDue");
        renewed.GetProperty("status").GetString().ShouldBe("Active");
    }

    [Test]
    public async Task A_deleted_subscription_takes_the_tenant_back_to_free()
    {
        var owner = await App.RegisterAsync();
        var subscription = (await App.SubscribeAsync(owner)).SubscriptionId;

        await App.Stripe.Billing.CancelAsync(subscription);

        var billing = await BillingApp.BillingAsync(owner);
        billing.GetProperty("plan").GetString().ShouldBe("free");
        billing.GetProperty("status").GetString().ShouldBe("Canceled");
        billing.GetProperty("limits").GetProperty("connectedAccounts").GetInt32().ShouldBe(3);
    }

    [Test]
    public async Task The_late_end_of_a_replaced_subscription_does_not_end_the_new_one()
    {
        var owner = await App.RegisterAsync();
        var first = (await App.SubscribeAsync(owner)).SubscriptionId;
        App.Stripe.Webhooks.Hold = true;
        var ended = await App.Stripe.Billing.CancelAsync(first);
        App.Stripe.Webhooks.Hold = false;
        await App.SubscribeAsync(owner, "business");

        var late = await App.Stripe.Webhooks.DeliverPendingAsync(ended.EventIds);

        late.ShouldAllBe(d => d.Status == 200);
        var billing = await BillingApp.BillingAsync(owner);
        billing.GetProperty("plan").GetString().ShouldBe("business");
        billing.GetProperty("status").GetString().ShouldBe("Active");
    }

    [Test]
    public async Task An_event_of_another_tenants_customer_never_touches_this_tenant()
    {
        var mine = await App.RegisterAsync();
        var theirs = await App.RegisterAsync();
        await App.SubscribeAsync(mine, "business");
        var their = (await App.SubscribeAsync(theirs, "pro")).SubscriptionId;
        var processed = await App.ProcessedEventsAsync(mine.TenantId);

        await App.Stripe.Billing.CancelAsync(their);

        (await BillingApp.BillingAsync(mine)).GetProperty("plan").GetString().ShouldBe("business");
        (await App.ProcessedEventsAsync(mine.TenantId)).ShouldBe(processed);
        (await BillingApp.BillingAsync(theirs)).GetProperty("plan").GetString().ShouldBe("free");
    }

    [Test]
    public async Task Forged_stale_and_unsigned_deliveries_are_refused_and_change_nothing()
    {
        var owner = await App.RegisterAsync();
        App.Stripe.Webhooks.Hold = true;
        await App.Stripe.Billing.CompleteCheckoutSessionAsync(await BillingApp.CheckoutAsync(owner));
        var completed = App.Stripe.Webhooks.PendingEventIds.ToList();
        var eventId = completed.First(id => (string?)App.Stripe.Store.Find(id, "event")!["type"] == "customer.subscription.created");

        var forged = await App.Stripe.Webhooks.ResendAsync(eventId, new WebhookSigning(Secret: "whsec_" + new string('f', 48)));
        var stale = await App.Stripe.Webhooks.ResendAsync(eventId, new WebhookSigning(Age: TimeSpan.FromMinutes(10)));
        using var anonymous = App.CreateClient();
        var unsigned = await anonymous.PostAsync("/api/v1/billing/webhook", new StringContent(forged.Payload, Encoding.UTF8, "application/json"));
        var tampered = await PostAsync(anonymous, forged.Payload.Replace("\"active\"", "\"canceled\"", StringComparison.Ordinal), stale.SignatureHeader);

        forged.Status.ShouldBe(400);
        stale.Status.ShouldBe(400);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tampered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.ProcessedEventsAsync(owner.TenantId)).ShouldBe(0);
        (await BillingApp.BillingAsync(owner)).GetProperty("plan").GetString().ShouldBe("free");

        var retired = await App.Stripe.Webhooks.ResendAsync(eventId, new WebhookSigning(Secret: BillingApp.RetiredSecret));

        retired.Status.ShouldBe(200, "a secret still listed in Billing:Stripe:WebhookSecrets verifies, as during a roll");
        (await BillingApp.BillingAsync(owner)).GetProperty("plan").GetString().ShouldBe("pro");
    }

    [Test]
    public async Task An_event_that_cannot_be_applied_answers_500_and_is_applied_on_redelivery()
    {
        var owner = await App.RegisterAsync();
        App.Stripe.Webhooks.Hold = true;
        await App.Stripe.Billing.CompleteCheckoutSessionAsync(await BillingApp.CheckoutAsync(owner));
        var eventId = App.Stripe.Webhooks.PendingEventIds.First(id => (string?)App.Stripe.Store.Find(id, "event")!["type"] == "customer.subscription.created");
        App.Stripe.Faults.FailWithServerError(StripeServer.Steps.RetrieveSubscription, 503);

        var failed = await App.Stripe.Webhooks.ResendAsync(eventId);
        var processedAfterFailure = await App.ProcessedEventsAsync(owner.TenantId);
        var retried = await App.Stripe.Webhooks.ResendAsync(eventId);

        failed.Status.ShouldBe(500);
        processedAfterFailure.ShouldBe(0);
        retried.Status.ShouldBe(200);
        (await BillingApp.BillingAsync(owner)).GetProperty("plan").GetString().ShouldBe("pro");
    }

    private IEnumerable<WebhookDelivery> DeliveriesOf(BillingChange change) =>
        App.Stripe.Webhooks.Deliveries.Where(d => change.EventIds.Contains(d.EventId));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await client.SendAsync(request);
    }
}
