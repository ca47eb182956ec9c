namespace Platform.Billing;

/// <summary>
/// The Stripe account: its secret key (https://docs.stripe.com/keys), the API base (Stripe's own unless a test points
/// elsewhere), the webhook endpoint's signing secrets (several while one is rolled,
/// https://docs.stripe.com/webhooks#roll-endpoint-secrets) and where Checkout and the portal send the customer back.
/// </summary>
internal sealed class StripeOptions
{
    public string SecretKey { get; init; } = "";
    public string ApiBase { get; init; } = "https://api.stripe.com";
    public List<string> WebhookSecrets { get; init; } = [];

    /// <summary>How old a signed webhook may be (Stripe's libraries default to five minutes).</summary>
    public TimeSpan WebhookTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a failed Stripe request, each under the same idempotency key.</summary>
    public int MaxNetworkRetries { get; init; } = 2;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public string SuccessUrl { get; init; } = "";
    public string CancelUrl { get; init; } = "";
    public string PortalReturnUrl { get; init; } = "";

    public bool IsConfigured => SecretKey.Length > 0;
}
