using Microsoft.Extensions.Options;
using Platform.Billing.Plans;
using Stripe;
using CheckoutSessionService = Stripe.Checkout.SessionService;
using CheckoutSessionCreateOptions = Stripe.Checkout.SessionCreateOptions;
using CheckoutLineItem = Stripe.Checkout.SessionLineItemOptions;
using PortalSessionService = Stripe.BillingPortal.SessionService;
using PortalSessionCreateOptions = Stripe.BillingPortal.SessionCreateOptions;

namespace Platform.Billing.Provider;

/// <summary>
/// The Stripe calls billing makes, through Stripe.net pointed at <c>Billing:Stripe:ApiBase</c>. Every POST carries an
/// idempotency key made from our own operation (https://docs.stripe.com/api/idempotent_requests), so a retry, or a race
/// of two requests doing the same thing, gets Stripe's first answer instead of a second object.
/// </summary>
internal sealed class StripeGateway
{
    private readonly StripeOptions options;
    private readonly Lazy<StripeClient> lazyClient;

    public StripeGateway(IOptions<BillingOptions> billing)
    {
        options = billing.Value.Stripe;
        // Made on first use: Stripe.net refuses an empty key, and an installation without payments must still answer
        // every billing request (503 or a validation problem), never fail to build this service.
        lazyClient = new Lazy<StripeClient>(() => new StripeClient(options.SecretKey,
            httpClient: new SystemNetHttpClient(new HttpClient { Timeout = options.Timeout }, options.MaxNetworkRetries), apiBase: options.ApiBase));
    }

    private StripeClient Client => lazyClient.Value;

    /// <summary>The tenant's one customer: the key is the tenant's, so concurrent or repeated calls answer the same customer.</summary>
    public Task<string> CreateCustomerAsync(Guid tenantId, CancellationToken cancellationToken) => CallAsync("create the customer", async () =>
    {
        var customer = await new CustomerService(Client).CreateAsync(new CustomerCreateOptions
        {
            Metadata = new Dictionary<string, string> { ["tenant_id"] = tenantId.ToString() },
        }, Key($"customer:{tenantId}"), cancellationToken);
        return customer.Id;
    });

    /// <summary>A Checkout Session in subscription mode for one price (https://docs.stripe.com/api/checkout/sessions/create).</summary>
    public Task<string> CreateCheckoutSessionAsync(
        Guid tenantId, string customerId, string plan, BillingInterval interval, string priceId, Guid attemptId, CancellationToken cancellationToken) =>
        CallAsync("start the checkout", async () =>
        {
            var session = await new CheckoutSessionService(Client).CreateAsync(new CheckoutSessionCreateOptions
            {
                Mode = "subscription",
                Customer = customerId,
                ClientReferenceId = tenantId.ToString(),
                LineItems = [new CheckoutLineItem { Price = priceId, Quantity = 1 }],
                SuccessUrl = options.SuccessUrl,
                CancelUrl = options.CancelUrl,
                SubscriptionData = new() { Metadata = new Dictionary<string, string> { ["tenant_id"] = tenantId.ToString() } },
            }, Key($"checkout:{tenantId}:{plan}:{interval.ToString().ToLowerInvariant()}:{attemptId}"), cancellationToken);
            return session.Url;
        });

    /// <summary>A customer portal session (https://docs.stripe.com/api/customer_portal/sessions/create).</summary>
    public Task<string> CreatePortalSessionAsync(Guid tenantId, string customerId, Guid attemptId, CancellationToken cancellationToken) =>
        CallAsync("open the billing portal", async () =>
        {
            var session = await new PortalSessionService(Client).CreateAsync(new PortalSessionCreateOptions
            {
                Customer = customerId,
                ReturnUrl = options.PortalReturnUrl,
            }, Key($"portal:{tenantId}:{attemptId}"), cancellationToken);
            return session.Url;
        });

    /// <summary>The subscription as it stands now (https://docs.stripe.com/api/subscriptions/retrieve).</summary>
    public Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        CallAsync("read the subscription", () => new SubscriptionService(Client).GetAsync(subscriptionId, cancellationToken: cancellationToken));

    private static RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private static async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException failure)
        {
            throw new StripeCallFailedException($"Stripe refused to {what}: {failure.StripeError?.Message ?? failure.Message}", failure);
        }
        catch (HttpRequestException failure)
        {
            throw new StripeCallFailedException($"Stripe could not be reached to {what}.", failure);
        }
        catch (TaskCanceledException failure) when (failure.InnerException is TimeoutException)
        {
            throw new StripeCallFailedException($"Stripe did not answer in time to {what}.", failure);
        }
    }
}
