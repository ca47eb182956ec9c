using Platform.Posts.Contracts;

namespace Platform.Host.Jobs.Publishing;

/// <summary>Targets that went wrong (or, for the dead letter, were given up on), each with its attempts.</summary>
internal sealed class TroubledTargetsPage(string title, IReadOnlyList<TroubledTarget> targets, string whenEmpty) : PublishingPage(title)
{
    protected override void Body() => Table(
        ["Status", "Error", "Updated", "Next attempt", "Tenant", "Post", "Target", "Account", "Platform", "Attempts"],
        targets.Select(t => (IReadOnlyList<object?>)
            [t.Status, Error(t.ErrorKind, t.ErrorExcerpt), t.UpdatedAt, t.NextAttemptAt, t.TenantId, t.PostId, t.TargetId, t.AccountId, t.Platform,
             string.Join("; ", t.AttemptLog.Select(Describe))]),
        whenEmpty);

    private static string Describe(AttemptSummary attempt)
    {
        var steps = attempt.Steps.Count == 0 ? "" : $" after {string.Join(", ", attempt.Steps)}";
        var error = Error(attempt.ErrorKind, attempt.Error);
        return $"#{attempt.Attempt} {attempt.Outcome}{steps}{(error.Length == 0 ? "" : $": {error}")}";
    }

    private static string Error(string? kind, string? excerpt) => string.Join(": ", new[] { kind, excerpt }.OfType<string>());
}
