using FluentValidation;

namespace Platform.Billing.Features.StartCheckout;

/// <param name="Plan">A paid plan of <c>GET /billing/plans</c>.</param>
/// <param name="Interval"><c>month</c> or <c>year</c>.</param>
internal sealed record StartCheckoutRequest(string Plan, string Interval);

internal sealed class StartCheckoutValidator : AbstractValidator<StartCheckoutRequest>
{
    public StartCheckoutValidator()
    {
        RuleFor(r => r.Plan).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Interval).Must(i => i is "month" or "year").WithMessage("Interval must be 'month' or 'year'.");
    }
}
