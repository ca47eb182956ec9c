using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Billing.Tests;

/// <summary>Checkout and portal sessions against the local Stripe: one customer per tenant, idempotency keys, refusals.</summary>
public sealed class CheckoutTests : BillingFixture
{
    [TearDown]
    public void ClearFaults() => App.Stripe.Faults.Clear();

    [Test]
    public async Task A_checkout_makes_the_customer_and_a_subscription_session_for_the_tenant_under_idempotency_keys()
    {
        var owner = await App.RegisterAsync();

        var sessionId = await BillingApp.CheckoutAsync(owner, "pro", "year");

        var session = App.Stripe.Store.Find(sessionId, "checkout.session")!;
        var customer = await App.StoredCustomerAsync(owner.TenantId);
        customer.ShouldNotBeNull();
        ((string?)session["customer"]).ShouldBe(customer);
        ((string?)session["client_reference_id"]).ShouldBe(owner.TenantId.ToString());
        ((string?)session["mode"]).ShouldBe("subscription");
        App.CustomersAtStripe(owner.TenantId).ShouldBe(1);
        var customerPost = App.Stripe.RequestsTo("POST", "/v1/customers").Last(r => r.Text.Contains(owner.TenantId.ToString(), StringComparison.Ordinal));
        customerPost.Header("Idempotency-Key").ShouldBe($"customer:{owner.TenantId}");
        var sessionPost = App.Stripe.RequestsTo("POST", "/v1/checkout/sessions").Last(r => r.Text.Contains(owner.TenantId.ToString(), StringComparison.Ordinal));
        sessionPost.Header("Idempotency-Key").ShouldStartWith($"checkout:{owner.TenantId}:pro:year:");
        sessionPost.Text.ShouldContain("price_pro_yearly");
    }

    [Test]
    public async Task Two_racing_checkouts_make_one_customer()
    {
        var owner = await App.RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "month" })));

        answers.Select(a => a.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        App.CustomersAtStripe(owner.TenantId).ShouldBe(1);
        var sessions = App.Stripe.Store.All("checkout.session").Where(s => (string?)s["client_reference_id"] == owner.TenantId.ToString()).ToList();
        sessions.Count.ShouldBe(4, "each attempt is its own session");
        sessions.Select(s => (string?)s["customer"]).Distinct().ShouldBe([await App.StoredCustomerAsync(owner.TenantId)]);
    }

    [Test]
    public async Task A_second_checkout_reuses_the_stored_customer()
    {
        var owner = await App.RegisterAsync();
        await BillingApp.CheckoutAsync(owner);
        var customerPosts = App.Stripe.RequestsTo("POST", "/v1/customers").Count;

        await BillingApp.CheckoutAsync(owner, "business");

        App.Stripe.RequestsTo("POST", "/v1/customers").Count.ShouldBe(customerPosts);
    }

    [TestCase("viewer")]
    [TestCase("editor")]
    [TestCase("admin")]
    public async Task Only_the_owner_starts_a_checkout_or_opens_the_portal(string role)
    {
        var owner = await App.RegisterAsync();
        var member = await App.AddUserAsync(owner, role);

        var checkout = await member.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "month" });
        var portal = await member.Client.PostAsync("/api/v1/billing/portal", null);

        checkout.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        portal.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.StoredCustomerAsync(owner.TenantId)).ShouldBeNull();
    }

    [TestCase("platinum", "month", HttpStatusCode.BadRequest)]
    [TestCase("free", "month", HttpStatusCode.BadRequest)]
    [TestCase("pro", "week", HttpStatusCode.BadRequest)]
    [TestCase("", "month", HttpStatusCode.BadRequest)]
    public async Task A_checkout_for_no_paid_plan_is_refused_and_nothing_is_made(string plan, string interval, HttpStatusCode expected)
    {
        var owner = await App.RegisterAsync();
        var customerPosts = App.Stripe.RequestsTo("POST", "/v1/customers").Count;

        var answer = await owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan, interval });

        answer.StatusCode.ShouldBe(expected, await answer.Content.ReadAsStringAsync());
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        App.Stripe.RequestsTo("POST", "/v1/customers").Count.ShouldBe(customerPosts);
        (await App.StoredCustomerAsync(owner.TenantId)).ShouldBeNull();
    }

    [Test]
    public async Task A_checkout_for_the_plan_the_tenant_has_is_a_conflict()
    {
        var owner = await App.RegisterAsync();
        await App.SubscribeAsync(owner, "pro");
        var sessions = App.Stripe.RequestsTo("POST", "/v1/checkout/sessions").Count;

        var answer = await owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "year" });

        answer.StatusCode.ShouldBe(HttpStatusCode.Conflict, await answer.Content.ReadAsStringAsync());
        App.Stripe.RequestsTo("POST", "/v1/checkout/sessions").Count.ShouldBe(sessions);
    }

    [TestCase(500)]
    [TestCase(503)]
    public async Task Stripe_failing_to_make_the_customer_answers_502_and_stores_nothing(int status)
    {
        var owner = await App.RegisterAsync();
        App.Stripe.Faults.FailWithServerError(StripeServer.Steps.CreateCustomer, status);

        var answer = await owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "month" });

        answer.StatusCode.ShouldBe(HttpStatusCode.BadGateway, await answer.Content.ReadAsStringAsync());
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await App.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM billing.accounts")).ShouldBe(0L);
    }

    [Test]
    public async Task Stripe_failing_to_make_the_session_answers_502_and_a_retry_reuses_the_customer()
    {
        var owner = await App.RegisterAsync();
        App.Stripe.Faults.FailWithServerError(StripeServer.Steps.CreateCheckoutSession, 500);

        var failed = await owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "month" });
        await BillingApp.CheckoutAsync(owner);

        failed.StatusCode.ShouldBe(HttpStatusCode.BadGateway, await failed.Content.ReadAsStringAsync());
        App.CustomersAtStripe(owner.TenantId).ShouldBe(1);
    }

    [Test]
    public async Task The_portal_opens_for_the_tenants_customer_under_an_idempotency_key()
    {
        var owner = await App.RegisterAsync();
        await BillingApp.CheckoutAsync(owner);

        var answer = await owner.Client.PostAsync("/api/v1/billing/portal", null);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString().ShouldStartWith(App.Stripe.Url);
        var post = App.Stripe.RequestsTo("POST", "/v1/billing_portal/sessions").Last();
        post.Text.ShouldContain((await App.StoredCustomerAsync(owner.TenantId))!);
        post.Header("Idempotency-Key").ShouldStartWith($"portal:{owner.TenantId}:");
    }

    [Test]
    public async Task The_portal_before_any_checkout_is_a_conflict()
    {
        var owner = await App.RegisterAsync();

        var answer = await owner.Client.PostAsync("/api/v1/billing/portal", null);

        answer.StatusCode.ShouldBe(HttpStatusCode.Conflict, await answer.Content.ReadAsStringAsync());
    }
}
