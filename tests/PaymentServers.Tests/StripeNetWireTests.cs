using Stripe;
using Stripe.Checkout;

namespace Platform.PaymentServers.Tests;

/// <summary>
/// The Stripe.net SDK, pointed at this server through its API base, is accepted and understood: evidence that the
/// server's wire format (form encoding, headers, JSON, signatures) is the one Stripe's own client speaks.
/// </summary>
public sealed class StripeNetWireTests
{
    [Test]
    public async Task Stripe_net_creates_a_customer_and_a_subscription_checkout_session_and_verifies_the_webhook()
    {
        await using var server = new StripeServer();
        server.AddPrice("price_pro_monthly", 2_000);
        await server.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        server.Webhooks.EndpointUrl = receiver.Url;
        var client = new StripeClient(apiKey: server.SecretKey, apiBase: server.Url);

        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions
        {
            Email = "owner@example.com",
            Metadata = new Dictionary<string, string> { ["tenant_id"] = "tenant-1" },
        });
        var session = await new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customer.Id,
            LineItems = [new SessionLineItemOptions { Price = "price_pro_monthly", Quantity = 2 }],
            SuccessUrl = "https://app.example/billing/done",
            CancelUrl = "https://app.example/billing",
            ClientReferenceId = "tenant-1",
            Metadata = new Dictionary<string, string> { ["tenant_id"] = "tenant-1" },
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string> { ["tenant_id"] = "tenant-1" } },
        });
        await server.Billing.CompleteCheckoutSessionAsync(session.Id);
        var completed = await new SessionService(client).GetAsync(session.Id, new SessionGetOptions { Expand = ["subscription"] });
        var invoice = await new InvoiceService(client).GetAsync(completed.Subscription.LatestInvoiceId);
        var events = receiver.Received.Select(r => EventUtility.ConstructEvent(r.Body, r.Signature, server.Webhooks.Secrets[0])).ToList();

        customer.Metadata["tenant_id"].ShouldBe("tenant-1");
        session.Url.ShouldStartWith(server.Url);
        completed.Subscription.Status.ShouldBe("active");
        completed.Subscription.Items.Data[0].Quantity.ShouldBe(2);
        completed.Subscription.Items.Data[0].CurrentPeriodEnd.ShouldBeGreaterThan(completed.Subscription.Items.Data[0].CurrentPeriodStart);
        invoice.Status.ShouldBe("paid");
        invoice.Lines.Data[0].Amount.ShouldBe(4_000);
        invoice.Parent.SubscriptionDetails.SubscriptionId.ShouldBe(completed.SubscriptionId);
        events.Select(e => e.Type).ShouldBe([EventTypes.CustomerCreated, EventTypes.CheckoutSessionCompleted, EventTypes.CustomerSubscriptionCreated, EventTypes.InvoicePaid]);
        ((Customer)events[0].Data.Object).Id.ShouldBe(customer.Id);
        ((Session)events[1].Data.Object).Id.ShouldBe(session.Id);
        ((Invoice)events[3].Data.Object).Id.ShouldBe(invoice.Id);
        server.Webhooks.ApiVersion.ShouldBe(StripeConfiguration.ApiVersion);
    }

    [Test]
    public async Task Stripe_net_retries_a_lost_answer_with_its_idempotency_key_and_gets_one_customer()
    {
        await using var server = new StripeServer();
        await server.StartAsync();
        server.Faults.LoseAnswerAfterAccept(StripeServer.Steps.CreateCustomer);
        var client = new StripeClient(apiKey: server.SecretKey, apiBase: server.Url);

        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions { Email = "owner@example.com" });

        server.Store.All("customer").Single()["id"]!.GetValue<string>().ShouldBe(customer.Id);
        var posts = server.RequestsTo("POST", "/v1/customers");
        posts.Count.ShouldBe(2);
        posts[1].Header("Idempotency-Key").ShouldNotBeNullOrEmpty();
        posts[1].Header("Idempotency-Key").ShouldBe(posts[0].Header("Idempotency-Key"));
    }
}
