using Platform.Billing.Contracts;

namespace Platform.Billing.Features.ListPlans;

/// <param name="Paid">Bought through Checkout, monthly or yearly; the free plan needs nothing.</param>
internal sealed record PlanView(string Name, bool Paid, PlanLimits Limits);
