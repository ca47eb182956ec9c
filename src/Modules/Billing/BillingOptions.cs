namespace Platform.Billing;

/// <summary>The <c>Billing</c> section: the plans on offer and the Stripe account behind the paid ones.</summary>
internal sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>The plan every tenant is on without a live subscription; it must be configured and has no prices.</summary>
    public const string FreePlan = "free";

    /// <summary>Plans by name (lower case, as the API names them).</summary>
    public Dictionary<string, PlanOptions> Plans { get; init; } = new(StringComparer.Ordinal);

    public StripeOptions Stripe { get; init; } = new();
}
