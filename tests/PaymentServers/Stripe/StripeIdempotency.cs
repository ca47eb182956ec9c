using System.Collections.Concurrent;

namespace Platform.PaymentServers.Stripe;

/// <summary>A first answer kept under its idempotency key, with what the request was.</summary>
public sealed record SavedAnswer(string Path, string Parameters, int Status, string Json, DateTimeOffset SavedAt);

/// <summary>
/// Idempotency keys as https://docs.stripe.com/api/idempotent_requests describes them: up to 255 characters, on POST
/// only (GET and DELETE are idempotent by definition, a key there has no effect); the first answer is saved once the
/// endpoint began executing and replayed for the same key; the parameters of a retry are compared with the first
/// request's and a difference is an error; keys may be pruned once at least 24 hours old, after which the key starts a
/// new request. Errors once execution began are saved and replayed like successes; requests refused before it
/// (malformed parameters, a missing key, the rate limiter) are not (https://docs.stripe.com/error-low-level#idempotency).
/// </summary>
public sealed class StripeIdempotency(TimeProvider clock)
{
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, SavedAnswer> saved = new(StringComparer.Ordinal);

    /// <summary>The saved first answer for <paramref name="key"/>, or null when none (or pruned); throws when the request differs.</summary>
    public SavedAnswer? Replay(string key, string path, StripeForm form)
    {
        if (!saved.TryGetValue(key, out var first))
        {
            return null;
        }
        if (clock.GetUtcNow() - first.SavedAt >= Lifetime)
        {
            saved.TryRemove(key, out _);
            return null;
        }
        if (first.Path != path)
        {
            throw StripeError.IdempotencyMismatch(
                $"Keys for idempotent requests can only be used for the same endpoint they were first used for ('{first.Path}' vs '{path}'). Try using a key other than '{key}' if you meant to execute a different request.");
        }
        if (first.Parameters != form.Canonical)
        {
            throw StripeError.IdempotencyMismatch(
                $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
        }
        return first;
    }

    public void Save(string key, string path, StripeForm form, int status, string json) =>
        saved[key] = new SavedAnswer(path, form.Canonical, status, json, clock.GetUtcNow());
}
