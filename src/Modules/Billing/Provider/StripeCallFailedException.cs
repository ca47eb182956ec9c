using Platform.SharedKernel.Errors;

namespace Platform.Billing.Provider;

/// <summary>Stripe could not be reached or refused a request we expected it to accept: answered as 502.</summary>
internal sealed class StripeCallFailedException(string detail, Exception cause)
    : ProblemException(502, "Payment provider error", detail)
{
    public Exception Cause { get; } = cause;
}
