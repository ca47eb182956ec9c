namespace Platform.SocialAccounts.Contracts;

/// <summary>What asking the account's platform about a target concluded.</summary>
public enum TargetCheckOutcome
{
    /// <summary>The platform answered (or the platform has nothing account-specific to ask): <see cref="TargetCheck.Violations"/> says what it refuses.</summary>
    Checked,
    /// <summary>
    /// The platform could not be asked (a timeout, a 5xx, its rate limit): nothing is known, so the target is not
    /// passed either; <see cref="TargetCheck.Reason"/> says why.
    /// </summary>
    PlatformUnavailable,
}

/// <summary>A target held against what its account has on the platform: the board exists, the creator allows the privacy level.</summary>
public sealed record TargetCheck(TargetCheckOutcome Outcome, IReadOnlyList<ContentViolation> Violations, string? Reason = null)
{
    public static TargetCheck Passed { get; } = new(TargetCheckOutcome.Checked, []);

    public bool IsAccepted => Outcome == TargetCheckOutcome.Checked && Violations.Count == 0;

    public static TargetCheck Refused(IReadOnlyList<ContentViolation> violations) => new(TargetCheckOutcome.Checked, violations);

    public static TargetCheck Unavailable(string reason) => new(TargetCheckOutcome.PlatformUnavailable, [], reason);
}
