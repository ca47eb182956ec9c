using Platform.Webhooks.Data;

namespace Platform.Webhooks.Features.Shared;

/// <param name="StatusCode">The receiver's status; null when it never answered.</param>
/// <param name="ResponseExcerpt">The first 1 KB of the answer's body.</param>
internal sealed record AttemptView(int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, int LatencyMs, string? ResponseExcerpt, string? Error)
{
    public static AttemptView From(DeliveryAttempt attempt) =>
        new(attempt.Attempt, attempt.AttemptedAt, attempt.StatusCode, attempt.LatencyMs, attempt.ResponseExcerpt, attempt.Error);
}
