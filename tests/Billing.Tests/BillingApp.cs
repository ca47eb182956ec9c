using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Billing.Tests;

/// <summary>
/// The real host on a real port (so the local Stripe can POST its webhooks to it) with billing pointed at a local Stripe
/// that sells the plans' prices. The endpoint knows a retired secret besides the current one, as during a secret roll.
/// </summary>
internal sealed class BillingApp : PlatformApp
{
    public const string RetiredSecret = "whsec_retired0000000000000000000000";

    private BillingApp(StripeServer stripe, IDictionary<string, string?> settings) : base(settings) => Stripe = stripe;

    public StripeServer Stripe { get; }

    public static async Task<BillingApp> StartAsync()
    {
        var stripe = new StripeServer();
        foreach (var (price, amount, interval) in new[]
                 {
                     ("price_pro_monthly", 2_900L, "month"), ("price_pro_yearly", 29_000L, "year"),
                     ("price_business_monthly", 9_900L, "month"), ("price_business_yearly", 99_000L, "year"),
                 })
        {
            stripe.AddPrice(price, amount, interval: interval);
        }
        await stripe.StartAsync();
        var app = new BillingApp(stripe, new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "false",
            ["Publishing:DispatcherEnabled"] = "false",
            ["Billing:Stripe:SecretKey"] = stripe.SecretKey,
            ["Billing:Stripe:ApiBase"] = stripe.Url,
            ["Billing:Stripe:WebhookSecrets:0"] = RetiredSecret,
            ["Billing:Stripe:WebhookSecrets:1"] = stripe.Webhooks.Secrets[0],
            // One request per call, so a planned fault is what the endpoint sees.
            ["Billing:Stripe:MaxNetworkRetries"] = "0",
            // The shipped free plan's accounts, which the billing view shows.
            ["Billing:Plans:free:ConnectedAccounts"] = "3",
        });
        app.UseKestrel(0);
        app.StartServer();
        stripe.Webhooks.EndpointUrl = new Uri(app.ClientOptions.BaseAddress, "/api/v1/billing/webhook").ToString();
        return app;
    }

    /// <summary>Starts a checkout as the owner and answers the Checkout Session's id (the last segment of its URL).</summary>
    public static async Task<string> CheckoutAsync(TestAccount owner, string plan = "pro", string interval = "month")
    {
        var answer = await owner.Client.PostAsJsonAsync("/api/v1/billing/checkout", new { plan, interval });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var url = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        return url[(url.LastIndexOf('/') + 1)..];
    }

    /// <summary>Checks out and pays: the tenant's subscription exists at Stripe and its events were delivered.</summary>
    public async Task<BillingChange> SubscribeAsync(TestAccount owner, string plan = "pro", string interval = "month") =>
        await Stripe.Billing.CompleteCheckoutSessionAsync(await CheckoutAsync(owner, plan, interval));

    public static async Task<JsonElement> BillingAsync(TestAccount account)
    {
        var answer = await account.Client.GetAsync("/api/v1/billing");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<long> ProcessedEventsAsync(Guid tenantId) =>
        (long)(await Database.ScalarAsTenantAsync(tenantId, "SELECT count(*) FROM billing.processed_events WHERE tenant_id = $1", tenantId))!;

    public async Task<string?> StoredCustomerAsync(Guid tenantId) =>
        await Database.ScalarAsTenantAsync(tenantId, "SELECT stripe_customer_id FROM billing.accounts WHERE tenant_id = $1", tenantId) as string;

    /// <summary>Customers the local Stripe holds for the tenant (our client tags each with the tenant id).</summary>
    public int CustomersAtStripe(Guid tenantId) =>
        Stripe.Store.All("customer").Count(c => (string?)c["metadata"]?["tenant_id"] == tenantId.ToString());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
