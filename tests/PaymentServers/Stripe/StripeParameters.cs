namespace Platform.PaymentServers.Stripe;

/// <summary>
/// The parameters one endpoint accepts and requires. Stripe refuses parameters it does not know
/// (https://docs.stripe.com/changelog/2011-06-21/exceptions-unrecognized-api-parameters; error code
/// <c>parameter_unknown</c>, https://docs.stripe.com/error-codes#parameter-unknown) and names a missing required one
/// (<c>parameter_missing</c>, https://docs.stripe.com/error-codes#parameter-missing).
/// Patterns: <c>#</c> is an array index (<c>0</c> or empty), <c>*</c> any hash key (metadata).
/// Only the documented parameters this server models are listed; any other is refused as unknown. <c>expand</c> names
/// fields marked "Expandable" in the object's reference (https://docs.stripe.com/api/expanding_objects); it is checked
/// before anything executes, so a refused expansion never leaves a half-done request behind.
/// </summary>
public sealed class StripeParameters(IReadOnlyList<string> allowed, IReadOnlyList<string>? required = null, IReadOnlyList<string>? expandable = null)
{
    private readonly string[][] patterns = [.. allowed.Select(pattern => StripeForm.Segments(pattern)!)];

    public void Check(StripeForm form)
    {
        foreach (var (key, _) in form.Pairs)
        {
            var segments = StripeForm.Segments(key);
            if (segments is null || !patterns.Any(pattern => Matches(pattern, segments)))
            {
                throw StripeError.UnknownParameter(key);
            }
        }
        foreach (var path in form.List("expand"))
        {
            if (!(expandable ?? []).Contains(path.Split('.')[0]))
            {
                throw StripeError.InvalidValue("expand", $"This property cannot be expanded ({path}).");
            }
        }
        foreach (var name in required ?? [])
        {
            if (!form.Has(name) || (form.Value(name) is null && !form.Pairs.Any(pair => pair.Key.StartsWith(name + "[", StringComparison.Ordinal))))
            {
                throw StripeError.MissingParameter(name);
            }
        }
    }

    private static bool Matches(string[] pattern, string[] segments) =>
        pattern.Length == segments.Length && pattern.Zip(segments).All(pair => pair.First switch
        {
            "#" => StripeForm.IsIndex(pair.Second),
            "*" => pair.Second.Length > 0,
            _ => pair.First == pair.Second,
        });
}
