using Platform.Webhooks.Data;

namespace Platform.Webhooks.Sending;

/// <summary>An attempt that got its outcome and waits to be written to the delivery log.</summary>
internal sealed record CompletedAttempt(ClaimedDelivery Claim, AttemptOutcome Outcome, DateTimeOffset FinishedAt);
