using Microsoft.Extensions.Options;

namespace Platform.Billing;

/// <summary>Refuses start-up on a plan catalogue or Stripe settings that could not bill anyone correctly.</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var failures = new List<string>();
        if (!options.Plans.TryGetValue(BillingOptions.FreePlan, out var free))
        {
            failures.Add($"Billing:Plans:{BillingOptions.FreePlan} must be configured: it is the plan of every tenant without a subscription.");
        }
        else if (free.IsPaid)
        {
            failures.Add($"Billing:Plans:{BillingOptions.FreePlan} has no Stripe prices.");
        }
        foreach (var (plan, limits) in options.Plans)
        {
            if (plan.Length == 0 || plan.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            {
                failures.Add($"Billing:Plans:{plan}: plan names are lower-case letters, digits and '-'.");
            }
            if (limits.ConnectedAccounts < 0 || limits.Seats < 0 || limits.PostsPerMonth < 0 || limits.AiBudgetUsdPerMonth < 0
                || limits.MediaStorageBytes < 0 || limits.ApiKeys < 0)
            {
                failures.Add($"Billing:Plans:{plan}: ConnectedAccounts, Seats, PostsPerMonth, AiBudgetUsdPerMonth, MediaStorageBytes and ApiKeys must all be set and not negative.");
            }
            if (limits.IsPaid && (limits.MonthlyPriceId.Length == 0 || limits.YearlyPriceId.Length == 0))
            {
                failures.Add($"Billing:Plans:{plan}: a paid plan needs both MonthlyPriceId and YearlyPriceId.");
            }
        }
        var prices = options.Plans.Values.SelectMany(p => new[] { p.MonthlyPriceId, p.YearlyPriceId }).Where(id => id.Length > 0).ToList();
        if (prices.Count != prices.Distinct(StringComparer.Ordinal).Count())
        {
            failures.Add("Billing:Plans: each Stripe price belongs to one plan and interval, or a subscription's plan could not be told from its price.");
        }
        failures.AddRange(StripeFailures(options.Stripe));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> StripeFailures(StripeOptions stripe)
    {
        if (!IsHttpUrl(stripe.ApiBase))
        {
            yield return "Billing:Stripe:ApiBase must be an absolute http(s) URL.";
        }
        if (stripe.WebhookSecrets.Any(secret => string.IsNullOrWhiteSpace(secret)))
        {
            yield return "Billing:Stripe:WebhookSecrets must not hold empty secrets.";
        }
        if (stripe.WebhookTolerance < TimeSpan.FromSeconds(1) || stripe.WebhookTolerance > TimeSpan.FromHours(1))
        {
            yield return "Billing:Stripe:WebhookTolerance must be between 00:00:01 and 01:00:00.";
        }
        if (stripe.MaxNetworkRetries is < 0 or > 5)
        {
            yield return "Billing:Stripe:MaxNetworkRetries must be between 0 and 5.";
        }
        if (stripe.Timeout < TimeSpan.FromSeconds(1) || stripe.Timeout > TimeSpan.FromMinutes(2))
        {
            yield return "Billing:Stripe:Timeout must be between 00:00:01 and 00:02:00.";
        }
        if (stripe.IsConfigured && !(IsHttpUrl(stripe.SuccessUrl) && IsHttpUrl(stripe.CancelUrl) && IsHttpUrl(stripe.PortalReturnUrl)))
        {
            yield return "Billing:Stripe:SecretKey is set, so SuccessUrl, CancelUrl and PortalReturnUrl must be absolute http(s) URLs of the web app.";
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
