namespace Platform.Posts.Contracts;

/// <summary>Who paused an account's publishing.</summary>
public enum AccountPauseSource
{
    /// <summary>Its breaker, after failures in a row; it lets a trial through when the pause runs out.</summary>
    Breaker,
    /// <summary>A person, until resumed or until the end they chose.</summary>
    User,
    /// <summary>The platform refused its token for good: paused until the account is reconnected.</summary>
    Reconnect,
}

/// <summary>An account whose publishing is paused, and how many of its targets wait meanwhile.</summary>
public sealed record PausedAccount(
    Guid TenantId, Guid AccountId, AccountPauseSource PausedBy, DateTimeOffset PausedAt, DateTimeOffset? PausedUntil,
    int ConsecutiveFailures, string? LastErrorKind, long WaitingTargets);
