using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.PaymentServers.Stripe;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>Billing against a local Stripe: a checkout started by the owner, and the plan Stripe's signed webhook changed.</summary>
public sealed class BillingActionsTests
{
    private StripeServer stripe = null!;
    private PlatformApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        stripe = new StripeServer();
        stripe.AddPrice("price_pro_monthly", 2_900L, interval: "month");
        stripe.AddPrice("price_pro_yearly", 29_000L, interval: "year");
        stripe.AddPrice("price_business_monthly", 9_900L, interval: "month");
        stripe.AddPrice("price_business_yearly", 99_000L, interval: "year");
        await stripe.StartAsync();
        app = AuditHost.Start(new Dictionary<string, string?>
        {
            ["Billing:Stripe:SecretKey"] = stripe.SecretKey,
            ["Billing:Stripe:ApiBase"] = stripe.Url,
            ["Billing:Stripe:WebhookSecrets:0"] = stripe.Webhooks.Secrets[0],
            ["Billing:Stripe:MaxNetworkRetries"] = "0",
        });
        stripe.Webhooks.EndpointUrl = new Uri(app.ClientOptions.BaseAddress, "/api/v1/billing/webhook").ToString();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await stripe.DisposeAsync();
    }

    [Test]
    public async Task A_checkout_started_and_the_plan_the_webhook_changed_are_recorded()
    {
        var owner = await app.RegisterAsync();
        var answer = await owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "year" });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var url = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        await stripe.Billing.CompleteCheckoutSessionAsync(url[(url.LastIndexOf('/') + 1)..]);

        var checkout = await owner.SingleEntryAsync("billing.checkout_started", owner.TenantId);
        checkout.GetProperty("after").GetProperty("plan").GetString().ShouldBe("pro");
        checkout.GetProperty("after").GetProperty("interval").GetString().ShouldBe("Year");
        checkout.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(owner.UserId);
        // Newest first: the plan (or its status) may change more than once while Stripe's events arrive.
        var (changes, _) = await owner.ReadAuditAsync($"action=billing.plan_changed&resourceId={owner.TenantId}");
        changes.ShouldNotBeEmpty();
        changes[^1].GetProperty("before").GetProperty("plan").GetString().ShouldBe("free");
        changes[0].GetProperty("after").GetProperty("plan").GetString().ShouldBe("pro");
        changes.ShouldAllBe(e => e.GetProperty("actor").GetProperty("kind").GetString() == "Anonymous", "Stripe's signed webhook is no user's");
    }
}
