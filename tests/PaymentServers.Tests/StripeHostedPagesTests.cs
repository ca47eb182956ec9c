using System.Net;

namespace Platform.PaymentServers.Tests;

/// <summary>The stand-ins for Stripe's hosted pages pay and return where the session says, as a browser would follow them.</summary>
public sealed class StripeHostedPagesTests
{
    private static readonly HttpClient Browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Test]
    public async Task Paying_on_the_checkout_page_completes_the_session_and_returns_to_the_success_url_with_its_id()
    {
        await using var server = new StripeServer();
        server.AddPrice("price_pro_monthly", 2_000);
        await server.StartAsync();
        var session = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("line_items[0][price]", "price_pro_monthly"),
            ("success_url", "https://app.example/billing/done?session_id={CHECKOUT_SESSION_ID}"), ("cancel_url", "https://app.example/billing"));
        var url = session.Body.GetProperty("url").GetString()!;

        var page = await Browser.GetStringAsync(url);
        using var paid = await Browser.PostAsync(url, null);
        using var again = await Browser.PostAsync(url, null);

        page.ShouldContain("20.00 USD");
        page.ShouldContain("https://app.example/billing");
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paid.Headers.Location!.ToString().ShouldBe($"https://app.example/billing/done?session_id={session.Id}");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StripeHttp.GetAsync(server, $"/v1/checkout/sessions/{session.Id}")).Body.GetProperty("status").GetString().ShouldBe("complete");
        server.Store.All("subscription").Count.ShouldBe(1);
    }

    [Test]
    public async Task An_expired_session_sends_its_event_and_can_no_longer_be_paid()
    {
        await using var server = new StripeServer();
        server.AddPrice("price_pro_monthly", 2_000);
        await server.StartAsync();
        var session = await StripeHttp.PostAsync(server, "/v1/checkout/sessions", ("mode", "subscription"), ("line_items[0][price]", "price_pro_monthly"),
            ("success_url", "https://app.example/billing/done"));

        var events = await server.Billing.ExpireCheckoutSessionAsync(session.Id);
        var url = session.Body.GetProperty("url").GetString();
        using var page = await Browser.GetAsync(url);
        using var pay = await Browser.PostAsync(url, null);

        server.Store.Find(events[0], "event")!["type"]!.GetValue<string>().ShouldBe("checkout.session.expired");
        (await StripeHttp.GetAsync(server, $"/v1/checkout/sessions/{session.Id}")).Body.GetProperty("status").GetString().ShouldBe("expired");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        pay.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Should.ThrowAsync<InvalidOperationException>(() => server.Billing.CompleteCheckoutSessionAsync(session.Id));
    }

    [Test]
    public async Task The_portal_page_links_back_to_the_return_url()
    {
        await using var server = new StripeServer();
        await server.StartAsync();
        var customer = await StripeHttp.PostAsync(server, "/v1/customers", ("email", "owner@example.com"));
        var portal = await StripeHttp.PostAsync(server, "/v1/billing_portal/sessions", ("customer", customer.Id), ("return_url", "https://app.example/settings/billing"));

        var page = await Browser.GetStringAsync(portal.Body.GetProperty("url").GetString());

        page.ShouldContain("href=\"https://app.example/settings/billing\"");
    }
}
